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
    DecodeError,
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
    AnthropicModels,
    DeepSeekModels,
    FeedbackObject,
    FileChunk,
    FileMetadata,
    FileSearchResponse,
    FileSearchResult,
    GoogleModels,
    ListFeedbackResponse,
    Message,
    Models,
    OpenAIModels,
    ProgressEntry,
    ResponseListResponse,
    ResponseObject,
    SkillGuideline,
    SkillGuidelineCreate,
    SkillGuidelineListResponse,
    SkillGuidelineUpdate,
    ThreadObject,
    User,
)
from .types import AgentMode, ApiKeyMode, ApiProvider, ContentType, DuplicateHandling
from .types import FileScope, ModelProvider, ModelType, ProcessingStatus, Scope
from .utils import ProgressTracker, display_progress, format_progress_entry

__version__: str = _native.__version__

__all__ = [
    "AgentConfig",
    "AgentMode",
    "AnthropicModels",
    "ApiKeyMode",
    "ApiProvider",
    "ArgumentTypeError",
    "AsyncClient",
    "AsyncProgress",
    "AuthenticationError",
    "Client",
    "ContentType",
    "DecodeError",
    "DeepSeekModels",
    "display_progress",
    "DuplicateHandling",
    "ErrorCode",
    "FeedbackObject",
    "FileAccessDeniedError",
    "FileChunk",
    "FileMetadata",
    "FileNotFoundError",
    "FileOperationError",
    "FileScope",
    "FileSearchResponse",
    "FileSearchResult",
    "format_progress_entry",
    "GoogleModels",
    "ListFeedbackResponse",
    "LocalFileNotSupported",
    "LumnisAIError",
    "Message",
    "MissingUserId",
    "ModelProvider",
    "Models",
    "ModelType",
    "NotFoundError",
    "NotImplementedYetError",
    "OpenAIModels",
    "ProcessingStatus",
    "ProgressEntry",
    "ProgressTracker",
    "RateLimitError",
    "ResponseListResponse",
    "ResponseObject",
    "Scope",
    "SkillGuideline",
    "SkillGuidelineCreate",
    "SkillGuidelineListResponse",
    "SkillGuidelineUpdate",
    "SyncProgress",
    "TenantScopeUserIdConflict",
    "ThreadObject",
    "TransportError",
    "User",
    "ValidationError",
    "__version__",
]
