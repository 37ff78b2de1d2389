"""The agent configuration, where the official SDK keeps it
(``lumnisai.models.agent_config``)."""

from ..types import AgentMode, ModelType
from . import AgentConfig

__all__ = ["AgentConfig", "AgentMode", "ModelType"]
