"""The official SDK's module of the sync client, so that `from lumnisai.client import Client`
keeps working; the client itself is in `lumnisai._client`."""

from ._client import Client

__all__ = ["Client"]
