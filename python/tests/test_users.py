"""Users, threads and responses through both clients."""

import pickle
from datetime import datetime
from uuid import UUID

import pytest

import lumnisai


def test_user_lifecycle(both):
    c = both.client
    user = both(c.create_user(email="alice@example.com", first_name="Alice", last_name="J"))
    assert isinstance(user.id, UUID)
    assert isinstance(user.created_at, datetime) and user.created_at.tzinfo is not None
    again = both(c.users.create(email="ALICE@example.com", first_name="Other"))
    assert again.id == user.id
    assert both(c.get_user(user.id)) == both(c.users.get("alice@example.com"))
    updated = both(c.update_user("alice@example.com", first_name="Alicia"))
    assert updated.first_name == "Alicia" and updated.last_name == "J"
    page = both(c.list_users(page=1, page_size=100))
    assert page.total == 1 and page.pagination.total == 1 and page.users[0].id == user.id
    assert both(c.delete_user(user.id)) is None
    with pytest.raises(lumnisai.NotFoundError):
        both(c.get_user(user.id))


def test_iter_walks_every_page(both):
    c = both.client
    for i in range(7):
        both(c.create_user(email=f"u{i}@example.com"))
    emails = [u.email for u in both.collect(c.users.iter(page_size=3))]
    assert emails == [f"u{i}@example.com" for i in range(7)]


def test_threads(both):
    c = both.client
    both(c.create_user(email="t@example.com"))
    thread = both(c.create_thread(user_id="t@example.com", title="Plans"))
    assert isinstance(thread.thread_id, UUID) and thread.title == "Plans"
    assert both(c.get_thread(thread.thread_id)).title == "Plans"
    listed = both(c.for_user("t@example.com").list_threads())
    assert [t.thread_id for t in listed.threads] == [thread.thread_id]
    renamed = both(c.threads.update(thread.thread_id, title="New plans"))
    assert renamed.title == "New plans"
    assert [t.thread_id for t in both.collect(c.threads.iter())] == [thread.thread_id]
    both(c.delete_thread(thread.thread_id))
    with pytest.raises(lumnisai.NotFoundError):
        both(c.get_thread(thread.thread_id))


def test_responses(both):
    c = both.client
    both(c.create_user(email="r@example.com"))
    created = both(c.responses.create(messages=[{"role": "user", "content": "hi"}],
                                      user_id="r@example.com"))
    assert created.status == "queued" and isinstance(created.response_id, UUID)
    final = both(c.get_response(created.response_id, wait=5))
    while final.status not in ("succeeded", "failed", "cancelled"):
        final = both(c.get_response(created.response_id, wait=5))
    assert final.output_text == "Answer to: hi"
    listed = both(c.list_responses(user_id="r@example.com"))
    assert [r.response_id for r in listed.responses] == [created.response_id]
    on_thread = both(c.threads.get_responses(final.thread_id))
    assert on_thread[0].response_id == created.response_id
    other = both(c.responses.create(messages="slow", user_id="r@example.com"))
    cancelled = both(c.cancel_response(other.response_id))
    assert cancelled.status == "cancelled"
    assert [r.response_id for r in both.collect(c.responses.iter(user_id="r@example.com"))]


def test_models_dump_compare_and_pickle(both):
    user = both(both.client.create_user(email="m@example.com", first_name="M"))
    wire = user.model_dump(mode="json")
    assert wire["id"] == str(user.id) and wire["email"] == "m@example.com"
    assert isinstance(wire["created_at"], str)
    # python mode, as pydantic's: the converted values themselves.
    dumped = user.model_dump()
    assert dumped["id"] == user.id and dumped["created_at"] == user.created_at
    assert pickle.loads(pickle.dumps(user)) == user
    assert "m@example.com" in repr(user) and repr(user).startswith("User(")
    config = lumnisai.AgentConfig(coordinator_model_name="openai:gpt-4.1",
                                  use_cognitive_tools=True)
    # The official SDK's defaults fill the fields not given.
    assert config.model_dump(exclude_none=True) == {
        "orchestrator_model_type": "REASONING_MODEL", "planner_model_type": "SMART_MODEL",
        "coordinator_model_type": "REASONING_MODEL", "coordinator_model_name": "openai:gpt-4.1",
        "use_cognitive_tools": True, "enable_task_validation": True,
        "generate_comprehensive_output": False, "agent_mode": "auto"}
    assert lumnisai.Message(role="user", content="x").model_dump() == {
        "role": "user", "content": "x"}


def test_official_import_paths():
    from lumnisai.exceptions import LumnisAIError, RateLimitError
    from lumnisai.models import AgentConfig, Message
    from lumnisai.types import Scope

    assert issubclass(RateLimitError, LumnisAIError)
    assert lumnisai.AgentConfig is AgentConfig and lumnisai.Message is Message
    assert lumnisai.Scope is Scope and lumnisai.FileScope.USER.value == "user"
    assert lumnisai.DuplicateHandling.SUFFIX.value == "suffix"
