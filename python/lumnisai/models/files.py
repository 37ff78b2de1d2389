"""The models of files, where the official SDK keeps them (``lumnisai.models.files``)."""

from ..types import ContentType, DuplicateHandling, FileScope, ProcessingStatus
from . import (
    FileContentResponse,
    FileListResponse,
    FileMetadata,
    FileUploadResponse,
    ProcessingStatusResponse,
)
from ._unavailable import (
    BulkDeleteRequest,
    BulkDeleteResponse,
    BulkUploadResponse,
    FileChunk,
    FileContentRequest,
    FileScopeUpdateRequest,
    FileSearchRequest,
    FileSearchResponse,
    FileSearchResult,
    FileStatisticsResponse,
    FileUploadRequest,
)

__all__ = [
    "BulkDeleteRequest",
    "BulkDeleteResponse",
    "BulkUploadResponse",
    "ContentType",
    "DuplicateHandling",
    "FileChunk",
    "FileContentRequest",
    "FileContentResponse",
    "FileListResponse",
    "FileMetadata",
    "FileScope",
    "FileScopeUpdateRequest",
    "FileSearchRequest",
    "FileSearchResponse",
    "FileSearchResult",
    "FileStatisticsResponse",
    "FileUploadRequest",
    "FileUploadResponse",
    "ProcessingStatus",
    "ProcessingStatusResponse",
]
