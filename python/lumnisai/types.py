"""The enumerations of the official SDK that calls take: scopes and model types; and, so that
code importing them runs, those of its calls outside the contract (model providers, external
API keys)."""

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


class ModelProvider(str, Enum):
    """The providers a model name can start with (``openai:gpt-4.1``)."""

    OPENAI = "openai"
    ANTHROPIC = "anthropic"
    AZURE_OPENAI = "azure_openai"
    AZURE_AI = "azure_ai"
    GOOGLE_VERTEXAI = "google_vertexai"
    GOOGLE_GENAI = "google_genai"
    BEDROCK = "bedrock"
    BEDROCK_CONVERSE = "bedrock_converse"
    COHERE = "cohere"
    FIREWORKS = "fireworks"
    TOGETHER = "together"
    MISTRALAI = "mistralai"
    HUGGINGFACE = "huggingface"
    GROQ = "groq"
    OLLAMA = "ollama"
    GOOGLE_ANTHROPIC_VERTEX = "google_anthropic_vertex"
    DEEPSEEK = "deepseek"
    IBM = "ibm"
    NVIDIA = "nvidia"
    XAI = "xai"
    PERPLEXITY = "perplexity"


class ApiProvider(str, Enum):
    """The external API keys a tenant can store (not a call of this package)."""

    OPENAI_API_KEY = "OPENAI_API_KEY"
    ANTHROPIC_API_KEY = "ANTHROPIC_API_KEY"
    GOOGLE_API_KEY = "GOOGLE_API_KEY"
    COHERE_API_KEY = "COHERE_API_KEY"
    GROQ_API_KEY = "GROQ_API_KEY"
    NVIDIA_API_KEY = "NVIDIA_API_KEY"
    FIREWORKS_API_KEY = "FIREWORKS_API_KEY"
    MISTRAL_API_KEY = "MISTRAL_API_KEY"
    TOGETHER_API_KEY = "TOGETHER_API_KEY"
    XAI_API_KEY = "XAI_API_KEY"
    PPLX_API_KEY = "PPLX_API_KEY"
    HUGGINGFACE_API_KEY = "HUGGINGFACE_API_KEY"
    DEEPSEEK_API_KEY = "DEEPSEEK_API_KEY"
    IBM_API_KEY = "IBM_API_KEY"
    EXA_API_KEY = "EXA_API_KEY"
    SERPAPI_API_KEY = "SERPAPI_API_KEY"
    CRUSTDATA_API_KEY = "CRUSTDATA_API_KEY"
    E2B_API_KEY = "E2B_API_KEY"


class ApiKeyMode(str, Enum):
    """Whose API keys a tenant's runs use (not a call of this package)."""

    BYO_KEYS = "byo_keys"
    PLATFORM = "platform"


__all__ = [
    "AgentMode",
    "ApiKeyMode",
    "ApiProvider",
    "ContentType",
    "DuplicateHandling",
    "FileScope",
    "ModelProvider",
    "ModelType",
    "ProcessingStatus",
    "Scope",
]
