"""The resources (``client.users``, ``threads``, ``responses``, ``files``), written once for
both clients: each method builds the arguments of a native operation and hands them to the
client's runner, which waits (``Client``) or returns an awaitable (``AsyncClient``).
The ``Async*`` classes are the same code under the names the stubs (_resources.pyi) give
their awaitable signatures.
"""

from __future__ import annotations

import os
import sys

from . import models as m
from ._beyond import FILES_CALLS, install_calls
from .exceptions import ArgumentTypeError, ValidationError

# Read by mypy only: the interpreter never imports `typing` or `datetime` for this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any, Dict, Iterable, Optional


def _is_uuid(value: Any) -> bool:
    # uuid is imported by whoever made a UUID: no import here for the common str id.
    uuid = sys.modules.get("uuid")
    return uuid is not None and isinstance(value, uuid.UUID)


def _type_name(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def ident(value: Any, name: str) -> str:
    """A required id (a str or a uuid.UUID) as text; anything else (None, bytes, an int) is an
    ArgumentTypeError, raised before any request rather than sent as, say, ``"None"``."""
    if isinstance(value, str):
        return value
    if _is_uuid(value):
        return str(value)
    raise ArgumentTypeError(f"{name} must be a str or a uuid.UUID, not {_type_name(value)}")


def _id(value: Any, name: str = "user_id") -> Any:
    # An optional id: None means not given.
    return None if value is None else ident(value, name)


def _value(value: Any) -> Any:
    # An enum member gives its value; strings, lists and None have no `value`.
    return getattr(value, "value", value)


def _tags(tags: Any) -> Any:
    if tags is None:
        return []
    if isinstance(tags, str):
        return [t.strip() for t in tags.split(",") if t.strip()]
    if not isinstance(tags, (list, tuple, set, frozenset)) or not all(
        isinstance(t, str) for t in tags
    ):
        raise ArgumentTypeError(
            f"tags must be a str or a list of str, not {_type_name(tags)}"
        )
    return list(tags)


def _date(value: Any) -> Any:
    """A date bound as text: a `date` as the day alone (`2026-12-04`, which the core reads as
    its whole UTC day, so that as an `end_date` it takes that day in, as the API reads the
    official SDK's), a naive `datetime` as UTC."""
    if value is None or isinstance(value, str):
        return value
    from datetime import datetime, timezone

    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.isoformat()


def _drop_none(args: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in args.items() if v is not None}


class _Resource:
    def __init__(self, client: Any) -> None:
        self._client = client

    def _run(self, op: str, args: Dict[str, Any], convert: Any, data: Any = None) -> Any:
        return self._client._run(op, args, convert, data)

    def _iter(self, op: str, args: Dict[str, Any], convert: Any) -> Any:
        return self._client._iter(op, args, convert)


def _none(_: Any) -> None:
    return None


def _same(value: Any) -> Any:
    return value


class Users(_Resource):
    """Users of the tenant: create (upsert), get, list, iterate, update, delete."""

    def create(
        self,
        *,
        email: str,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Any:
        args = {"email": email, "first_name": first_name, "last_name": last_name,
                "metadata": metadata, "idempotency_key": idempotency_key}
        return self._run("users.create", _drop_none(args), m.User._from)

    def get(self, user_identifier: Any) -> Any:
        args = {"id": ident(user_identifier, "user_identifier")}
        return self._run("users.get", args, m.User._from)

    def update(
        self,
        user_identifier: Any,
        *,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> Any:
        args = {"id": ident(user_identifier, "user_identifier"), "first_name": first_name,
                "last_name": last_name, "metadata": metadata}
        return self._run("users.update", _drop_none(args), m.User._from)

    def delete(self, user_identifier: Any) -> Any:
        args = {"id": ident(user_identifier, "user_identifier")}
        return self._run("users.delete", args, _none)

    def list(self, *, page: int = 1, page_size: int = 20) -> Any:
        args = {"page": page, "page_size": page_size}
        return self._run("users.list", args, m.UsersListResponse._from)

    def iter(self, *, page_size: int = 100) -> Any:
        """Every active user, fetching page after page as the loop goes."""
        return self._iter("users.list_all", {"page_size": page_size}, m.User._from)


class Threads(_Resource):
    """Conversations: create, list, iterate, get, their responses, update, delete."""

    def create(self, *, user_id: Any = None, title: Optional[str] = None) -> Any:
        args = _drop_none({"user_id": _id(user_id), "title": title})
        return self._run("threads.create", args, m.ThreadObject._from)

    def list(self, *, user_id: Any = None, limit: int = 50, offset: int = 0) -> Any:
        args = _drop_none({"user_id": _id(user_id), "limit": limit, "offset": offset})
        return self._run("threads.list", args, m.ThreadListResponse._from)

    def iter(self, *, user_id: Any = None, limit: int = 50) -> Any:
        """Every thread, fetching page after page as the loop goes."""
        args = _drop_none({"user_id": _id(user_id), "limit": limit})
        return self._iter("threads.list_all", args, m.ThreadObject._from)

    def get(self, thread_id: Any) -> Any:
        args = {"thread_id": ident(thread_id, "thread_id")}
        return self._run("threads.get", args, m.ThreadObject._from)

    def get_responses(self, thread_id: Any, *, limit: int = 50, offset: int = 0) -> Any:
        args = {"thread_id": ident(thread_id, "thread_id"), "limit": limit, "offset": offset}
        return self._run("threads.responses", args, _response_list)

    def update(self, thread_id: Any, *, title: Optional[str] = None) -> Any:
        args = _drop_none({"thread_id": ident(thread_id, "thread_id"), "title": title})
        return self._run("threads.update", args, m.ThreadObject._from)

    def delete(self, thread_id: Any) -> Any:
        args = {"thread_id": ident(thread_id, "thread_id")}
        return self._run("threads.delete", args, _none)


def _response_list(items: Iterable[Dict[str, Any]]) -> Any:
    return [m.ResponseObject._from(item) for item in items]


def _messages(messages: Any) -> Any:
    if isinstance(messages, str):
        return [{"role": "user", "content": messages}]
    if isinstance(messages, (dict, m.Message)):
        messages = [messages]
    if not isinstance(messages, (list, tuple)):
        raise ArgumentTypeError(
            "messages must be a str, a message dict or a list of them, "
            f"not {_type_name(messages)}"
        )
    return [msg.model_dump() if isinstance(msg, m.Message) else msg for msg in messages]


def _files(files: Any) -> Any:
    # One reference given alone is a list of one, not a list of its characters.
    if files is None:
        return None
    if isinstance(files, str) or _is_uuid(files):
        files = [files]
    if not isinstance(files, (list, tuple)):
        raise ArgumentTypeError(f"files must be a list of file ids or URIs, not "
                                f"{_type_name(files)}")
    return [ident(f, "each of files") for f in files]


def _agent_config(config: Any) -> Any:
    if config is None:
        return None
    if isinstance(config, dict):
        # As the official SDK does, a dict is read as an AgentConfig: its defaults fill the
        # fields it leaves out, and keys that are no field are dropped (with a warning here).
        fields = {k: v for k, v in config.items() if v is not None}
        unknown = sorted(k for k in fields if k not in m.AgentConfig._name_set)
        if unknown:
            import warnings

            warnings.warn(f"agent_config ignores unknown fields: {', '.join(unknown)}",
                          UserWarning, stacklevel=4)
        known = {k: v for k, v in fields.items() if k in m.AgentConfig._name_set}
        return m.AgentConfig(**known).to_dict()
    if isinstance(config, m.AgentConfig):
        return config.to_dict()
    # An official AgentConfig (a pydantic model) or any object with its to_dict.
    to_dict = getattr(config, "to_dict", None)
    if callable(to_dict):
        return _agent_config(to_dict())
    raise ArgumentTypeError(
        f"agent_config must be an AgentConfig or a dict, not {_type_name(config)}"
    )


def _response_format(fmt: Any) -> Any:
    # A pydantic model class becomes its JSON Schema; pydantic is never imported here.
    schema = getattr(fmt, "model_json_schema", None)
    if isinstance(fmt, type) and callable(schema):
        return schema()
    return fmt


def _model_overrides(overrides: Any) -> Any:
    """A ``ModelOverrides`` (ours, or the official pydantic one) as the map it stands for;
    a dict goes as it is, checked by the core."""
    if overrides is None or isinstance(overrides, dict):
        return overrides
    if isinstance(overrides, m.ModelOverrides):
        return overrides.model_dump(exclude_none=True)
    dump = getattr(overrides, "model_dump", None)
    if callable(dump):
        return dump(exclude_none=True)
    raise ArgumentTypeError(
        f"model_overrides must be a ModelOverrides or a dict, not {_type_name(overrides)}"
    )


def run_args(
    messages: Any,
    *,
    user_id: Any = None,
    scope: Any = None,
    thread_id: Any = None,
    idempotency_key: Optional[str] = None,
    agent_config: Any = None,
    response_format: Any = None,
    response_format_instructions: Optional[str] = None,
    model_overrides: Any = None,
    files: Any = None,
) -> Dict[str, Any]:
    """The arguments of a create or an invoke, in wire form."""
    args = {
        "messages": _messages(messages),
        "user_id": _id(user_id),
        "scope": _value(scope),
        "thread_id": _id(thread_id, "thread_id"),
        "idempotency_key": idempotency_key,
        "agent_config": _agent_config(agent_config),
        "response_format": _response_format(response_format),
        "response_format_instructions": response_format_instructions,
        "model_overrides": _model_overrides(model_overrides),
        "files": _files(files),
    }
    return _drop_none(args)


class Responses(_Resource):
    """Agent runs: create, get, cancel, list, iterate, artifacts, feedback."""

    def create(
        self,
        *,
        messages: Any,
        user_id: Any = None,
        thread_id: Any = None,
        files: Any = None,
        idempotency_key: Optional[str] = None,
        options: Optional[Dict[str, Any]] = None,
        scope: Any = None,
        agent_config: Any = None,
        response_format: Any = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Any = None,
    ) -> Any:
        extra = dict(options or {})
        args = run_args(
            messages,
            user_id=user_id,
            scope=scope,
            thread_id=thread_id,
            idempotency_key=idempotency_key,
            agent_config=agent_config or extra.get("agent_config"),
            response_format=response_format or extra.get("response_format"),
            response_format_instructions=response_format_instructions
            or extra.get("response_format_instructions"),
            model_overrides=model_overrides or extra.get("model_overrides"),
            files=files,
        )
        return self._run("responses.create", args, m.CreateResponseResponse._from)

    def get(self, response_id: Any, *, wait: Optional[float] = None) -> Any:
        args = _drop_none({"response_id": ident(response_id, "response_id"), "wait": wait})
        return self._run("responses.get", args, m.ResponseObject._from)

    def cancel(self, response_id: Any) -> Any:
        args = {"response_id": ident(response_id, "response_id")}
        return self._run("responses.cancel", args, m.CancelResponse._from)

    def list_responses(
        self,
        *,
        user_id: Any = None,
        status: Optional[str] = None,
        start_date: Optional[date] = None,
        end_date: Optional[date] = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Any:
        args = _drop_none({"user_id": _id(user_id), "status": status,
                           "start_date": _date(start_date), "end_date": _date(end_date),
                           "limit": limit, "offset": offset})
        return self._run("responses.list", args, m.ResponseListResponse._from)

    list = list_responses

    def iter(self, *, user_id: Any = None, status: Optional[str] = None, limit: int = 50) -> Any:
        """Every response, fetching page after page as the loop goes."""
        args = _drop_none({"user_id": _id(user_id), "status": status, "limit": limit})
        return self._iter("responses.list_all", args, m.ResponseObject._from)

    def list_artifacts(self, response_id: Any, *, limit: int = 50, offset: int = 0) -> Any:
        args = {"response_id": ident(response_id, "response_id"), "limit": limit, "offset": offset}
        return self._run("responses.artifacts", args, _same)

    def create_feedback(
        self,
        response_id: Any,
        *,
        feedback_text: str,
        feedback_type: str = "suggestion",
        user_id: Any = None,
        progress_id: Any = None,
        tool_call_id: Optional[str] = None,
        tool_args_update: Optional[Dict[str, Any]] = None,
    ) -> Any:
        args = _drop_none({"response_id": ident(response_id, "response_id"),
                           "feedback_text": feedback_text, "feedback_type": feedback_type,
                           "user_id": _id(user_id), "progress_id": _id(progress_id, "progress_id"),
                           "tool_call_id": tool_call_id, "tool_args_update": tool_args_update})
        return self._run("responses.create_feedback", args, m.CreateFeedbackResponse._from)

    def list_feedback(self, response_id: Any, *, progress_id: Any = None) -> Any:
        """The feedback on a run, or on one of its steps with ``progress_id``."""
        args = {"response_id": ident(response_id, "response_id"),
                "progress_id": _id(progress_id, "progress_id")}
        return self._run("responses.list_feedback", args, m.ListFeedbackResponse._from)


def _content(content: Any) -> bytes:
    # bytes, a bytearray or memoryview, or a file object. A text-mode file goes up as UTF-8,
    # as the official SDK's HTTP client sends what its read() gives; text itself is refused,
    # as there (its file_content is bytes or a file).
    if isinstance(content, bytes):
        return content
    if isinstance(content, (bytearray, memoryview)):
        return bytes(content)
    read = getattr(content, "read", None)
    data = read() if callable(read) and not isinstance(content, str) else None
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, str):
        return data.encode("utf-8")
    what = _type_name(content) if data is None else f"a file giving {_type_name(data)}"
    raise ArgumentTypeError(
        f"file_content must be bytes or a binary file object, not {what}"
    )


class Files(_Resource):
    """Files: upload, list, get, content, download, status, delete."""

    def upload(
        self,
        *,
        file_path: Any = None,
        file_content: Any = None,
        file_name: Optional[str] = None,
        scope: Any = None,
        user_id: Any = None,
        tags: Any = None,
        duplicate_handling: Any = None,
        mime_type: Optional[str] = None,
    ) -> Any:
        data = None
        if file_content is not None:
            data = _content(file_content)
            if file_name is None:
                name = getattr(file_content, "name", None)
                file_name = os.path.basename(name) if isinstance(name, str) else None
            if not file_name and file_path is None:
                # As the official SDK refuses it: a nameless upload would be stored under a
                # made-up name.
                raise ValidationError("file_name is required when using file_content")
        args = _drop_none({
            "path": None if file_path is None else os.fspath(file_path),
            "file_name": file_name,
            "mime_type": mime_type,
            "scope": _value(scope),
            "user_id": _id(user_id),
            "tags": _tags(tags),
            "duplicate_handling": _value(duplicate_handling),
        })
        return self._run("files.upload", args, m.FileUploadResponse._from, data)

    def list(
        self,
        *,
        user_id: Any = None,
        scope: Any = None,
        file_type: Optional[str] = None,
        status: Any = None,
        tags: Any = None,
        page: int = 1,
        limit: int = 20,
    ) -> Any:
        args = _drop_none({"user_id": _id(user_id), "scope": _value(scope),
                           "file_type": file_type, "status": _value(status),
                           "tags": _tags(tags), "page": page, "limit": limit})
        return self._run("files.list", args, m.FileListResponse._from)

    def iter(self, *, user_id: Any = None, scope: Any = None, file_type: Optional[str] = None,
             status: Any = None, tags: Any = None, limit: int = 20) -> Any:
        """Every file, fetching page after page as the loop goes."""
        args = _drop_none({"user_id": _id(user_id), "scope": _value(scope),
                           "file_type": file_type, "status": _value(status),
                           "tags": _tags(tags), "page": 1, "limit": limit})
        return self._iter("files.list_all", args, m.FileMetadata._from)

    def get(self, file_id: Any, *, user_id: Any = None) -> Any:
        args = _drop_none({"file_id": ident(file_id, "file_id"), "user_id": _id(user_id)})
        return self._run("files.get", args, m.FileMetadata._from)

    def get_content(
        self,
        file_id: Any,
        *,
        user_id: Any = None,
        content_type: Any = None,
        start_line: Optional[int] = None,
        end_line: Optional[int] = None,
    ) -> Any:
        args = _drop_none({"file_id": ident(file_id, "file_id"), "user_id": _id(user_id),
                           "content_type": _value(content_type), "start_line": start_line,
                           "end_line": end_line})
        return self._run("files.content", args, m.FileContentResponse._from)

    def download(self, file_id: Any, *, user_id: Any = None, save_path: Any = None) -> Any:
        """The file's bytes, or None once written to ``save_path``."""
        path = None if save_path is None else os.fspath(save_path)
        args = _drop_none({"file_id": ident(file_id, "file_id"), "user_id": _id(user_id),
                           "path": path})
        return self._run("files.download", args, _none if path else _same)

    def get_processing_status(self, file_id: Any, *, user_id: Any = None) -> Any:
        """Where the file's processing stands. ``user_id`` is checked, but not sent: the core
        reads the status without it."""
        args = {"file_id": ident(file_id, "file_id")}
        _id(user_id)
        return self._run("files.status", args, m.ProcessingStatusResponse._from)

    get_status = get_processing_status

    def delete(self, file_id: Any, *, user_id: Any = None, hard_delete: bool = True) -> Any:
        args = _drop_none({"file_id": ident(file_id, "file_id"), "user_id": _id(user_id),
                           "hard_delete": hard_delete})
        return self._run("files.delete", args, _same)


install_calls(Files, "client.files", FILES_CALLS)


class AsyncUsers(Users):
    """``Users`` on ``AsyncClient``: every call returns an awaitable, ``iter`` an async
    iterator."""


class AsyncThreads(Threads):
    """``Threads`` on ``AsyncClient``."""


class AsyncResponses(Responses):
    """``Responses`` on ``AsyncClient``."""


class AsyncFiles(Files):
    """``Files`` on ``AsyncClient``."""
