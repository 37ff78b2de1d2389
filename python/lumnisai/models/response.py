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

__all__ = [
    "CancelResponse",
    "CreateFeedbackResponse",
    "CreateResponseResponse",
    "FeedbackObject",
    "ListFeedbackResponse",
    "Message",
    "ProgressEntry",
    "ResponseListResponse",
    "ResponseObject",
]
