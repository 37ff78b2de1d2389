"""lumnisai: a fast drop-in for the official Lumnis AI SDK, on a Rust core.

    import lumnisai

    client = lumnisai.Client()            # LUMNISAI_API_KEY, LUMNISAI_BASE_URL
    user = client.create_user(email="alice@example.com", first_name="Alice")
    alice = client.for_user("alice@example.com")
    response = alice.invoke("What are the latest AI trends?")
    print(response.output_text)
"""

from . import _native
from ._client import AsyncClient, AsyncProgress, Client, SyncProgress
from .exceptions import (
    ArgumentTypeError,
    AuthenticationError,
    ErrorCode,
    FileAccessDeniedError,
    FileNotFoundError,
    FileOperationError,
    LocalFileNotSupported,
    LumnisAIError,
    MissingUserId,
    NotFoundError,
    NotImplementedYetError,
    RateLimitError,
    TenantScopeUserIdConflict,
    TransportError,
    ValidationError,
)
from .models import (
    AgentConfig,
    FeedbackObject,
    FileMetadata,
    ListFeedbackResponse,
    Message,
    ProgressEntry,
    ResponseListResponse,
    ResponseObject,
    ThreadObject,
    User,
)
from .types import AgentMode, ContentType, DuplicateHandling, FileScope, ModelType
from .types import ProcessingStatus, Scope
from .utils import ProgressTracker, display_progress, format_progress_entry

__version__: str = _native.__version__

__all__ = [
    "AgentConfig",
    "AgentMode",
    "ArgumentTypeError",
    "AsyncClient",
    "AsyncProgress",
    "AuthenticationError",
    "Client",
    "ContentType",
    "DuplicateHandling",
    "ErrorCode",
    "FeedbackObject",
    "FileAccessDeniedError",
    "FileMetadata",
    "FileNotFoundError",
    "FileOperationError",
    "FileScope",
    "ListFeedbackResponse",
    "LocalFileNotSupported",
    "LumnisAIError",
    "Message",
    "MissingUserId",
    "ModelType",
    "NotFoundError",
    "NotImplementedYetError",
    "ProcessingStatus",
    "ProgressEntry",
    "ProgressTracker",
    "RateLimitError",
    "ResponseListResponse",
    "ResponseObject",
    "Scope",
    "SyncProgress",
    "TenantScopeUserIdConflict",
    "ThreadObject",
    "TransportError",
    "User",
    "ValidationError",
    "__version__",
    "display_progress",
    "format_progress_entry",
]
