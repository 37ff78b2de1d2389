"""Model names for ``AgentConfig`` (``coordinator_model_name=Models.GPT_4_1``): the official
SDK's catalog, by the same names, so that code written with it runs unchanged.

Each name is the ``provider:model`` text the API takes; any other such text is sent as given.
The per-provider classes hold the same values, as the official SDK's do.
"""

__all__ = [
    "AnthropicModels",
    "DeepSeekModels",
    "GoogleModels",
    "Models",
    "OpenAIModels",
]


def _by_provider(names: list[str], provider: str) -> list[str]:
    return [name for name in names if name.startswith(provider + ":")]


class Models:
    """Every model name of the catalog, as a class attribute."""

    GPT_5 = "openai:gpt-5"
    GPT_5_MINI = "openai:gpt-5-mini"
    GPT_5_NANO = "openai:gpt-5-nano"
    O3 = "openai:o3"
    O3_MINI = "openai:o3-mini"
    O4_MINI = "openai:o4-mini"
    O1 = "openai:o1"
    O1_MINI = "openai:o1-mini"
    O1_PREVIEW = "openai:o1-preview"
    O1_PRO = "openai:o1-pro"
    GPT_4_1 = "openai:gpt-4.1"
    GPT_4_1_MINI = "openai:gpt-4.1-mini"
    GPT_4_1_NANO = "openai:gpt-4.1-nano"
    GPT_4O = "openai:gpt-4o"
    GPT_4O_MINI = "openai:gpt-4o-mini"
    GPT_4O_MINI_2024_07_18 = "openai:gpt-4o-mini-2024-07-18"
    GPT_4 = "openai:gpt-4"
    GPT_4_TURBO = "openai:gpt-4-turbo"
    GPT_4_TURBO_PREVIEW = "openai:gpt-4-turbo-preview"
    GPT_3_5_TURBO = "openai:gpt-3.5-turbo"
    GPT_3_5_TURBO_16K = "openai:gpt-3.5-turbo-16k"

    CLAUDE_3_7_SONNET = "anthropic:claude-3-7-sonnet-20250219"
    CLAUDE_3_5_SONNET = "anthropic:claude-3-5-sonnet"
    CLAUDE_3_5_SONNET_20241022 = "anthropic:claude-3-5-sonnet-20241022"
    CLAUDE_3_5_HAIKU = "anthropic:claude-3-5-haiku"
    CLAUDE_3_OPUS = "anthropic:claude-3-opus"
    CLAUDE_3_OPUS_20240229 = "anthropic:claude-3-opus-20240229"
    CLAUDE_3_SONNET = "anthropic:claude-3-sonnet"
    CLAUDE_3_SONNET_20240229 = "anthropic:claude-3-sonnet-20240229"
    CLAUDE_3_HAIKU = "anthropic:claude-3-haiku"
    CLAUDE_3_HAIKU_20240307 = "anthropic:claude-3-haiku-20240307"

    GEMINI_2_5_PRO = "google_genai:gemini-2.5-pro"
    GEMINI_2_5_FLASH = "google_genai:gemini-2.5-flash"
    GEMINI_2_0_FLASH = "google_genai:gemini-2.0-flash"
    GEMINI_2_0_FLASH_LITE = "google_genai:gemini-2.0-flash-lite"
    GEMINI_1_5_PRO = "google_genai:gemini-1.5-pro"
    GEMINI_1_5_FLASH = "google_genai:gemini-1.5-flash"
    GEMMA_3 = "google_genai:gemma-3"
    GEMMA_2 = "google_genai:gemma-2"

    DEEPSEEK_CHAT = "deepseek:deepseek-chat"
    DEEPSEEK_V3 = "deepseek:deepseek-v3"
    DEEPSEEK_REASONER = "deepseek:deepseek-reasoner"
    DEEPSEEK_R1 = "deepseek:deepseek-r1"
    DEEPSEEK_CODER = "deepseek:deepseek-coder"

    QWEN_2_5_CODER_32B = "qwen:qwen2.5-coder-32b"
    QWEN_2_5_72B = "qwen:qwen2.5-72b"
    QWEN_2_5_72B_INSTRUCT = "qwen:qwen2.5-72b-instruct"
    QWEN_2_5_32B = "qwen:qwen2.5-32b"
    QWEN_2_5_14B = "qwen:qwen2.5-14b"
    QWEN_2_5_7B = "qwen:qwen2.5-7b"
    QWEN_2_5_3B = "qwen:qwen2.5-3b"
    QWQ = "qwen:qwq"
    QWQ_32B_PREVIEW = "qwen:qwq-32b-preview"

    MISTRAL_LARGE = "mistralai:mistral-large"
    MISTRAL_MEDIUM = "mistralai:mistral-medium"
    MISTRAL_SMALL = "mistralai:mistral-small"
    MISTRAL_7B_INSTRUCT = "mistralai:mistral-7b-instruct"
    MISTRAL_NEMO = "mistralai:mistral-nemo"
    MIXTRAL_8X7B = "mistralai:mixtral-8x7b"
    MIXTRAL_8X22B = "mistralai:mixtral-8x22b"

    LLAMA_3_3_70B = "meta:llama-3.3-70b"
    LLAMA_3_2_90B = "meta:llama-3.2-90b"
    LLAMA_3_2_70B = "meta:llama-3.2-70b"
    LLAMA_3_1_405B = "meta:llama-3.1-405b"
    LLAMA_3_1_70B = "meta:llama-3.1-70b"
    LLAMA_3_1_8B = "meta:llama-3.1-8b"
    LLAMA_3_70B = "meta:llama-3-70b"
    LLAMA_3_8B = "meta:llama-3-8b"

    PHI_4 = "microsoft:phi-4"
    PHI_3 = "microsoft:phi-3"
    PHI_3_MEDIUM = "microsoft:phi-3-medium"
    PHI_3_MINI = "microsoft:phi-3-mini"

    COMMAND_R_PLUS = "cohere:command-r-plus"
    COMMAND_R = "cohere:command-r"

    GROK_2 = "xai:grok-2"
    GROK_2_MINI = "xai:grok-2-mini"

    YI_LARGE = "01ai:yi-large"
    YI_34B = "01ai:yi-34b"

    @classmethod
    def all_models(cls) -> list[str]:
        """Every name of the catalog, in its order."""
        return [value for key, value in vars(cls).items()
                if not key.startswith("_") and isinstance(value, str)]

    @classmethod
    def openai_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "openai")

    @classmethod
    def anthropic_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "anthropic")

    @classmethod
    def google_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "google_genai")

    @classmethod
    def deepseek_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "deepseek")

    @classmethod
    def qwen_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "qwen")

    @classmethod
    def mistral_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "mistralai")

    @classmethod
    def llama_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "meta")

    @classmethod
    def microsoft_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "microsoft")

    @classmethod
    def cohere_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "cohere")

    @classmethod
    def xai_models(cls) -> list[str]:
        return _by_provider(cls.all_models(), "xai")


class OpenAIModels:
    """The OpenAI names of ``Models``."""

    GPT_5 = Models.GPT_5
    GPT_5_MINI = Models.GPT_5_MINI
    GPT_5_NANO = Models.GPT_5_NANO
    O3 = Models.O3
    O3_MINI = Models.O3_MINI
    O4_MINI = Models.O4_MINI
    O1 = Models.O1
    O1_MINI = Models.O1_MINI
    O1_PREVIEW = Models.O1_PREVIEW
    O1_PRO = Models.O1_PRO
    GPT_4_1 = Models.GPT_4_1
    GPT_4_1_MINI = Models.GPT_4_1_MINI
    GPT_4_1_NANO = Models.GPT_4_1_NANO
    GPT_4O = Models.GPT_4O
    GPT_4O_MINI = Models.GPT_4O_MINI
    GPT_4O_MINI_2024_07_18 = Models.GPT_4O_MINI_2024_07_18
    GPT_4 = Models.GPT_4
    GPT_4_TURBO = Models.GPT_4_TURBO
    GPT_4_TURBO_PREVIEW = Models.GPT_4_TURBO_PREVIEW
    GPT_3_5_TURBO = Models.GPT_3_5_TURBO
    GPT_3_5_TURBO_16K = Models.GPT_3_5_TURBO_16K


class AnthropicModels:
    """The Anthropic names of ``Models``."""

    CLAUDE_3_7_SONNET = Models.CLAUDE_3_7_SONNET
    CLAUDE_3_5_SONNET = Models.CLAUDE_3_5_SONNET
    CLAUDE_3_5_SONNET_20241022 = Models.CLAUDE_3_5_SONNET_20241022
    CLAUDE_3_5_HAIKU = Models.CLAUDE_3_5_HAIKU
    CLAUDE_3_OPUS = Models.CLAUDE_3_OPUS
    CLAUDE_3_OPUS_20240229 = Models.CLAUDE_3_OPUS_20240229
    CLAUDE_3_SONNET = Models.CLAUDE_3_SONNET
    CLAUDE_3_SONNET_20240229 = Models.CLAUDE_3_SONNET_20240229
    CLAUDE_3_HAIKU = Models.CLAUDE_3_HAIKU
    CLAUDE_3_HAIKU_20240307 = Models.CLAUDE_3_HAIKU_20240307


class GoogleModels:
    """The Google names of ``Models``."""

    GEMINI_2_5_PRO = Models.GEMINI_2_5_PRO
    GEMINI_2_5_FLASH = Models.GEMINI_2_5_FLASH
    GEMINI_2_0_FLASH = Models.GEMINI_2_0_FLASH
    GEMINI_2_0_FLASH_LITE = Models.GEMINI_2_0_FLASH_LITE
    GEMINI_1_5_PRO = Models.GEMINI_1_5_PRO
    GEMINI_1_5_FLASH = Models.GEMINI_1_5_FLASH
    GEMMA_3 = Models.GEMMA_3
    GEMMA_2 = Models.GEMMA_2


class DeepSeekModels:
    """The DeepSeek names of ``Models``."""

    DEEPSEEK_CHAT = Models.DEEPSEEK_CHAT
    DEEPSEEK_V3 = Models.DEEPSEEK_V3
    DEEPSEEK_REASONER = Models.DEEPSEEK_REASONER
    DEEPSEEK_R1 = Models.DEEPSEEK_R1
    DEEPSEEK_CODER = Models.DEEPSEEK_CODER
