"""The models of files, where the official SDK keeps them (``lumnisai.models.files``)."""

from ..types import ContentType, DuplicateHandling, FileScope, ProcessingStatus
from . import (
    FileContentResponse,
    FileListResponse,
    FileMetadata,
    FileUploadResponse,
    ProcessingStatusResponse,
)

__all__ = [
    "ContentType",
    "DuplicateHandling",
    "FileContentResponse",
    "FileListResponse",
    "FileMetadata",
    "FileScope",
    "FileUploadResponse",
    "ProcessingStatus",
    "ProcessingStatusResponse",
]
