"""The models of users, where the official SDK keeps them (``lumnisai.models.user``)."""

from . import PaginationInfo, User, UsersListResponse
from ._unavailable import UserCreate, UserUpdate

__all__ = [
    "PaginationInfo",
    "User",
    "UserCreate",
    "UserUpdate",
    "UsersListResponse",
]
