"""The models of users, where the official SDK keeps them (``lumnisai.models.user``)."""

from . import PaginationInfo, User, UsersListResponse

__all__ = ["PaginationInfo", "User", "UsersListResponse"]
