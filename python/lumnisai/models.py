"""The models of the API, with the official SDK's names, attributes and types.

Plain classes built from the wire dict (no pydantic): ids are ``uuid.UUID``, timestamps aware
``datetime``, free-form fields plain dicts. ``model_dump()`` gives the wire dict back; models
compare by value, print like pydantic models and pickle.

A model built from an answer converts its ids, timestamps and nested models on first access
(then keeps the result): a page of 100 users costs 100 dict copies, and ``uuid`` and
``datetime`` are imported only when a program first reads such a field.
"""

from __future__ import annotations

from .types import AgentMode, ContentType, DuplicateHandling, FileScope, ModelType
from .types import ProcessingStatus, Scope

# `typing` costs a cold import more than the rest of the package: mypy reads the names below,
# the interpreter never imports them (the annotations stay strings).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any, Callable, ClassVar, Dict, FrozenSet, List, Optional, Tuple
    from uuid import UUID


def _dt(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    from datetime import datetime

    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        # Python before 3.11 reads at most six fraction digits.
        import re

        return datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", text))


_UUID: Any = None
_SAFE: Any = None


def _uuid(text: Any) -> Any:
    global _UUID, _SAFE
    if not isinstance(text, str):
        return text
    if _UUID is None:
        from uuid import UUID, SafeUUID

        _UUID, _SAFE = UUID, SafeUUID.unknown
    digits = text.replace("-", "")
    if len(digits) != 32:
        return _UUID(text)
    # What UUID(text) does for this form, without its checks for the other forms: half the
    # time, and a page of users reads a hundred ids.
    value = object.__new__(_UUID)
    object.__setattr__(value, "int", int(digits, 16))
    object.__setattr__(value, "is_safe", _SAFE)
    return value


def _wire(value: Any) -> Any:
    from datetime import datetime
    from enum import Enum
    from uuid import UUID

    if isinstance(value, _Model):
        return value.model_dump()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_wire(v) for v in value]
    if isinstance(value, dict):
        return {k: _wire(v) for k, v in value.items()}
    return value


class _Model:
    """A model: its fields are the annotated class attributes, defaulting to None."""

    _names: ClassVar[Tuple[str, ...]] = ()
    _name_set: ClassVar[FrozenSet[str]] = frozenset()
    _convert: ClassVar[Dict[str, Callable[[Any], Any]]] = {}
    _lists: ClassVar[Dict[str, Callable[[Any], Any]]] = {}
    # Every field converted on first access: the scalar conversions and the lists.
    _lazy: ClassVar[Dict[str, Callable[[Any], Any]]] = {}
    _defaults: ClassVar[Dict[str, Any]] = {}

    def __init_subclass__(cls) -> None:
        names: List[str] = []
        for klass in reversed(cls.__mro__):
            for name in klass.__dict__.get("__annotations__", {}):
                if not name.startswith("_") and name not in names:
                    names.append(name)
        cls._names = tuple(names)
        cls._name_set = frozenset(names)
        lazy = dict(cls._convert)
        for name, convert in cls._lists.items():
            lazy[name] = _each(convert)
        cls._lazy = lazy
        cls._defaults = {name: getattr(cls, name, None) for name in names}

    def __init__(self, **fields: Any) -> None:
        unknown = set(fields) - set(self._names)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        defaults = self._defaults
        for name in self._names:
            setattr(self, name, fields.get(name, defaults[name]))

    @classmethod
    def _from(cls, data: Dict[str, Any]) -> Any:
        self = cls.__new__(cls)
        values = self.__dict__
        values.update(data)
        # Fields the model does not declare are dropped: a server's new field must not shadow
        # a method (say, `model_dump`).
        if not cls._name_set.issuperset(data):
            for name in data.keys() - cls._name_set:
                del values[name]
        # The raw values of converted fields wait in `_raw` until first read.
        values["_raw"] = {name: values.pop(name, None) for name in cls._lazy}
        return self

    if not TYPE_CHECKING:
        # Hidden from mypy, so that a misspelt attribute stays a type error.
        def __getattr__(self, name: str) -> Any:
            # A converted field not read yet, or a declared one the answer did not carry.
            cls = type(self)
            convert = cls._lazy.get(name)
            if convert is not None:
                raw = self.__dict__.get("_raw")
                value = convert(None if raw is None else raw.pop(name, None))
            elif name in cls._name_set:
                value = None
            else:
                raise AttributeError(f"{cls.__name__!r} object has no attribute {name!r}")
            self.__dict__[name] = value
            return value

    def model_dump(self, *, exclude_none: bool = False) -> Dict[str, Any]:
        """The model as its wire dict."""
        out = {name: _wire(getattr(self, name)) for name in self._names}
        if exclude_none:
            out = {k: v for k, v in out.items() if v is not None}
        return out

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._names)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._names)
        return f"{type(self).__name__}({fields})"

    def __getstate__(self) -> Dict[str, Any]:
        # Every field converted, so that a pickle does not depend on the wire form.
        return {name: getattr(self, name) for name in self._names}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)


def _each(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda items: [convert(v) for v in items or ()]


def _model(cls: Any) -> Callable[[Any], Any]:
    return lambda data: cls._from(data) if isinstance(data, dict) else data


class Message(_Model):
    """One message of a conversation."""

    role: str
    content: str

    def __init__(self, role: str = "user", content: str = "", **extra: Any) -> None:
        super().__init__(role=role, content=content, **extra)


class AgentConfig(_Model):
    """Agent and model settings of a run; every field is optional."""

    orchestrator_model_type: Optional[ModelType]
    planner_model_type: Optional[ModelType]
    coordinator_model_type: Optional[ModelType]
    orchestrator_model_name: Optional[str]
    planner_model_name: Optional[str]
    coordinator_model_name: Optional[str]
    final_response_model_name: Optional[str]
    use_cognitive_tools: Optional[bool]
    enable_task_validation: Optional[bool]
    generate_comprehensive_output: Optional[bool]
    agent_mode: Optional[AgentMode]
    skill_ids: Optional[List[str]]


class User(_Model):
    """An end user of the tenant."""

    id: UUID
    email: str
    first_name: Optional[str]
    last_name: Optional[str]
    tenant_id: Optional[UUID]
    is_active: bool
    created_at: datetime
    updated_at: Optional[datetime]
    metadata: Optional[Dict[str, Any]]
    _convert = {"id": _uuid, "tenant_id": _uuid, "created_at": _dt, "updated_at": _dt}


class PaginationInfo(_Model):
    """Where a page of users stands."""

    page: int
    page_size: int
    total: int
    total_pages: int
    has_next: bool
    has_prev: bool


class UsersListResponse(_Model):
    """One page of users."""

    users: List[User]
    pagination: PaginationInfo
    total: int
    _convert = {"pagination": _model(PaginationInfo)}
    _lists = {"users": User._from}


class ThreadObject(_Model):
    """A conversation."""

    thread_id: UUID
    tenant_id: Optional[UUID]
    user_id: Optional[UUID]
    title: Optional[str]
    created_at: datetime
    updated_at: Optional[datetime]
    response_count: int
    last_response_at: Optional[datetime]
    _convert = {
        "thread_id": _uuid,
        "tenant_id": _uuid,
        "user_id": _uuid,
        "created_at": _dt,
        "updated_at": _dt,
        "last_response_at": _dt,
    }


class ThreadListResponse(_Model):
    """One page of threads."""

    threads: List[ThreadObject]
    total: int
    limit: int
    offset: int
    _lists = {"threads": ThreadObject._from}


class ProgressEntry(_Model):
    """One step of an agent run."""

    ts: datetime
    state: str
    message: str
    output_text: Optional[str]
    tool_calls: Optional[List[Dict[str, Any]]]
    response_id: Optional[UUID]
    _convert = {"ts": _dt, "response_id": _uuid}

    def __str__(self) -> str:
        return f"{self.ts.isoformat()} - {self.state.upper()} {self.message}"


class ResponseObject(_Model):
    """An agent run."""

    response_id: UUID
    thread_id: Optional[UUID]
    tenant_id: Optional[UUID]
    user_id: Optional[UUID]
    status: str
    progress: List[ProgressEntry]
    input_messages: List[Message]
    output_text: Optional[str]
    structured_response: Optional[Dict[str, Any]]
    artifacts: Any
    error: Optional[Dict[str, Any]]
    options: Optional[Dict[str, Any]]
    response_title: Optional[str]
    created_at: datetime
    completed_at: Optional[datetime]
    _convert = {
        "response_id": _uuid,
        "thread_id": _uuid,
        "tenant_id": _uuid,
        "user_id": _uuid,
        "created_at": _dt,
        "completed_at": _dt,
    }
    _lists = {"progress": ProgressEntry._from, "input_messages": Message._from}

    @property
    def content(self) -> Optional[str]:
        """The output text, as the official SDK names it too."""
        return self.output_text


class CreateResponseResponse(_Model):
    """What creating a response answers."""

    response_id: UUID
    thread_id: Optional[UUID]
    status: str
    tenant_id: Optional[UUID]
    created_at: Optional[datetime]
    _convert = {"response_id": _uuid, "thread_id": _uuid, "tenant_id": _uuid, "created_at": _dt}


class CancelResponse(_Model):
    """What cancelling a response answers."""

    status: str
    message: Optional[str]


class ResponseListResponse(_Model):
    """One page of responses."""

    responses: List[ResponseObject]
    total: int
    limit: int
    offset: int
    _lists = {"responses": ResponseObject._from}


class CreateFeedbackResponse(_Model):
    """What creating feedback answers."""

    feedback_id: UUID
    created_at: datetime
    _convert = {"feedback_id": _uuid, "created_at": _dt}


class FileMetadata(_Model):
    """A stored file."""

    id: UUID
    tenant_id: Optional[UUID]
    user_id: Optional[UUID]
    file_name: str
    original_file_name: Optional[str]
    file_type: Optional[str]
    mime_type: Optional[str]
    file_size: int
    file_scope: Optional[str]
    blob_url: Optional[str]
    processing_status: Optional[str]
    error_message: Optional[str]
    total_chunks: Optional[int]
    chunks_embedded: Optional[int]
    tags: List[str]
    created_at: datetime
    updated_at: Optional[datetime]
    deleted_at: Optional[datetime]
    _convert = {
        "id": _uuid,
        "tenant_id": _uuid,
        "user_id": _uuid,
        "created_at": _dt,
        "updated_at": _dt,
        "deleted_at": _dt,
    }


class FileUploadResponse(_Model):
    """What an upload answers."""

    file_id: UUID
    file_name: str
    status: Optional[str]
    message: Optional[str]
    _convert = {"file_id": _uuid}


class FileListResponse(_Model):
    """One page of files."""

    files: List[FileMetadata]
    total_count: int
    page: int
    limit: int
    has_more: bool
    _lists = {"files": FileMetadata._from}


class FileContentResponse(_Model):
    """The text of a file, or a range of its lines."""

    file_id: UUID
    content_type: Optional[str]
    text: Optional[str]
    metadata: Optional[Dict[str, Any]]
    start_line: Optional[int]
    end_line: Optional[int]
    total_lines: Optional[int]
    _convert = {"file_id": _uuid}


class ProcessingStatusResponse(_Model):
    """How far a file's processing is."""

    status: str
    progress_percentage: Optional[float]
    chunks_embedded: Optional[int]
    total_chunks: Optional[int]
    estimated_time_remaining_seconds: Optional[float]
    error_message: Optional[str]


__all__ = [
    "AgentConfig",
    "AgentMode",
    "CancelResponse",
    "ContentType",
    "CreateFeedbackResponse",
    "CreateResponseResponse",
    "DuplicateHandling",
    "FileContentResponse",
    "FileListResponse",
    "FileMetadata",
    "FileScope",
    "FileUploadResponse",
    "Message",
    "ModelType",
    "PaginationInfo",
    "ProcessingStatus",
    "ProcessingStatusResponse",
    "ProgressEntry",
    "ResponseListResponse",
    "ResponseObject",
    "Scope",
    "ThreadListResponse",
    "ThreadObject",
    "User",
    "UsersListResponse",
]
