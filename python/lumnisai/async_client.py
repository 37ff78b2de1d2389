"""The official SDK's module of the async client, so that
`from lumnisai.async_client import AsyncClient` keeps working; the client itself is in
`lumnisai._client`."""

from ._client import AsyncClient

__all__ = ["AsyncClient"]
