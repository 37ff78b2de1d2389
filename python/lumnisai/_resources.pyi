"""Signatures of the resources: one class per client kind over the same implementation.

``Users``, ``Threads``, ``Responses`` and ``Files`` are ``Client``'s and return results;
``AsyncUsers`` and the other ``Async*`` classes are ``AsyncClient``'s and return awaitables
(``iter`` an async iterator). tests/test_stubs.py checks these against the runtime.
"""

import os
from datetime import date, datetime
from typing import IO, Any, AsyncIterator, Dict, Iterator, List, Optional, Sequence, Union
from typing import NoReturn, overload
from uuid import UUID

from .models import (
    AgentConfig,
    CancelResponse,
    CreateFeedbackResponse,
    CreateResponseResponse,
    FileContentResponse,
    FileListResponse,
    FileMetadata,
    FileUploadResponse,
    ListFeedbackResponse,
    Message,
    ModelOverrides,
    ProcessingStatusResponse,
    ResponseListResponse,
    ResponseObject,
    ThreadListResponse,
    ThreadObject,
    User,
    UsersListResponse,
)
from .types import ContentType, DuplicateHandling, FileScope, ProcessingStatus, Scope

_Id = Union[str, UUID]
_Messages = Union[str, Dict[str, Any], Message, Sequence[Union[Dict[str, Any], Message]]]
_Scope = Union[Scope, str]
_FileScope = Union[FileScope, Scope, str]
_Tags = Union[str, Sequence[str]]
_Date = Union[date, datetime, str]
_Path = Union[str, "os.PathLike[str]"]
_AgentConfig = Union[AgentConfig, Dict[str, Any]]
_ModelOverrides = Union[ModelOverrides, Dict[str, str]]
# A JSON Schema dict, or a pydantic model class (turned into its JSON Schema).
_ResponseFormat = Union[Dict[str, Any], type]

def ident(value: _Id, name: str) -> str: ...
def run_args(
    messages: _Messages,
    *,
    user_id: Optional[_Id] = None,
    scope: Optional[_Scope] = None,
    thread_id: Optional[_Id] = None,
    idempotency_key: Optional[str] = None,
    agent_config: Optional[_AgentConfig] = None,
    response_format: Optional[_ResponseFormat] = None,
    response_format_instructions: Optional[str] = None,
    model_overrides: Optional[_ModelOverrides] = None,
    files: Optional[Sequence[_Id]] = None,
) -> Dict[str, Any]: ...

class _Resource:
    def __init__(self, client: Any) -> None: ...

class Users(_Resource):
    def create(
        self,
        *,
        email: str,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> User: ...
    def get(self, user_identifier: _Id) -> User: ...
    def update(
        self,
        user_identifier: _Id,
        *,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> User: ...
    def delete(self, user_identifier: _Id) -> None: ...
    def list(self, *, page: int = 1, page_size: int = 20) -> UsersListResponse: ...
    def iter(self, *, page_size: int = 100) -> Iterator[User]: ...

class AsyncUsers(_Resource):
    async def create(
        self,
        *,
        email: str,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> User: ...
    async def get(self, user_identifier: _Id) -> User: ...
    async def update(
        self,
        user_identifier: _Id,
        *,
        first_name: Optional[str] = None,
        last_name: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> User: ...
    async def delete(self, user_identifier: _Id) -> None: ...
    async def list(self, *, page: int = 1, page_size: int = 20) -> UsersListResponse: ...
    def iter(self, *, page_size: int = 100) -> AsyncIterator[User]: ...

class Threads(_Resource):
    def create(self, *, user_id: Optional[_Id] = None, title: Optional[str] = None
               ) -> ThreadObject: ...
    def list(
        self, *, user_id: Optional[_Id] = None, limit: int = 50, offset: int = 0
    ) -> ThreadListResponse: ...
    def iter(self, *, user_id: Optional[_Id] = None, limit: int = 50) -> Iterator[ThreadObject]:
        ...
    def get(self, thread_id: _Id) -> ThreadObject: ...
    def get_responses(
        self, thread_id: _Id, *, limit: int = 50, offset: int = 0
    ) -> List[ResponseObject]: ...
    def update(self, thread_id: _Id, *, title: Optional[str] = None) -> ThreadObject: ...
    def delete(self, thread_id: _Id) -> None: ...

class AsyncThreads(_Resource):
    async def create(self, *, user_id: Optional[_Id] = None, title: Optional[str] = None
                     ) -> ThreadObject: ...
    async def list(
        self, *, user_id: Optional[_Id] = None, limit: int = 50, offset: int = 0
    ) -> ThreadListResponse: ...
    def iter(
        self, *, user_id: Optional[_Id] = None, limit: int = 50
    ) -> AsyncIterator[ThreadObject]: ...
    async def get(self, thread_id: _Id) -> ThreadObject: ...
    async def get_responses(
        self, thread_id: _Id, *, limit: int = 50, offset: int = 0
    ) -> List[ResponseObject]: ...
    async def update(self, thread_id: _Id, *, title: Optional[str] = None) -> ThreadObject: ...
    async def delete(self, thread_id: _Id) -> None: ...

class Responses(_Resource):
    def create(
        self,
        *,
        messages: _Messages,
        user_id: Optional[_Id] = None,
        thread_id: Optional[_Id] = None,
        files: Optional[Sequence[_Id]] = None,
        idempotency_key: Optional[str] = None,
        options: Optional[Dict[str, Any]] = None,
        scope: Optional[_Scope] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
    ) -> CreateResponseResponse: ...
    def get(self, response_id: _Id, *, wait: Optional[float] = None) -> ResponseObject: ...
    def cancel(self, response_id: _Id) -> CancelResponse: ...
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
    def list(
        self,
        *,
        user_id: Optional[_Id] = None,
        status: Optional[str] = None,
        start_date: Optional[_Date] = None,
        end_date: Optional[_Date] = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ResponseListResponse: ...
    def iter(
        self, *, user_id: Optional[_Id] = None, status: Optional[str] = None, limit: int = 50
    ) -> Iterator[ResponseObject]: ...
    def list_artifacts(
        self, response_id: _Id, *, limit: int = 50, offset: int = 0
    ) -> Dict[str, Any]: ...
    def create_feedback(
        self,
        response_id: _Id,
        *,
        feedback_text: str,
        feedback_type: str = "suggestion",
        user_id: Optional[_Id] = None,
        progress_id: Optional[_Id] = None,
        tool_call_id: Optional[str] = None,
        tool_args_update: Optional[Dict[str, Any]] = None,
    ) -> CreateFeedbackResponse: ...
    def list_feedback(
        self, response_id: _Id, *, progress_id: Optional[_Id] = None
    ) -> ListFeedbackResponse: ...

class AsyncResponses(_Resource):
    async def create(
        self,
        *,
        messages: _Messages,
        user_id: Optional[_Id] = None,
        thread_id: Optional[_Id] = None,
        files: Optional[Sequence[_Id]] = None,
        idempotency_key: Optional[str] = None,
        options: Optional[Dict[str, Any]] = None,
        scope: Optional[_Scope] = None,
        agent_config: Optional[_AgentConfig] = None,
        response_format: Optional[_ResponseFormat] = None,
        response_format_instructions: Optional[str] = None,
        model_overrides: Optional[_ModelOverrides] = None,
    ) -> CreateResponseResponse: ...
    async def get(self, response_id: _Id, *, wait: Optional[float] = None) -> ResponseObject:
        ...
    async def cancel(self, response_id: _Id) -> CancelResponse: ...
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
    async def list(
        self,
        *,
        user_id: Optional[_Id] = None,
        status: Optional[str] = None,
        start_date: Optional[_Date] = None,
        end_date: Optional[_Date] = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ResponseListResponse: ...
    def iter(
        self, *, user_id: Optional[_Id] = None, status: Optional[str] = None, limit: int = 50
    ) -> AsyncIterator[ResponseObject]: ...
    async def list_artifacts(
        self, response_id: _Id, *, limit: int = 50, offset: int = 0
    ) -> Dict[str, Any]: ...
    async def create_feedback(
        self,
        response_id: _Id,
        *,
        feedback_text: str,
        feedback_type: str = "suggestion",
        user_id: Optional[_Id] = None,
        progress_id: Optional[_Id] = None,
        tool_call_id: Optional[str] = None,
        tool_args_update: Optional[Dict[str, Any]] = None,
    ) -> CreateFeedbackResponse: ...
    async def list_feedback(
        self, response_id: _Id, *, progress_id: Optional[_Id] = None
    ) -> ListFeedbackResponse: ...

class _FilesNotInThisPackage:
    """The official SDK's file calls beyond the wire contract: each raises
    NotImplementedYetError."""

    def search(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def bulk_upload(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def bulk_delete(self, *args: Any, **kwargs: Any) -> NoReturn: ...
    def update_scope(self, *args: Any, **kwargs: Any) -> NoReturn: ...

class Files(_Resource, _FilesNotInThisPackage):
    def upload(
        self,
        *,
        file_path: Optional[_Path] = None,
        file_content: Union[bytes, bytearray, memoryview, IO[bytes], None] = None,
        file_name: Optional[str] = None,
        scope: Optional[_FileScope] = None,
        user_id: Optional[_Id] = None,
        tags: Optional[_Tags] = None,
        duplicate_handling: Union[DuplicateHandling, str, None] = None,
        mime_type: Optional[str] = None,
    ) -> FileUploadResponse: ...
    def list(
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
    def iter(
        self,
        *,
        user_id: Optional[_Id] = None,
        scope: Optional[_FileScope] = None,
        file_type: Optional[str] = None,
        status: Union[ProcessingStatus, str, None] = None,
        tags: Optional[_Tags] = None,
        limit: int = 20,
    ) -> Iterator[FileMetadata]: ...
    def get(self, file_id: _Id, *, user_id: Optional[_Id] = None) -> FileMetadata: ...
    def get_content(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        content_type: Union[ContentType, str, None] = None,
        start_line: Optional[int] = None,
        end_line: Optional[int] = None,
    ) -> FileContentResponse: ...
    @overload
    def download(
        self, file_id: _Id, *, user_id: Optional[_Id] = None, save_path: None = None
    ) -> bytes: ...
    @overload
    def download(self, file_id: _Id, *, user_id: Optional[_Id] = None, save_path: _Path
                 ) -> None: ...
    def get_processing_status(
        self, file_id: _Id, *, user_id: Optional[_Id] = None
    ) -> ProcessingStatusResponse: ...
    def get_status(
        self, file_id: _Id, *, user_id: Optional[_Id] = None
    ) -> ProcessingStatusResponse: ...
    def delete(
        self, file_id: _Id, *, user_id: Optional[_Id] = None, hard_delete: bool = True
    ) -> Dict[str, Any]: ...

class AsyncFiles(_Resource, _FilesNotInThisPackage):
    async def upload(
        self,
        *,
        file_path: Optional[_Path] = None,
        file_content: Union[bytes, bytearray, memoryview, IO[bytes], None] = None,
        file_name: Optional[str] = None,
        scope: Optional[_FileScope] = None,
        user_id: Optional[_Id] = None,
        tags: Optional[_Tags] = None,
        duplicate_handling: Union[DuplicateHandling, str, None] = None,
        mime_type: Optional[str] = None,
    ) -> FileUploadResponse: ...
    async def list(
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
    def iter(
        self,
        *,
        user_id: Optional[_Id] = None,
        scope: Optional[_FileScope] = None,
        file_type: Optional[str] = None,
        status: Union[ProcessingStatus, str, None] = None,
        tags: Optional[_Tags] = None,
        limit: int = 20,
    ) -> AsyncIterator[FileMetadata]: ...
    async def get(self, file_id: _Id, *, user_id: Optional[_Id] = None) -> FileMetadata: ...
    async def get_content(
        self,
        file_id: _Id,
        *,
        user_id: Optional[_Id] = None,
        content_type: Union[ContentType, str, None] = None,
        start_line: Optional[int] = None,
        end_line: Optional[int] = None,
    ) -> FileContentResponse: ...
    @overload
    async def download(
        self, file_id: _Id, *, user_id: Optional[_Id] = None, save_path: None = None
    ) -> bytes: ...
    @overload
    async def download(
        self, file_id: _Id, *, user_id: Optional[_Id] = None, save_path: _Path
    ) -> None: ...
    async def get_processing_status(
        self, file_id: _Id, *, user_id: Optional[_Id] = None
    ) -> ProcessingStatusResponse: ...
    async def get_status(
        self, file_id: _Id, *, user_id: Optional[_Id] = None
    ) -> ProcessingStatusResponse: ...
    async def delete(
        self, file_id: _Id, *, user_id: Optional[_Id] = None, hard_delete: bool = True
    ) -> Dict[str, Any]: ...
