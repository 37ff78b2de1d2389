"""The exceptions of the lumnisai package, named as in the official SDK.

Every error of the client is a ``LumnisAIError`` with ``message``, ``code``, ``status_code``,
``request_id``, ``detail`` and ``details``; the native module builds them through
``_from_native`` so that each core error kind lands on its official class.
"""

from __future__ import annotations

from enum import Enum

# Read by mypy only: the interpreter never imports `typing` for this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Tuple, Type


class ErrorCode(Enum):
    """The official SDK's error codes."""

    NETWORK_ERROR = "NETWORK_ERROR"
    TIMEOUT = "TIMEOUT"
    CONNECTION_ERROR = "CONNECTION_ERROR"
    INVALID_API_KEY = "INVALID_API_KEY"
    UNAUTHORIZED = "UNAUTHORIZED"
    FORBIDDEN = "FORBIDDEN"
    MISSING_USER_ID = "MISSING_USER_ID"
    TENANT_SCOPE_USER_ID_CONFLICT = "TENANT_SCOPE_USER_ID_CONFLICT"
    INVALID_SCOPE = "INVALID_SCOPE"
    LOCAL_FILE_NOT_SUPPORTED = "LOCAL_FILE_NOT_SUPPORTED"
    INVALID_PARAMETERS = "INVALID_PARAMETERS"
    NOT_FOUND = "NOT_FOUND"
    ALREADY_EXISTS = "ALREADY_EXISTS"
    RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED"
    NOT_IMPLEMENTED = "NOT_IMPLEMENTED"
    UNKNOWN = "UNKNOWN"


class LumnisAIError(Exception):
    """The base of every error raised by the client."""

    default_code = ErrorCode.UNKNOWN

    def __init__(
        self,
        message: str,
        *,
        code: Optional[ErrorCode] = None,
        request_id: Optional[str] = None,
        status_code: Optional[int] = None,
        detail: Any = None,
        kind: Optional[str] = None,
        server_code: Optional[str] = None,
        response_id: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code: ErrorCode = code or self.default_code
        self.request_id = request_id
        self.status_code = status_code
        #: The server's error details verbatim (a dict, a list or a string), or None.
        self.details: Any = detail
        #: The official SDK's form: always a dict.
        self.detail: Dict[str, Any] = (
            detail if isinstance(detail, dict) else ({} if detail is None else {"detail": detail})
        )
        #: The stable kind of the core error, e.g. ``"not_found"`` or ``"decode"``.
        self.kind = kind or "unknown"
        #: The server's own ``error.code`` (e.g. ``"USER_NOT_FOUND"``), when it sent one.
        self.server_code = server_code
        #: The response an ``invoke`` was waiting for, on its deadline error.
        self.response_id = response_id

    def __str__(self) -> str:
        parts = []
        if self.status_code is not None:
            parts.append(f"HTTP {self.status_code}")
        if self.request_id:
            parts.append(f"request {self.request_id}")
        return f"{self.message} ({', '.join(parts)})" if parts else self.message

    def __reduce__(self) -> Tuple[Any, ...]:
        fields = {
            "code": self.code,
            "request_id": self.request_id,
            "status_code": self.status_code,
            "detail": self.details,
            "kind": self.kind,
            "server_code": self.server_code,
            "response_id": self.response_id,
        }
        return (_rebuild, (type(self), self.message, fields))


def _rebuild(cls: Type[LumnisAIError], message: str, fields: Dict[str, Any]) -> LumnisAIError:
    err = LumnisAIError.__new__(cls)
    LumnisAIError.__init__(err, message, **fields)
    return err


class TransportError(LumnisAIError):
    """No usable answer: connection refused or reset, a timeout, a 5xx after the retries."""

    default_code = ErrorCode.NETWORK_ERROR


class ValidationError(LumnisAIError):
    """The request was rejected as invalid, by the server (400, 409, 422) or before sending."""

    default_code = ErrorCode.INVALID_PARAMETERS


class RateLimitError(LumnisAIError):
    """HTTP 429 after the retries; ``retry_after`` is the server's wait in seconds."""

    default_code = ErrorCode.RATE_LIMIT_EXCEEDED

    def __init__(self, message: str = "Rate limit exceeded", **kwargs: Any) -> None:
        retry_after = kwargs.pop("retry_after", None)
        super().__init__(message, **kwargs)
        self.retry_after: Optional[float] = retry_after

    def __reduce__(self) -> Tuple[Any, ...]:
        _, (_, message, fields) = super().__reduce__()
        return (_rebuild_rate_limit, (message, fields, self.retry_after))


def _rebuild_rate_limit(
    message: str, fields: Dict[str, Any], retry_after: Optional[float]
) -> RateLimitError:
    return RateLimitError(message, retry_after=retry_after, **fields)


class AuthenticationError(LumnisAIError):
    """HTTP 401 or 403: the API key is missing, wrong or not allowed."""

    default_code = ErrorCode.UNAUTHORIZED


class NotFoundError(LumnisAIError):
    """HTTP 404."""

    default_code = ErrorCode.NOT_FOUND


class MissingUserId(ValidationError):
    """A user-scope call that names no user, raised before any request."""

    default_code = ErrorCode.MISSING_USER_ID


class TenantScopeUserIdConflict(ValidationError):
    """An explicit tenant scope together with a user, raised before any request."""

    default_code = ErrorCode.TENANT_SCOPE_USER_ID_CONFLICT


class LocalFileNotSupported(ValidationError):
    """A local path where the API takes an artifact id or a remote URI."""

    default_code = ErrorCode.LOCAL_FILE_NOT_SUPPORTED


class NotImplementedYetError(LumnisAIError):
    """A feature of the official SDK this package does not offer."""

    default_code = ErrorCode.NOT_IMPLEMENTED


# Each core error kind, and the class and code it is raised as.
_KINDS: Dict[str, Tuple[Type[LumnisAIError], Optional[ErrorCode]]] = {
    "authentication": (AuthenticationError, None),
    "not_found": (NotFoundError, None),
    "validation": (ValidationError, None),
    "rate_limit": (RateLimitError, None),
    "server": (TransportError, None),
    "transport": (TransportError, ErrorCode.CONNECTION_ERROR),
    "timeout": (TransportError, ErrorCode.TIMEOUT),
    "decode": (TransportError, None),
    "body_too_large": (TransportError, None),
    "missing_user_id": (MissingUserId, None),
    "tenant_scope_user_id_conflict": (TenantScopeUserIdConflict, None),
    "local_file_not_supported": (LocalFileNotSupported, None),
    "config": (ValidationError, None),
    "io": (LumnisAIError, None),
    "internal": (LumnisAIError, None),
}


def _from_native(
    kind: str,
    message: str,
    status: Optional[int],
    request_id: Optional[str],
    server_code: Optional[str],
    details: Any,
    retry_after: Optional[float],
    response_id: Optional[str],
) -> LumnisAIError:
    cls, code = _KINDS.get(kind, (LumnisAIError, None))
    if status == 403:
        code = ErrorCode.FORBIDDEN
    fields: Dict[str, Any] = {
        "code": code,
        "request_id": request_id,
        "status_code": status,
        "detail": details,
        "kind": kind,
        "server_code": server_code,
        "response_id": response_id,
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=retry_after, **fields)
    return cls(message, **fields)


__all__ = [
    "AuthenticationError",
    "ErrorCode",
    "LocalFileNotSupported",
    "LumnisAIError",
    "MissingUserId",
    "NotFoundError",
    "NotImplementedYetError",
    "RateLimitError",
    "TenantScopeUserIdConflict",
    "TransportError",
    "ValidationError",
]
