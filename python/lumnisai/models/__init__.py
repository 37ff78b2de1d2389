"""The models of the API, with the official SDK's names, attributes and types.

Plain classes built from the wire dict (no pydantic): ids are ``uuid.UUID``, timestamps aware
``datetime``, free-form fields plain dicts. ``model_dump(mode="json")`` gives the wire dict
back, ``model_dump()`` the same with the converted values, as pydantic's; models
compare by value, print like pydantic models and pickle.

A model built from an answer converts its ids, timestamps and nested models on first access
(then keeps the result): a page of 100 users costs 100 dict copies, and ``uuid`` and
``datetime`` are imported only when a program first reads such a field.
"""

from __future__ import annotations

from ..types import AgentMode, ContentType, DuplicateHandling, FileScope, ModelType
from ..types import ProcessingStatus, Scope

# `typing` costs a cold import more than the rest of the package: mypy reads the names below,
# the interpreter never imports them (the annotations stay strings).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any, Callable, ClassVar, Dict, FrozenSet, Iterator, List, Optional, Tuple
    from typing import Iterable, Type, TypeVar, Union
    from uuid import UUID

    _M = TypeVar("_M", bound="_Model")


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


def _enum(cls: Any) -> Callable[[Any], Any]:
    # A value the enum does not know (a server newer than this package) stays a plain str.
    members = cls._value2member_map_
    return lambda value: members.get(value, value) if isinstance(value, str) else value


def _wire(value: Any) -> Any:
    from datetime import datetime
    from enum import Enum
    from uuid import UUID

    if isinstance(value, _Model):
        return value.model_dump(mode="json")
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


def _python(value: Any) -> Any:
    # pydantic's python mode: nested models become dicts, every other value stays as it is.
    if isinstance(value, _Model):
        return value.model_dump()
    if isinstance(value, list):
        return [_python(v) for v in value]
    if isinstance(value, dict):
        return {k: _python(v) for k, v in value.items()}
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
        # Built by hand (``ResponseObject(**answer)``, as the official SDK's own code builds
        # its models), wire values are converted as an answer's are: ids to UUID, times to
        # datetime, nested dicts to models. A bad id or time is a ValueError, as pydantic's.
        defaults = self._defaults
        lazy = self._lazy
        for name in self._names:
            value = fields.get(name, defaults[name])
            convert = lazy.get(name)
            if convert is not None and value is not None:
                value = convert(value)
            setattr(self, name, value)

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

    def model_dump(self, *, mode: str = "python", include: Optional[Iterable[str]] = None,
                   exclude: Optional[Iterable[str]] = None,
                   exclude_none: bool = False) -> Dict[str, Any]:
        """The model as a dict, as pydantic's: in ``python`` mode ids stay ``UUID``,
        timestamps ``datetime`` and enums members; in ``json`` mode all of them are the
        wire's text. ``include`` and ``exclude`` pick top-level fields by name."""
        if mode not in ("python", "json"):
            raise ValueError(f"mode must be 'python' or 'json', not {mode!r}")
        convert = _wire if mode == "json" else _python
        names: Iterable[str] = self._names
        if include is not None:
            wanted = set(include)
            names = [n for n in names if n in wanted]
        if exclude is not None:
            unwanted = set(exclude)
            names = [n for n in names if n not in unwanted]
        out = {name: convert(getattr(self, name)) for name in names}
        if exclude_none:
            out = {k: v for k, v in out.items() if v is not None}
        return out

    @classmethod
    def model_validate(cls: Type[_M], obj: Any) -> _M:
        """The model from a dict, such as ``model_dump()`` gives or a stored answer, as
        pydantic's: keys the model does not declare are ignored; a model is returned as is."""
        if isinstance(obj, cls):
            return obj
        if not isinstance(obj, dict):
            raise TypeError(f"{cls.__name__}.model_validate takes a dict, "
                            f"not {type(obj).__name__}")
        return cls._from(obj)  # type: ignore[no-any-return]

    @classmethod
    def model_validate_json(cls: Type[_M], json_data: Union[str, bytes]) -> _M:
        """The model from JSON text, such as ``model_dump_json()`` gives."""
        import json

        return cls.model_validate(json.loads(json_data))

    def model_copy(self: _M, *, update: Optional[Dict[str, Any]] = None,
                   deep: bool = False) -> _M:
        """A copy, with the fields of ``update`` replaced, as pydantic's."""
        import copy

        clone = copy.deepcopy(self) if deep else copy.copy(self)
        unknown = set(update or ()) - self._name_set
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        for name, value in (update or {}).items():
            setattr(clone, name, value)
        return clone

    def model_dump_json(self, *, indent: Optional[int] = None,
                        include: Optional[Iterable[str]] = None,
                        exclude: Optional[Iterable[str]] = None,
                        exclude_none: bool = False) -> str:
        """The model as JSON text, compact as pydantic's unless ``indent`` is given."""
        import json

        data = self.model_dump(mode="json", include=include, exclude=exclude,
                               exclude_none=exclude_none)
        separators = (",", ":") if indent is None else None
        return json.dumps(data, indent=indent, separators=separators, ensure_ascii=False)

    def __iter__(self) -> Iterator[Tuple[str, Any]]:
        """(name, value) pairs, as a pydantic model gives: ``dict(model)`` works."""
        return ((name, getattr(self, name)) for name in self._names)

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
        # Refused when built, as the official (pydantic) model refuses it; a message read
        # from an answer is not built through here, so a newer server's role still reads.
        role = getattr(role, "value", role)
        if role not in _ROLES:
            from ..exceptions import ValidationError

            raise ValidationError(f"role must be one of {', '.join(_ROLES)}, not {role!r}")
        super().__init__(role=role, content=content, **extra)

    def __str__(self) -> str:
        return f"{self.role.upper()} Message: \n {self.content}"


_ROLES = ("system", "user", "assistant")


_AGENT_MODEL_TYPES = ("orchestrator_model_type", "planner_model_type", "coordinator_model_type")


class AgentConfig(_Model):
    """Agent and model settings of a run, with the official SDK's defaults, so that the same
    ``AgentConfig(...)`` sends the same ``agent_config``."""

    orchestrator_model_type: str = "REASONING_MODEL"
    planner_model_type: str = "SMART_MODEL"
    coordinator_model_type: str = "REASONING_MODEL"
    orchestrator_model_name: Optional[str]
    planner_model_name: Optional[str]
    coordinator_model_name: Optional[str]
    final_response_model_name: Optional[str]
    use_cognitive_tools: bool = True
    enable_task_validation: bool = True
    generate_comprehensive_output: bool = False
    agent_mode: AgentMode = AgentMode.AUTO
    skill_ids: Optional[List[str]]

    def __init__(self, **fields: Any) -> None:
        # As the official (pydantic) model does, a keyword that is no field is ignored; here
        # with a warning, since it is most often a misspelt one.
        unknown = sorted(set(fields) - self._name_set)
        if unknown:
            import warnings

            warnings.warn(f"AgentConfig ignores unknown fields: {', '.join(unknown)}",
                          UserWarning, stacklevel=2)
            fields = {k: v for k, v in fields.items() if k in self._name_set}
        super().__init__(**fields)
        # A value the API cannot take is refused here, as the official (pydantic) model does;
        # the check is the core's, the one every run makes.
        from .. import _native

        _native.check_agent_config(self.to_dict())
        self.agent_mode = AgentMode(self.agent_mode)
        for name in _AGENT_MODEL_TYPES:
            kind = getattr(self, name)
            setattr(self, name, kind.value if isinstance(kind, ModelType) else kind)

    def to_dict(self) -> Dict[str, Any]:
        """The ``agent_config`` a run sends: every field set, None ones left out."""
        return self.model_dump(exclude_none=True, mode="json")

    @classmethod
    def fast_execution(cls) -> "AgentConfig":
        """The official preset for speed: no cognitive tools, no task validation."""
        return cls(coordinator_model_name="openai:gpt-4o-mini", use_cognitive_tools=False,
                   enable_task_validation=False, generate_comprehensive_output=False)

    @classmethod
    def deep_reasoning(cls) -> "AgentConfig":
        """The official preset for complex reasoning."""
        return cls(coordinator_model_name="openai:o3", planner_model_type="REASONING_MODEL",
                   use_cognitive_tools=True, enable_task_validation=True,
                   generate_comprehensive_output=False)

    @classmethod
    def comprehensive_report(cls) -> "AgentConfig":
        """The official preset for detailed reports."""
        return cls(coordinator_model_type="REASONING_MODEL", use_cognitive_tools=True,
                   enable_task_validation=True, generate_comprehensive_output=True)

    @classmethod
    def with_skills(cls, skill_ids: List[str], **kwargs: Any) -> "AgentConfig":
        """A configuration that uses these skills."""
        return cls(skill_ids=skill_ids, **kwargs)


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

    def __str__(self) -> str:
        return (f"Thread ID: {self.thread_id}\nTenant ID: {self.tenant_id}\n"
                f"User ID: {self.user_id}\nTitle: {self.title}\n"
                f"Created At: {self.created_at}\nUpdated At: {self.updated_at}\n"
                f"Response Count: {self.response_count}\n"
                f"Last Response At: {self.last_response_at}")


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
        # As the official model prints: each tool call follows as indented JSON.
        import json

        text = f"{self.ts.isoformat()} - {self.state.upper()} {self.message}"
        for call in self.tool_calls or ():
            text += f"\nTool Call: {json.dumps(call, indent=4)}"
        return text


class ResponseObject(_Model):
    """An agent run."""

    response_id: UUID
    thread_id: UUID
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

    def __str__(self) -> str:
        return (f"Response ID: {self.response_id}\nThread ID: {self.thread_id}\n"
                f"Status: {self.status}\nCreated At: {self.created_at}\n"
                f"Completed At: {self.completed_at}")

    @property
    def plan(self) -> Optional[str]:
        """The plan, as the official SDK reads it: the output of the second step's first tool
        call."""
        progress = self.progress
        if len(progress) < 2 or not progress[1].tool_calls:
            return None
        plan: Optional[str] = progress[1].tool_calls[0].get("output_text")
        return plan

    @property
    def sub_agent_executions(self) -> List[ProgressEntry]:
        """The steps whose last tool call is a sub-agent's FINAL_RESPONSE, as the official
        SDK picks them."""
        return [entry for entry in self.progress
                if entry.tool_calls and entry.tool_calls[-1].get("name") == "FINAL_RESPONSE"]


class ModelOverrides(_Model):
    """Models a run uses instead of the defaults (``provider:model_name``), one per model
    type; sent as the ``model_overrides`` map of the fields set."""

    cheap_model: Optional[str]
    fast_model: Optional[str]
    smart_model: Optional[str]
    reasoning_model: Optional[str]
    vision_model: Optional[str]


class CreateResponseResponse(_Model):
    """What creating a response answers."""

    response_id: UUID
    thread_id: UUID
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


class FeedbackObject(_Model):
    """One piece of feedback on a run."""

    feedback_id: UUID
    response_id: UUID
    tenant_id: Optional[UUID]
    user_id: Optional[UUID]
    feedback_text: str
    feedback_type: str
    progress_id: Optional[UUID]
    tool_call_id: Optional[str]
    tool_args_update: Optional[Dict[str, Any]]
    is_consumed: bool
    consumed_at: Optional[datetime]
    created_at: datetime
    _convert = {
        "feedback_id": _uuid,
        "response_id": _uuid,
        "tenant_id": _uuid,
        "user_id": _uuid,
        "progress_id": _uuid,
        "consumed_at": _dt,
        "created_at": _dt,
    }


class ListFeedbackResponse(_Model):
    """The feedback on a run, or on one step of it (``progress_id_filter``), with its
    counts."""

    response_id: UUID
    progress_id_filter: Optional[UUID]
    total_feedback: int
    consumed_count: int
    unconsumed_count: int
    feedback: List[FeedbackObject]
    note: str = "Shows all feedback (consumed and unconsumed) for this response"
    _convert = {"response_id": _uuid, "progress_id_filter": _uuid}
    _lists = {"feedback": FeedbackObject._from}


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
    file_scope: Optional[FileScope]
    blob_url: Optional[str]
    processing_status: Optional[ProcessingStatus]
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
        "file_scope": _enum(FileScope),
        "processing_status": _enum(ProcessingStatus),
        "created_at": _dt,
        "updated_at": _dt,
        "deleted_at": _dt,
    }

    @property
    def progress_percentage(self) -> float:
        """How much of the file is embedded, in percent, as the official SDK computes it."""
        total = self.total_chunks or 0
        embedded = self.chunks_embedded or 0
        if total == 0:
            return 0.0 if embedded == 0 else 100.0
        return min(embedded / total * 100, 100.0)


class FileUploadResponse(_Model):
    """What an upload answers."""

    file_id: UUID
    file_name: str
    status: Optional[ProcessingStatus]
    message: Optional[str]
    _convert = {"file_id": _uuid, "status": _enum(ProcessingStatus)}


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
    content_type: Optional[ContentType]
    text: Optional[str]
    metadata: Optional[Dict[str, Any]]
    start_line: Optional[int]
    end_line: Optional[int]
    total_lines: Optional[int]
    _convert = {"file_id": _uuid, "content_type": _enum(ContentType)}


class ProcessingStatusResponse(_Model):
    """How far a file's processing is."""

    status: ProcessingStatus
    progress_percentage: Optional[float]
    chunks_embedded: Optional[int]
    total_chunks: Optional[int]
    estimated_time_remaining_seconds: Optional[float]
    error_message: Optional[str]
    jobs: Optional[List[Dict[str, Any]]]
    _convert = {"status": _enum(ProcessingStatus)}


# The official SDK's model catalog, and its models of calls this package lacks.
from ._unavailable import *  # noqa: E402,F401,F403 (the names of its __all__)
from .model_names import AnthropicModels, DeepSeekModels, GoogleModels  # noqa: E402
from .model_names import Models, OpenAIModels  # noqa: E402

__all__ = [
    "AgentConfig",
    "AgentMode",
    "AnthropicModels",
    "ApiKeyModeRequest",
    "ApiKeyModeResponse",
    "AppEnabledResponse",
    "Artifact",
    "ArtifactPart",
    "BulkDeleteRequest",
    "BulkDeleteResponse",
    "BulkUploadResponse",
    "CallbackRequest",
    "CancelResponse",
    "ConnectionStatus",
    "ContentType",
    "CreateFeedbackRequest",
    "CreateFeedbackResponse",
    "CreateResponseRequest",
    "CreateResponseResponse",
    "DeepSeekModels",
    "DuplicateHandling",
    "ExternalApiKeyResponse",
    "FeedbackObject",
    "FileChunk",
    "FileContentRequest",
    "FileContentResponse",
    "FileListResponse",
    "FileMetadata",
    "FileScope",
    "FileScopeUpdateRequest",
    "FileSearchRequest",
    "FileSearchResponse",
    "FileSearchResult",
    "FileStatisticsResponse",
    "FileUploadRequest",
    "FileUploadResponse",
    "GetToolsRequest",
    "GetToolsResponse",
    "GoogleModels",
    "InitiateConnectionRequest",
    "InitiateConnectionResponse",
    "ListAppsResponse",
    "ListConnectionsResponse",
    "ListFeedbackResponse",
    "MCPServer",
    "MCPServerCreate",
    "MCPServerCreateRequest",
    "MCPServerListResponse",
    "MCPServerResponse",
    "MCPServerUpdate",
    "MCPServerUpdateRequest",
    "MCPTestConnectionResponse",
    "MCPToolListResponse",
    "MCPToolResponse",
    "Message",
    "ModelAvailability",
    "ModelOverrides",
    "ModelPreference",
    "ModelPreferenceCreate",
    "ModelPreferencesResponse",
    "ModelType",
    "Models",
    "OpenAIModels",
    "PaginationInfo",
    "ProcessingStatus",
    "ProcessingStatusResponse",
    "ProgressEntry",
    "ResponseListResponse",
    "ResponseObject",
    "Scope",
    "SetAppEnabledResponse",
    "SkillGuideline",
    "SkillGuidelineCreate",
    "SkillGuidelineListResponse",
    "SkillGuidelineUpdate",
    "StoreApiKeyRequest",
    "SupportedModelsResponse",
    "TenantInfo",
    "ThreadListResponse",
    "ThreadObject",
    "Tool",
    "ToolParameter",
    "TransportType",
    "UpdateModelPreferencesRequest",
    "UpdateThreadRequest",
    "User",
    "UserCreate",
    "UserUpdate",
    "UsersListResponse",
]
