"""The models of threads, where the official SDK keeps them (``lumnisai.models.thread``)."""

from . import ThreadListResponse, ThreadObject

__all__ = ["ThreadListResponse", "ThreadObject"]
