"""The exceptions of the lumnisai package, named as in the official SDK.

Every error of the client is a ``LumnisAIError`` with ``message``, ``code``, ``status_code``,
``request_id``, ``detail`` and ``details``; the native module builds them through
``_from_native`` so that each core error kind lands on its official class. A
``ValidationError`` is also a ``ValueError``, as the official SDK raises ``ValueError`` for
the bad arguments and configuration it checks itself; an argument of a type that cannot be
sent is an ``ArgumentTypeError``, a ``ValidationError`` that is also a ``TypeError``.
"""

from __future__ import annotations

import builtins
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
    return _build(cls, message, fields)


def _build(cls: Type[LumnisAIError], message: str, fields: Dict[str, Any]) -> LumnisAIError:
    # Past the subclass's own constructor, whose arguments are the official SDK's (a file path
    # for LocalFileNotSupported): the message is given whole.
    err = cls.__new__(cls)
    LumnisAIError.__init__(err, message, **fields)
    if isinstance(err, OSError) and isinstance(err.details, dict):
        # What `except OSError as e` code reads: the errno of the reason, and the path.
        import errno

        numbers = {"not_found": errno.ENOENT, "permission_denied": errno.EACCES,
                   "is_a_directory": errno.EISDIR}
        err.errno = numbers.get(str(err.details.get("reason")))  # type: ignore[assignment]
        err.filename = err.details.get("path")
    return err


class TransportError(LumnisAIError):
    """No usable answer: connection refused or reset, a timeout, a 5xx after the retries."""

    default_code = ErrorCode.NETWORK_ERROR


class DecodeError(TransportError, ValueError):
    """An answer that is not the JSON the API promises. A ``ValueError`` too, as the official
    SDK's JSON decoding error is."""


class ValidationError(LumnisAIError, ValueError):
    """The request was rejected as invalid, by the server (400, 409, 422) or before sending."""

    default_code = ErrorCode.INVALID_PARAMETERS


class ArgumentTypeError(ValidationError, TypeError):
    """An argument of a type the API cannot take (``get_user(None)``), raised before any
    request."""


class RateLimitError(LumnisAIError):
    """HTTP 429 after the retries; ``retry_after`` is the server's wait in seconds."""

    default_code = ErrorCode.RATE_LIMIT_EXCEEDED

    def __init__(self, message: str = "Rate limit exceeded", **kwargs: Any) -> None:
        retry_after = kwargs.pop("retry_after", None)
        super().__init__(message, **kwargs)
        self.retry_after: Optional[int] = retry_after

    def __reduce__(self) -> Tuple[Any, ...]:
        _, (_, message, fields) = super().__reduce__()
        return (_rebuild_rate_limit, (message, fields, self.retry_after))


def _rebuild_rate_limit(
    message: str, fields: Dict[str, Any], retry_after: Optional[int]
) -> RateLimitError:
    return RateLimitError(message, retry_after=retry_after, **fields)


def _whole_seconds(seconds: Optional[float]) -> Optional[int]:
    # The official SDK's retry_after is whole seconds; a fraction rounds up, so that waiting
    # that long is always enough.
    if seconds is None:
        return None
    whole = int(seconds)
    return whole + 1 if whole < seconds else whole


class AuthenticationError(LumnisAIError):
    """HTTP 401 or 403: the API key is missing, wrong or not allowed."""

    default_code = ErrorCode.UNAUTHORIZED


class NotFoundError(LumnisAIError):
    """HTTP 404."""

    default_code = ErrorCode.NOT_FOUND


# The constructors below take the official SDK's arguments (most none, with its default
# message); the errors of the core are built past them, by `_build`, with the core's message.


class MissingUserId(ValidationError):
    """A user-scope call that names no user, raised before any request."""

    default_code = ErrorCode.MISSING_USER_ID

    def __init__(
        self,
        message: str = (
            "user_id is required when scope is USER. Either provide user_id or use scope=TENANT"
        ),
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)


class TenantScopeUserIdConflict(ValidationError):
    """The official SDK's class; never raised: a user switches a call to user scope."""

    default_code = ErrorCode.TENANT_SCOPE_USER_ID_CONFLICT

    def __init__(
        self, message: str = "user_id must not be provided when scope is TENANT", **kwargs: Any
    ) -> None:
        super().__init__(message, **kwargs)


class LocalFileNotSupported(ValidationError):
    """A local path where the API takes an artifact id or a remote URI."""

    default_code = ErrorCode.LOCAL_FILE_NOT_SUPPORTED

    def __init__(self, file_path: str, **kwargs: Any) -> None:
        super().__init__(
            f"Local file paths are not supported yet: {file_path}. "
            "Please wait for the artifact upload API or use artifact IDs.",
            **kwargs,
        )


class NotImplementedYetError(LumnisAIError):
    """A feature of the official SDK this package does not offer."""

    default_code = ErrorCode.NOT_IMPLEMENTED

    def __init__(self, message: str = "This feature is not yet implemented",
                 **kwargs: Any) -> None:
        super().__init__(message, **kwargs)


class FileOperationError(LumnisAIError):
    """The base of the errors of a file call, as in the official SDK; raised itself for a
    local file that could not be read or written."""


class FileNotFoundError(FileOperationError, NotFoundError):  # noqa: A001 (the official name)
    """HTTP 404 from a call on one file, or a local path to upload that does not exist (as
    the official SDK raises it); also a ``NotFoundError``."""

    default_code = ErrorCode.NOT_FOUND

    def __init__(self, message: str = "File not found", **kwargs: Any) -> None:
        super().__init__(message, **kwargs)


class FileAccessDeniedError(FileOperationError, AuthenticationError):
    """HTTP 403 from a call on one file; also an ``AuthenticationError``."""

    default_code = ErrorCode.FORBIDDEN

    def __init__(self, message: str = "Access to file denied", **kwargs: Any) -> None:
        super().__init__(message, **kwargs)


class LocalFileError(FileOperationError, OSError):
    """A local file that could not be read or written: a ``FileOperationError``, as the
    official SDK raises it, and an ``OSError``, as Python's own file calls raise it."""


class LocalFileNotFoundError(FileNotFoundError, LocalFileError, builtins.FileNotFoundError):
    """A local path that does not exist (a file to upload, a download's folder): the
    official SDK's ``FileNotFoundError`` and Python's builtin one."""


# Each core error kind, and the class and code it is raised as.
_KINDS: Dict[str, Tuple[Type[LumnisAIError], Optional[ErrorCode]]] = {
    "authentication": (AuthenticationError, None),
    "not_found": (NotFoundError, None),
    "validation": (ValidationError, None),
    "rate_limit": (RateLimitError, None),
    "server": (TransportError, None),
    # NETWORK_ERROR, TransportError's own code, as the official SDK raises no answer and a
    # timeout alike (`kind` tells them apart).
    "transport": (TransportError, None),
    "timeout": (TransportError, None),
    "decode": (DecodeError, None),
    "body_too_large": (TransportError, None),
    "missing_user_id": (MissingUserId, None),
    "tenant_scope_user_id_conflict": (TenantScopeUserIdConflict, None),
    "local_file_not_supported": (LocalFileNotSupported, None),
    "config": (ValidationError, None),
    # Raised by the native module itself, for a Python value that cannot be sent as JSON.
    "argument_type": (ArgumentTypeError, None),
    # A local file that could not be read or written, as the official SDK's file errors.
    "io": (LocalFileError, None),
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
    if kind == "io" and isinstance(details, dict) and details.get("reason") == "not_found":
        cls, code = LocalFileNotFoundError, FileNotFoundError.default_code
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
        return RateLimitError(message, retry_after=_whole_seconds(retry_after), **fields)
    return _build(cls, message, fields)


# The file calls on one file id, whose 404 and 403 the official SDK raises as file errors.
_FILE_OPS = frozenset(
    ("files.get", "files.content", "files.download", "files.status", "files.delete")
)


def _for_op(op: str, err: LumnisAIError) -> LumnisAIError:
    """The error as the official SDK raises it from `op`: a file call's 404 is a
    ``FileNotFoundError``, its 403 a ``FileAccessDeniedError``; any other is ``err``."""
    if op not in _FILE_OPS or err.status_code not in (403, 404):
        return err
    cls: Type[LumnisAIError] = (
        FileNotFoundError if err.status_code == 404 else FileAccessDeniedError
    )
    _, (_, message, fields) = err.__reduce__()
    fields["code"] = cls.default_code
    return _build(cls, message, fields)


__all__ = [
    "ArgumentTypeError",
    "AuthenticationError",
    "DecodeError",
    "ErrorCode",
    "FileAccessDeniedError",
    "FileNotFoundError",
    "FileOperationError",
    "LocalFileError",
    "LocalFileNotFoundError",
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
