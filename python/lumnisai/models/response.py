"""The models of responses, their progress and feedback, where the official SDK keeps them
(``lumnisai.models.response``)."""

from . import (
    CancelResponse,
    CreateFeedbackResponse,
    CreateResponseResponse,
    FeedbackObject,
    ListFeedbackResponse,
    Message,
    ProgressEntry,
    ResponseListResponse,
    ResponseObject,
)
from ._unavailable import Artifact, ArtifactPart, CreateFeedbackRequest, CreateResponseRequest

__all__ = [
    "Artifact",
    "ArtifactPart",
    "CancelResponse",
    "CreateFeedbackRequest",
    "CreateFeedbackResponse",
    "CreateResponseRequest",
    "CreateResponseResponse",
    "FeedbackObject",
    "ListFeedbackResponse",
    "Message",
    "ProgressEntry",
    "ResponseListResponse",
    "ResponseObject",
]
