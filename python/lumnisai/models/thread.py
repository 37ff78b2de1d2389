"""The models of threads, where the official SDK keeps them (``lumnisai.models.thread``)."""

from . import ThreadListResponse, ThreadObject
from ._unavailable import UpdateThreadRequest

__all__ = [
    "ThreadListResponse",
    "ThreadObject",
    "UpdateThreadRequest",
]
