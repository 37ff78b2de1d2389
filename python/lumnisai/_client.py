"""``Client`` and ``AsyncClient``: twin clients with the official SDK's names.

Both wrap one native client (the Rust core). The sync client waits for each call with the GIL
released; the async client awaits an asyncio future the core completes. Everything that is
not waiting (the flattened methods, the resources) is shared. Their precise signatures, one
set per client, are in _client.pyi.
"""

from __future__ import annotations

import sys

from . import _native
from . import models as m
from ._beyond import CLIENT_CALLS, install_calls, install_resources
from ._resources import AsyncFiles, AsyncResponses, AsyncThreads, AsyncUsers
from ._resources import Files, Responses, Threads, Users, ident, run_args
from .exceptions import ArgumentTypeError, LumnisAIError, ValidationError, _for_op, _from_native
from .utils import ProgressTracker, _tool_text

# Read by mypy only: the interpreter never imports `typing` for this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, AsyncIterator, Callable, Dict, Iterator, List, Optional

_native.set_error_factory(_from_native)

_IN_LOOP = (
    "the sync lumnisai.Client was called inside a running event loop, which it blocks "
    "while it waits: use lumnisai.AsyncClient there (`await client.get_user(...)`)"
)


def _warn_if_in_loop() -> None:
    # asyncio is only consulted when the program imported it: no loop can run otherwise.
    aio = sys.modules.get("asyncio")
    if aio is not None and aio._get_running_loop() is not None:
        import warnings

        warnings.warn(_IN_LOOP, RuntimeWarning, stacklevel=4)


def _user_agent() -> str:
    return f"python/{sys.version_info[0]}.{sys.version_info[1]}"


def _input(messages: Any, task: Any, prompt: Any) -> Any:
    given = [x for x in (messages, task, prompt) if x is not None]
    if len(given) != 1:
        raise ValidationError("pass exactly one of messages, task and prompt")
    if task is not None:
        import warnings

        # The official SDK's own deprecation of the name, kept so that its callers see it.
        warnings.warn("the 'task' parameter is deprecated: use 'messages' or 'prompt'",
                      DeprecationWarning, stacklevel=4)
    return given[0]


class _Printer:
    """Prints progress as the official SDK does: each new message, then its new tool calls."""

    def __init__(self) -> None:
        self._tracker = ProgressTracker()

    def show(self, entry: m.ProgressEntry) -> None:
        # A `tool_update` entry carries new tool calls of an earlier message: the official
        # SDK prints those calls alone, under the message already printed.
        if entry.state == "tool_update":
            text = "\n".join(_tool_text(call) for call in entry.tool_calls or ()) or None
        else:
            text = self._tracker.format_new_entries(entry.state, entry.message,
                                                    entry.tool_calls)
        if text is not None:
            print(text, flush=True)


class _Base:
    """What both clients share: construction, views, resources and the flattened calls."""

    _native: Any
    _resources: Any = (Users, Threads, Responses, Files)

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        scope: Any = "tenant",
        _native_client: Any = None,
    ) -> None:
        if _native_client is None:
            scope = getattr(scope, "value", scope)
            _native_client = _native.NativeClient(
                api_key, base_url, None if tenant_id is None else str(tenant_id),
                timeout, _retries(max_retries), scope, _user_agent(),
            )
        self._native = _native_client
        users, threads, responses, files = self._resources
        self.users = users(self)
        self.threads = threads(self)
        self.responses = responses(self)
        self.files = files(self)

    def __repr__(self) -> str:
        user = self._native.user
        bound = f", user={user!r}" if user else ""
        return f"{type(self).__name__}(base_url={self._native.base_url!r}{bound})"

    @property
    def user_id(self) -> Optional[str]:
        """The user this client is bound to, if any."""
        return self._native.user  # type: ignore[no-any-return]

    @property
    def base_url(self) -> str:
        return self._native.base_url  # type: ignore[no-any-return]

    def for_user(self, user_id: Any) -> Any:
        """A client bound to one user (email or uuid) that shares this client's pool."""
        return type(self)(_native_client=self._native.for_user(ident(user_id, "user_id")))

    def _run(self, op: str, args: Dict[str, Any], convert: Callable[[Any], Any],
             data: Any = None) -> Any:
        raise NotImplementedError

    def _iter(self, op: str, args: Dict[str, Any], convert: Callable[[Any], Any]) -> Any:
        raise NotImplementedError

    # The flattened methods of the official SDK.
    def create_user(self, *, email: str, first_name: Optional[str] = None,
                    last_name: Optional[str] = None, metadata: Optional[Dict[str, Any]] = None,
                    idempotency_key: Optional[str] = None) -> Any:
        return self.users.create(email=email, first_name=first_name, last_name=last_name,
                                 metadata=metadata, idempotency_key=idempotency_key)

    def get_user(self, user_identifier: Any) -> Any:
        return self.users.get(user_identifier)

    def update_user(self, user_identifier: Any, *, first_name: Optional[str] = None,
                    last_name: Optional[str] = None,
                    metadata: Optional[Dict[str, Any]] = None) -> Any:
        return self.users.update(user_identifier, first_name=first_name,
                                 last_name=last_name, metadata=metadata)

    def delete_user(self, user_identifier: Any) -> Any:
        return self.users.delete(user_identifier)

    def list_users(self, *, page: int = 1, page_size: int = 20) -> Any:
        return self.users.list(page=page, page_size=page_size)

    def get_response(self, response_id: Any, *, wait: Optional[float] = None) -> Any:
        return self.responses.get(response_id, wait=wait)

    def list_responses(self, *, user_id: Any = None, status: Optional[str] = None,
                       start_date: Any = None, end_date: Any = None, limit: int = 50,
                       offset: int = 0) -> Any:
        return self.responses.list_responses(user_id=user_id, status=status,
                                             start_date=start_date, end_date=end_date,
                                             limit=limit, offset=offset)

    def cancel_response(self, response_id: Any) -> Any:
        return self.responses.cancel(response_id)

    def list_threads(self, *, user_id: Any = None, limit: int = 50, offset: int = 0) -> Any:
        return self.threads.list(user_id=user_id, limit=limit, offset=offset)

    def get_thread(self, thread_id: Any) -> Any:
        return self.threads.get(thread_id)

    def create_thread(self, *, user_id: Any = None, title: Optional[str] = None) -> Any:
        return self.threads.create(user_id=user_id, title=title)

    def delete_thread(self, thread_id: Any) -> Any:
        return self.threads.delete(thread_id)

    def upload_file(self, *, file_path: Any = None, file_content: Any = None,
                    file_name: Optional[str] = None, scope: Any = None, user_id: Any = None,
                    tags: Any = None, duplicate_handling: Any = None,
                    mime_type: Optional[str] = None) -> Any:
        return self.files.upload(file_path=file_path, file_content=file_content,
                                 file_name=file_name, scope=scope, user_id=user_id, tags=tags,
                                 duplicate_handling=duplicate_handling, mime_type=mime_type)

    def list_files(self, *, user_id: Any = None, scope: Any = None,
                   file_type: Optional[str] = None, status: Any = None, tags: Any = None,
                   page: int = 1, limit: int = 20) -> Any:
        return self.files.list(user_id=user_id, scope=scope, file_type=file_type,
                               status=status, tags=tags, page=page, limit=limit)

    def get_file(self, file_id: Any, *, user_id: Any = None) -> Any:
        return self.files.get(file_id, user_id=user_id)

    def get_file_content(self, file_id: Any, *, user_id: Any = None, content_type: Any = None,
                         start_line: Optional[int] = None,
                         end_line: Optional[int] = None) -> Any:
        return self.files.get_content(file_id, user_id=user_id, content_type=content_type,
                                      start_line=start_line, end_line=end_line)

    def download_file(self, file_id: Any, *, user_id: Any = None, save_path: Any = None) -> Any:
        return self.files.download(file_id, user_id=user_id, save_path=save_path)

    def delete_file(self, file_id: Any, *, user_id: Any = None, hard_delete: bool = True) -> Any:
        return self.files.delete(file_id, user_id=user_id, hard_delete=hard_delete)

    def get_file_status(self, file_id: Any, *, user_id: Any = None) -> Any:
        return self.files.get_processing_status(file_id, user_id=user_id)

    def _invoke_args(self, messages: Any, task: Any, prompt: Any, poll_interval: Any,
                     wait_timeout: Any, options: Dict[str, Any]) -> Dict[str, Any]:
        deadline = options.pop("max_wait", None)
        unknown = sorted(set(options) - _RUN_KEYWORDS)
        if unknown:
            # The official SDK takes any keyword and ignores those it does not know.
            import warnings

            for name in unknown:
                del options[name]
            warnings.warn(f"invoke() ignores unknown keyword arguments: {', '.join(unknown)}",
                          UserWarning, stacklevel=3)
        args = run_args(_input(messages, task, prompt), **options)
        for key, value in (("poll_interval", poll_interval), ("wait_timeout", wait_timeout),
                           ("deadline", deadline)):
            if value is not None:
                args[key] = float(value)
        return args


# The keywords of run_args: the options an invoke sends.
_RUN_CODE = run_args.__code__
_RUN_KEYWORDS = frozenset(
    _RUN_CODE.co_varnames[1:_RUN_CODE.co_argcount + _RUN_CODE.co_kwonlyargcount]
)


def _retries(value: Any) -> Any:
    # The core counts retries in a u32: anything else cannot be converted.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"max_retries must be an int, not {type(value).__name__}")
    if not 0 <= value <= 0xFFFF_FFFF:
        raise ValidationError(f"max_retries must be >= 0, not {value}")
    return value


_FINAL_STATES = ("completed", "failed", "cancelled")


install_calls(_Base, "client", CLIENT_CALLS)
install_resources(_Base)


class _Progress:
    """The progress entries of one run, each yielded as it arrives."""

    def __init__(self, stream: Any, show: bool) -> None:
        self._stream = stream
        self._printer = _Printer() if show else None
        self._logged = False
        self._closed = False

    def _entry(self, item: Any) -> Any:
        if not self._logged:
            self._logged = True
            # logging is imported here, not at import: it is most of a cold import's time.
            import logging

            rid = self._stream.response_id()
            logging.getLogger("lumnisai").info("Response ID: %s", rid)
        if item is None:
            return None
        entry = m.ProgressEntry._from(item)
        if entry.response_id is None:
            rid = self._stream.response_id()
            entry.response_id = m._uuid(rid) if rid else None
        # The closing entry the core adds is not printed: the official SDK prints none.
        closing = entry.state in _FINAL_STATES and self._stream.response() is not None
        if self._printer is not None and not closing:
            self._printer.show(entry)
        return entry

    @property
    def response_id(self) -> Optional[str]:
        return self._stream.response_id()  # type: ignore[no-any-return]

    def response(self) -> Optional[m.ResponseObject]:
        """The final response, once the last entry has been read."""
        data = self._stream.response()
        return None if data is None else m.ResponseObject._from(data)


class SyncProgress(_Progress):
    """An iterator of progress entries (``invoke(..., stream=True)`` on ``Client``)."""

    def __init__(self, stream: Any, show: bool) -> None:
        super().__init__(stream, show)
        # The official sync stream runs at the call, so a run that cannot be created raises
        # there: the first entry is read here, and later ones as they are asked for.
        self._first: Any = self._read()

    def __iter__(self) -> Iterator[m.ProgressEntry]:
        return self

    def __next__(self) -> m.ProgressEntry:
        if self._closed:
            raise StopIteration
        entry = self._first if self._first is not None else self._read()
        self._first = None
        if entry is None:
            raise StopIteration
        return entry  # type: ignore[no-any-return]

    def _read(self) -> Any:
        _warn_if_in_loop()
        return self._entry(self._stream.next().wait())

    def close(self) -> None:
        """Stops reading, as a generator's ``close``; the run itself goes on (cancel it with
        ``responses.cancel``)."""
        self._closed = True


class _SyncItems:
    def __init__(self, stream: Any, convert: Callable[[Any], Any]) -> None:
        self._stream = stream
        self._convert = convert

    def __iter__(self) -> "_SyncItems":
        return self

    def __next__(self) -> Any:
        _warn_if_in_loop()
        item = self._stream.next().wait()
        if item is None:
            raise StopIteration
        return self._convert(item)


class Client(_Base):
    """The synchronous client. Safe to share between threads; works in a forked child."""

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: connections are pooled per process and closed when idle."""

    def as_user(self, user_id: Any) -> "_SyncAsUser":
        return _SyncAsUser(self.for_user(user_id))

    def _run(self, op: str, args: Dict[str, Any], convert: Callable[[Any], Any],
             data: Any = None) -> Any:
        _warn_if_in_loop()
        try:
            value = self._native.call(op, args, data).wait()
        except LumnisAIError as err:
            raise _for_op(op, err) from None
        return convert(value)

    def _iter(self, op: str, args: Dict[str, Any], convert: Callable[[Any], Any]) -> Any:
        return _SyncItems(self._native.stream(op, args), convert)

    def health(self) -> Dict[str, Any]:
        return self._run("health", {}, dict)  # type: ignore[no-any-return]

    def invoke(
        self,
        messages: Any = None,
        *,
        task: Any = None,
        prompt: Optional[str] = None,
        stream: bool = False,
        show_progress: Optional[bool] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        **options: Any,
    ) -> Any:
        """Runs an agent and returns the final response, or streams its progress."""
        args = self._invoke_args(messages, task, prompt, poll_interval, wait_timeout, options)
        # A stream never prints, as the official's does not: its caller reads the entries.
        show = not stream and (show_progress is None or bool(show_progress))
        if stream or show:
            progress = SyncProgress(self._native.stream("invoke", args), show)
            if stream:
                return progress
            for _ in progress:
                pass
            return progress.response()
        return self._run("invoke", args, m.ResponseObject._from)


class _SyncAsUser:
    def __init__(self, client: Client) -> None:
        self._client = client

    def __enter__(self) -> Client:
        return self._client

    def __exit__(self, *exc: Any) -> None:
        self._client.close()


async def _await(call: Any) -> Any:
    import asyncio

    loop = asyncio.get_running_loop()
    future = loop.create_future()
    call.spawn(loop, future, _complete)
    try:
        return await future
    except asyncio.CancelledError:
        # The task was cancelled: drop the Rust future, and so its request.
        call.abort()
        raise


def _complete(future: Any, ok: bool, value: Any) -> None:
    if future.done():
        return
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)


class AsyncProgress(_Progress):
    """An async iterator of progress entries (``invoke(..., stream=True)`` on AsyncClient)."""

    def __aiter__(self) -> "AsyncProgress":
        return self

    async def __anext__(self) -> m.ProgressEntry:
        if self._closed:
            raise StopAsyncIteration
        entry = self._entry(await _await(self._stream.next()))
        if entry is None:
            raise StopAsyncIteration
        return entry  # type: ignore[no-any-return]

    async def aclose(self) -> None:
        """Stops reading, as an async generator's ``aclose`` (``contextlib.aclosing`` calls
        it); the run itself goes on (cancel it with ``responses.cancel``)."""
        self._closed = True


class _AsyncItems:
    def __init__(self, stream: Any, convert: Callable[[Any], Any]) -> None:
        self._stream = stream
        self._convert = convert

    def __aiter__(self) -> "_AsyncItems":
        return self

    async def __anext__(self) -> Any:
        item = await _await(self._stream.next())
        if item is None:
            raise StopAsyncIteration
        return self._convert(item)


class AsyncClient(_Base):
    """The asyncio client. Cancelling a task cancels its request in the core."""

    _resources = (AsyncUsers, AsyncThreads, AsyncResponses, AsyncFiles)

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def close(self) -> None:
        """Nothing to release: connections are pooled per process and closed when idle."""

    async def init(self) -> None:
        """Kept for the official SDK's callers: the client is ready when built."""

    def as_user(self, user_id: Any) -> "_AsyncAsUser":
        return _AsyncAsUser(self.for_user(user_id))

    async def _run(self, op: str, args: Dict[str, Any], convert: Callable[[Any], Any],
                   data: Any = None) -> Any:
        try:
            value = await _await(self._native.call(op, args, data))
        except LumnisAIError as err:
            raise _for_op(op, err) from None
        return convert(value)

    def _iter(self, op: str, args: Dict[str, Any], convert: Callable[[Any], Any]) -> Any:
        return _AsyncItems(self._native.stream(op, args), convert)

    async def health(self) -> Dict[str, Any]:
        return await self._run("health", {}, dict)  # type: ignore[no-any-return]

    async def invoke(
        self,
        messages: Any = None,
        *,
        task: Any = None,
        prompt: Optional[str] = None,
        stream: bool = False,
        show_progress: Optional[bool] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        **options: Any,
    ) -> Any:
        """Runs an agent and returns the final response, or streams its progress."""
        args = self._invoke_args(messages, task, prompt, poll_interval, wait_timeout, options)
        # A stream never prints, as the official's does not: its caller reads the entries.
        show = not stream and (show_progress is None or bool(show_progress))
        if stream or show:
            progress = AsyncProgress(self._native.stream("invoke", args), show)
            if stream:
                return progress
            async for _ in progress:
                pass
            return progress.response()
        return await self._run("invoke", args, m.ResponseObject._from)

    async def invoke_stream(
        self,
        messages: Any = None,
        *,
        task: Any = None,
        prompt: Optional[str] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        **options: Any,
    ) -> AsyncIterator[m.ProgressEntry]:
        """The progress of a run; deprecated, as in the official SDK: use
        ``invoke(..., stream=True)``."""
        import warnings

        warnings.warn("invoke_stream() is deprecated. Use invoke(stream=True) instead.",
                      DeprecationWarning, stacklevel=2)
        progress = await self.invoke(messages, task=task, prompt=prompt, stream=True,
                                     poll_interval=poll_interval, wait_timeout=wait_timeout,
                                     **options)
        async for entry in progress:
            yield entry


class _AsyncAsUser:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def __aenter__(self) -> AsyncClient:
        return self._client

    async def __aexit__(self, *exc: Any) -> None:
        await self._client.close()
