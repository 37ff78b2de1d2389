"""The enumerations of the official SDK that calls take: scopes and model types."""

from enum import Enum


class Scope(str, Enum):
    """Whose data a call acts on: one user's, or the whole tenant's."""

    USER = "user"
    TENANT = "tenant"


class ModelType(str, Enum):
    """The model classes an agent can be configured with."""

    CHEAP_MODEL = "CHEAP_MODEL"
    FAST_MODEL = "FAST_MODEL"
    SMART_MODEL = "SMART_MODEL"
    REASONING_MODEL = "REASONING_MODEL"
    VISION_MODEL = "VISION_MODEL"


class FileScope(str, Enum):
    """Who may see an uploaded file."""

    USER = "user"
    TENANT = "tenant"


class DuplicateHandling(str, Enum):
    """What an upload does when a file of the same name exists."""

    ERROR = "error"
    SKIP = "skip"
    REPLACE = "replace"
    SUFFIX = "suffix"


class ProcessingStatus(str, Enum):
    """Where a file is in its processing."""

    PENDING = "pending"
    PARSING = "parsing"
    EMBEDDING = "embedding"
    COMPLETED = "completed"
    PARTIAL_SUCCESS = "partial_success"
    ERROR = "error"


class ContentType(str, Enum):
    """The kinds of text a file's content can be read as."""

    TEXT = "text"
    TRANSCRIPT = "transcript"
    SUMMARY = "summary"
    STRUCTURED = "structured"


class AgentMode(str, Enum):
    """How an agent run is organised."""

    AUTO = "auto"
    SINGLE_AGENT = "single_agent"
    MULTI_AGENT = "multi_agent"


__all__ = [
    "AgentMode",
    "ContentType",
    "DuplicateHandling",
    "FileScope",
    "ModelType",
    "ProcessingStatus",
    "Scope",
]
