"""Signatures of the two clients: ``Client`` returns results, ``AsyncClient`` awaitables.

One implementation (_client.py) serves both; these stubs give each its own types, and
tests/test_stubs.py checks them against the runtime with mypy's stubtest.
"""

from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import IO, Any, AsyncIterator, Dict, Iterator, Literal, Optional, Sequence, Union
from typing import NoReturn, overload

from ._resources import AsyncFiles, AsyncResponses, AsyncThreads, AsyncUsers
from ._resources import Files, Responses, Threads, Users, _AgentConfig, _Date, _FileScope
from ._beyond import Uncovered
from ._resources import _Id, _Messages, _ModelOverrides, _Path, _ResponseFormat, _Scope, _Tags
from .models import (
    CancelResponse,
    FileContentResponse,
    FileListResponse,
    FileMetadata,
    FileUploadResponse,
    ProcessingStatusResponse,
    ProgressEntry,
    ResponseListResponse,
    ResponseObject,
    ThreadListResponse,
    ThreadObject,
    User,
    UsersListResponse,
)
from .types import ContentType, DuplicateHandling, ProcessingStatus

class _Progress:
    def __init__(self, stream: Any, show: bool) -> None: ...
    @property
    def response_id(self) -> Optional[str]: ...
    def response(self) -> Optional[ResponseObject]:
        """The final response, once the last entry has been read."""

class SyncProgress(_Progress, Iterator[ProgressEntry]):
    def __iter__(self) -> Iterator[ProgressEntry]: ...
    def __next__(self) -> ProgressEntry: ...
    def close(self) -> None:
        """Stops reading; the run itself goes on."""

class AsyncProgress(_Progress, AsyncIterator[ProgressEntry]):
    def __aiter__(self) -> AsyncProgress: ...
    async def __anext__(self) -> ProgressEntry: ...
    async def aclose(self) -> None:
        """Stops reading, as an async generator's ``aclose``; the run itself goes on."""

class _NotInThisPackage:
    """The official SDK's calls beyond the wire contract: each raises NotImplementedYetError."""

    skills: Uncovered
    mcp_servers: Uncovered
    integrations: Uncovered
    model_preferences: Uncovered
    external_api_keys: Uncovered
    api_keys: Uncovered
    tenant: Uncovered
    def create_skill(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def get_skill(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def list_skills(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def update_skill(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def delete_skill(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def create_mcp_server(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def get_mcp_server(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def list_mcp_servers(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def update_mcp_server(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def delete_mcp_server(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def test_mcp_server(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def list_mcp_server_tools(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def list_apps(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def is_app_enabled(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def set_app_enabled(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def initiate_connection(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def get_connection_status(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def wait_for_connection(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def list_connections(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def get_integration_tools(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def get_model_preferences(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def update_model_preferences(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def add_api_key(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def get_api_key(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def list_api_keys(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def delete_api_key(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def get_api_key_mode(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def set_api_key_mode(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def search_files(self, *args: Any, **kwargs: Any) -> NoReturn: ...

class Client(_NotInThisPackage):
    users: Users
    threads: Threads
    responses: Responses
    files: Files
    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        tenant_id: Optional[_Id] = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        scope: _Scope = "tenant",
        _native_client: Any = None,
    ) -> None: ...
    @property
    def user_id(self) -> Optional[str]: ...
    @property
    def base_url(self) -> str: ...
    def for_user(self, user_id: _Id) -> Client: ...
    def as_user(self, user_id: _Id) -> AbstractContextManager[Client]: ...
    def __enter__(self) -> Client: ...
    def __exit__(self, *exc: object) -> None: ...
    def close(self) -> None: ...
    def create_user(
        self,
        *,
        email: str,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> User: ...
    def get_user(self, user_identifier: _Id) -> User: ...
    def update_user(
        self,
        user_identifier: _Id,
        *,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> User: ...
    def delete_user(self, user_identifier: _Id) -> None: ...
    def list_users(self, *, page: int = 1, page_size: int = 20) -> UsersListResponse: ...
    def get_response(self, response_id: _Id, *, wait: Optional[float] = None) -> ResponseObject: ...
    def list_responses(
        self,
        *,
        user_id: Optional[_Id] = None,
        status: Optional[str] = None,
        start_date: Optional[_Date] = None,
        end_date: Optional[_Date] = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ResponseListResponse: ...
    def cancel_response(self, response_id: _Id) -> CancelResponse: ...
    def list_threads(
        self,
        *,
        user_id: Optional[_Id] = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ThreadListResponse: ...
    def get_thread(self, thread_id: _Id) -> ThreadObject: ...
    def create_thread(
        self,
        *,
        user_id: Optional[_Id] = None,
        title: Optional[str] = None,
    ) -> ThreadObject: ...
    def delete_thread(self, thread_id: _Id) -> None: ...
    def upload_file(
        self,
        *,
        file_path: Optional[_Path] = None,
        file_content: Union[bytes, IO[bytes], None] = None,
        file_name: Optional[str] = None,
        scope: Optional[_FileScope] = None,
        user_id: Optional[_Id] = None,
        tags: Optional[_Tags] = None,
        duplicate_handling: Union[DuplicateHandling, str, None] = None,
        mime_type: Optional[str] = None,
    ) -> FileUploadResponse: ...
    def list_files(
        self,
        *,
        user_id: Optional[_Id] = None,
        scope: Optional[_FileScope] = None,
        file_type: Optional[str] = None,
        status: Union[ProcessingStatus, str, None] = None,
        tags: Optional[_Tags] = None,
        page: int = 1,
        limit: int = 20,
    ) -> FileListResponse: ...
    def get_file(self, file_id: _Id, *, user_id: Optional[_Id] = None) -> FileMetadata: ...
    def get_file_content(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        content_type: Union[ContentType, str, None] = None,
        start_line: Optional[int] = None,
        end_line: Optional[int] = None,
    ) -> FileContentResponse: ...
    @overload
    def download_file(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        save_path: None = None,
    ) -> bytes: ...
    @overload
    def download_file(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        save_path: _Path,
    ) -> None: ...
    def get_file_status(
        self, file_id: _Id, *, user_id: Optional[_Id] = None
    ) -> ProcessingStatusResponse: ...
    def delete_file(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        hard_delete: bool = True,
    ) -> Dict[str, Any]: ...
    def health(self) -> Dict[str, Any]: ...
    @overload
    def invoke(
        self,
        messages: Optional[_Messages] = None,
        *,
        task: Optional[_Messages] = None,
        prompt: Optional[str] = None,
        stream: Literal[False] = False,
        show_progress: Optional[bool] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        user_id: Optional[_Id] = None,
        scope: Optional[_Scope] = None,
        thread_id: Optional[_Id] = None,
        idempotency_key: Optional[str] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
        files: Optional[Sequence[_Id]] = None,
        max_wait: Optional[float] = None,
    ) -> ResponseObject: ...
    @overload
    def invoke(
        self,
        messages: Optional[_Messages] = None,
        *,
        task: Optional[_Messages] = None,
        prompt: Optional[str] = None,
        stream: Literal[True],
        show_progress: Optional[bool] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        user_id: Optional[_Id] = None,
        scope: Optional[_Scope] = None,
        thread_id: Optional[_Id] = None,
        idempotency_key: Optional[str] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
        files: Optional[Sequence[_Id]] = None,
        max_wait: Optional[float] = None,
    ) -> SyncProgress: ...
    @overload
    def invoke(
        self,
        messages: Optional[_Messages] = None,
        *,
        task: Optional[_Messages] = None,
        prompt: Optional[str] = None,
        stream: bool,
        show_progress: Optional[bool] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        user_id: Optional[_Id] = None,
        scope: Optional[_Scope] = None,
        thread_id: Optional[_Id] = None,
        idempotency_key: Optional[str] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
        files: Optional[Sequence[_Id]] = None,
        max_wait: Optional[float] = None,
    ) -> Union[ResponseObject, SyncProgress]: ...

class AsyncClient(_NotInThisPackage):
    users: AsyncUsers
    threads: AsyncThreads
    responses: AsyncResponses
    files: AsyncFiles
    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        tenant_id: Optional[_Id] = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        scope: _Scope = "tenant",
        _native_client: Any = None,
    ) -> None: ...
    @property
    def user_id(self) -> Optional[str]: ...
    @property
    def base_url(self) -> str: ...
    def for_user(self, user_id: _Id) -> AsyncClient: ...
    def as_user(self, user_id: _Id) -> AbstractAsyncContextManager[AsyncClient]: ...
    async def __aenter__(self) -> AsyncClient: ...
    async def __aexit__(self, *exc: object) -> None: ...
    async def close(self) -> None: ...
    async def init(self) -> None: ...
    async def create_user(
        self,
        *,
        email: str,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> User: ...
    async def get_user(self, user_identifier: _Id) -> User: ...
    async def update_user(
        self,
        user_identifier: _Id,
        *,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> User: ...
    async def delete_user(self, user_identifier: _Id) -> None: ...
    async def list_users(self, *, page: int = 1, page_size: int = 20) -> UsersListResponse: ...
    async def get_response(
        self,
        response_id: _Id,
        *,
        wait: Optional[float] = None,
    ) -> ResponseObject: ...
    async def list_responses(
        self,
        *,
        user_id: Optional[_Id] = None,
        status: Optional[str] = None,
        start_date: Optional[_Date] = None,
        end_date: Optional[_Date] = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ResponseListResponse: ...
    async def cancel_response(self, response_id: _Id) -> CancelResponse: ...
    async def list_threads(
        self,
        *,
        user_id: Optional[_Id] = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ThreadListResponse: ...
    async def get_thread(self, thread_id: _Id) -> ThreadObject: ...
    async def create_thread(
        self,
        *,
        user_id: Optional[_Id] = None,
        title: Optional[str] = None,
    ) -> ThreadObject: ...
    async def delete_thread(self, thread_id: _Id) -> None: ...
    async def upload_file(
        self,
        *,
        file_path: Optional[_Path] = None,
        file_content: Union[bytes, IO[bytes], None] = None,
        file_name: Optional[str] = None,
        scope: Optional[_FileScope] = None,
        user_id: Optional[_Id] = None,
        tags: Optional[_Tags] = None,
        duplicate_handling: Union[DuplicateHandling, str, None] = None,
        mime_type: Optional[str] = None,
    ) -> FileUploadResponse: ...
    async def list_files(
        self,
        *,
        user_id: Optional[_Id] = None,
        scope: Optional[_FileScope] = None,
        file_type: Optional[str] = None,
        status: Union[ProcessingStatus, str, None] = None,
        tags: Optional[_Tags] = None,
        page: int = 1,
        limit: int = 20,
    ) -> FileListResponse: ...
    async def get_file(self, file_id: _Id, *, user_id: Optional[_Id] = None) -> FileMetadata: ...
    async def get_file_content(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        content_type: Union[ContentType, str, None] = None,
        start_line: Optional[int] = None,
        end_line: Optional[int] = None,
    ) -> FileContentResponse: ...
    @overload
    async def download_file(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        save_path: None = None,
    ) -> bytes: ...
    @overload
    async def download_file(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        save_path: _Path,
    ) -> None: ...
    async def get_file_status(
        self, file_id: _Id, *, user_id: Optional[_Id] = None
    ) -> ProcessingStatusResponse: ...
    async def delete_file(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        hard_delete: bool = True,
    ) -> Dict[str, Any]: ...
    async def health(self) -> Dict[str, Any]: ...
    @overload
    async def invoke(
        self,
        messages: Optional[_Messages] = None,
        *,
        task: Optional[_Messages] = None,
        prompt: Optional[str] = None,
        stream: Literal[False] = False,
        show_progress: Optional[bool] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        user_id: Optional[_Id] = None,
        scope: Optional[_Scope] = None,
        thread_id: Optional[_Id] = None,
        idempotency_key: Optional[str] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
        files: Optional[Sequence[_Id]] = None,
        max_wait: Optional[float] = None,
    ) -> ResponseObject: ...
    @overload
    async def invoke(
        self,
        messages: Optional[_Messages] = None,
        *,
        task: Optional[_Messages] = None,
        prompt: Optional[str] = None,
        stream: Literal[True],
        show_progress: Optional[bool] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        user_id: Optional[_Id] = None,
        scope: Optional[_Scope] = None,
        thread_id: Optional[_Id] = None,
        idempotency_key: Optional[str] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
        files: Optional[Sequence[_Id]] = None,
        max_wait: Optional[float] = None,
    ) -> AsyncProgress: ...
    @overload
    async def invoke(
        self,
        messages: Optional[_Messages] = None,
        *,
        task: Optional[_Messages] = None,
        prompt: Optional[str] = None,
        stream: bool,
        show_progress: Optional[bool] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        user_id: Optional[_Id] = None,
        scope: Optional[_Scope] = None,
        thread_id: Optional[_Id] = None,
        idempotency_key: Optional[str] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
        files: Optional[Sequence[_Id]] = None,
        max_wait: Optional[float] = None,
    ) -> Union[ResponseObject, AsyncProgress]: ...
    def invoke_stream(
        self,
        messages: Optional[_Messages] = None,
        *,
        task: Optional[_Messages] = None,
        prompt: Optional[str] = None,
        poll_interval: Optional[float] = None,
        wait_timeout: Optional[float] = None,
        user_id: Optional[_Id] = None,
        scope: Optional[_Scope] = None,
        thread_id: Optional[_Id] = None,
        idempotency_key: Optional[str] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
        files: Optional[Sequence[_Id]] = None,
        max_wait: Optional[float] = None,
    ) -> AsyncIterator[ProgressEntry]: ...
