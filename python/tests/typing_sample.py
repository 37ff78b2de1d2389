"""A sample program that mypy --strict checks against the package's annotations and stubs.

Every result is assigned to an annotated name, so a wrong return type in the stubs is a type
error here (tests/test_stubs.py checks that mypy does catch one). It runs, too: against a
server (LUMNISAI_BASE_URL, LUMNISAI_API_KEY) it goes through the seed's examples.
"""

import asyncio
import os
import tempfile
from typing import AsyncIterator, Dict, Iterator, List, Optional
from uuid import UUID

import lumnisai
from lumnisai import (
    AgentConfig,
    AsyncClient,
    AsyncProgress,
    Client,
    NotFoundError,
    ProgressEntry,
    ResponseObject,
    Scope,
    SyncProgress,
    ThreadObject,
    User,
)
from lumnisai.exceptions import FileNotFoundError as FileMissing
from lumnisai.exceptions import LumnisAIError, RateLimitError, ValidationError
from lumnisai.models import (
    CancelResponse,
    CreateResponseResponse,
    FileListResponse,
    FileMetadata,
    FileUploadResponse,
    ListFeedbackResponse,
    ProcessingStatusResponse,
    ResponseListResponse,
    ThreadListResponse,
    UsersListResponse,
)
from lumnisai.types import AgentMode, DuplicateHandling, FileScope, ProcessingStatus


def users_sync(client: Client) -> List[User]:
    created: User = client.create_user(email="alice@example.com", first_name="Alice",
                                       last_name="Johnson")
    same: User = client.users.create(email="bob@example.com", first_name="Bob")
    by_email: User = client.get_user("alice@example.com")
    by_id: User = client.get_user(created.id)
    page: UsersListResponse = client.list_users(page=1, page_size=10)
    updated: User = client.update_user("bob@example.com", first_name="Robert")
    name: Optional[str] = updated.first_name
    uid: UUID = by_email.id
    when: str = by_id.created_at.isoformat()
    print(name, uid, when, page.pagination.has_next, page.total)
    everyone: Iterator[User] = client.users.iter(page_size=100)
    result: List[User] = [same, *everyone]
    client.delete_user("bob@example.com")
    return result


def scoping_sync(client: Client) -> Optional[str]:
    alice: Client = client.for_user("alice@example.com")
    config = AgentConfig(coordinator_model_name=lumnisai.Models.GPT_4_1,
                         fast_model_name=lumnisai.OpenAIModels.GPT_4O_MINI,
                         use_cognitive_tools=True)
    every: List[str] = lumnisai.Models.all_models() + lumnisai.Models.anthropic_models()
    response: ResponseObject = alice.invoke("What are the latest AI trends?",
                                            agent_config=config, show_progress=False)
    threads: ThreadListResponse = alice.list_threads()
    first: List[ThreadObject] = threads.threads
    print(len(first), response.status, len(every))
    with client.as_user("alice@example.com") as scoped:
        again: ResponseObject = scoped.invoke(prompt="and now?", show_progress=False)
        print(again.response_id.hex)
    progress: SyncProgress = client.invoke("hi", stream=True, user_id="alice@example.com",
                                           scope=Scope.USER)
    entries: List[ProgressEntry] = list(progress)
    final: Optional[ResponseObject] = progress.response()
    print(len(entries), final and final.output_text)
    return response.output_text


def conversation_sync(client: Client) -> None:
    r1: CreateResponseResponse = client.responses.create(
        messages=[{"role": "user", "content": "What's the weather like?"}],
        user_id="alice@example.com",
    )
    done: ResponseObject = client.get_response(r1.response_id, wait=5.0)
    thread: ThreadObject = client.get_thread(r1.thread_id)
    answers: List[ResponseObject] = client.threads.get_responses(r1.thread_id)
    for resp in answers:
        if resp.user_id is not None:
            author: User = client.get_user(resp.user_id)
            print(author.first_name, resp.output_text)
    listed: ResponseListResponse = client.list_responses(user_id="alice@example.com")
    cancelled: CancelResponse = client.cancel_response(done.response_id)
    feedback: ListFeedbackResponse = client.responses.list_feedback(done.response_id)
    texts: List[str] = [f.feedback_text for f in feedback.feedback]
    plan: Optional[str] = done.plan
    config: Dict[str, object] = AgentConfig.fast_execution().to_dict()
    mode: AgentMode = AgentConfig(agent_mode="single_agent").agent_mode
    print(thread.title, len(listed.responses), cancelled.status, texts, plan, config, mode)


def files_sync(client: Client) -> bytes:
    up: FileUploadResponse = client.upload_file(
        file_content=b"hello", file_name="a.txt", scope=FileScope.USER,
        user_id="alice@example.com", duplicate_handling=DuplicateHandling.REPLACE,
    )
    meta: FileMetadata = client.get_file(up.file_id, user_id="alice@example.com")
    files: FileListResponse = client.list_files(user_id="alice@example.com")
    data: bytes = client.download_file(up.file_id, user_id="alice@example.com")
    saved: None = client.download_file(up.file_id, user_id="alice@example.com",
                                       save_path=os.path.join(tempfile.gettempdir(), "a.txt"))
    status: ProcessingStatusResponse = client.get_file_status(up.file_id)
    state: ProcessingStatus = status.status
    done: float = meta.progress_percentage
    try:
        client.get_file("00000000-0000-0000-0000-000000000000")
    except FileMissing as err:
        print(err.status_code)
    print(meta.file_size, files.total_count, saved, state, done)
    return data


def errors_sync(client: Client) -> None:
    try:
        client.get_user("nobody@example.com")
    except NotFoundError as err:
        code: Optional[int] = err.status_code
        print(code, err.request_id, err.code)
    except RateLimitError as err:
        wait: Optional[int] = err.retry_after
        print(wait)
    except ValidationError as err:
        print(err.kind)
    except LumnisAIError as err:
        detail: Dict[str, object] = err.detail
        print(err.message, detail)


async def async_main(client: AsyncClient) -> int:
    async with client:
        user: User = await client.get_user("alice@example.com")
        created: User = await client.users.create(email="carol@example.com")
        page: UsersListResponse = await client.users.list(page_size=100)
        print(user.id.hex, user.created_at.isoformat(), created.email, page.total)
        alice: AsyncClient = client.for_user("alice@example.com")
        response: ResponseObject = await alice.invoke("hi", show_progress=False)
        progress: AsyncProgress = await alice.invoke("hi", stream=True)
        async for entry in progress:
            state: str = entry.state
            print(state, entry.message)
        async for step in alice.invoke_stream("hi"):
            print(step.state)
        async with client.as_user("alice@example.com") as scoped:
            thread: ThreadObject = await scoped.create_thread(title="t")
            print(thread.thread_id)
        count = 0
        users: AsyncIterator[User] = client.users.iter(page_size=100)
        async for one in users:
            one_id: UUID = one.id
            print(one_id)
            count += 1
        await client.delete_user("carol@example.com")
        print(response.output_text)
    return count


def run() -> None:
    with Client() as client:
        users_sync(client)
        print(scoping_sync(client))
        conversation_sync(client)
        files_sync(client)
        errors_sync(client)
    print(asyncio.run(async_main(AsyncClient())), lumnisai.__version__)


if __name__ == "__main__":
    run()
