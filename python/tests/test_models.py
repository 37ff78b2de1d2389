"""Models built from answers: fields converted on first read, the same values as eager
conversion would give, and an import that loads none of what conversion needs."""

import pickle
import subprocess
import sys
from datetime import datetime
from uuid import UUID

import pytest

from lumnisai.models import ResponseObject, User, UsersListResponse

WIRE = {
    "id": "2fece613-9f70-48f8-bb9d-7be279f30f7d",
    "email": "alice@example.com",
    "first_name": "Alice",
    "last_name": None,
    "tenant_id": None,
    "is_active": True,
    "created_at": "2026-12-03T10:08:51.832820123Z",
    "updated_at": None,
    "metadata": {"plan": "pro"},
}


def test_a_model_from_the_wire_converts_on_first_read() -> None:
    user = User._from(dict(WIRE))
    assert "id" not in vars(user)
    assert user.id == UUID(WIRE["id"]) and user.id is user.id
    assert user.created_at == datetime.fromisoformat("2026-12-03T10:08:51.832820+00:00")
    assert user.created_at.tzinfo is not None
    assert user.updated_at is None and user.metadata == {"plan": "pro"}
    assert user.model_dump(mode="json")["id"] == WIRE["id"]


@pytest.mark.parametrize("text", [WIRE["id"], WIRE["id"].upper().replace("-", ""),
                                  "{" + WIRE["id"] + "}", "urn:uuid:" + WIRE["id"]])
def test_ids_are_the_uuids_uuid_makes(text: str) -> None:
    made = User._from({"id": text}).id
    assert type(made) is UUID and made == UUID(text) and hash(made) == hash(UUID(text))
    assert str(made) == str(UUID(text)) and made.is_safe == UUID(text).is_safe


@pytest.mark.parametrize("text", ["zzzzzzzz-9f70-48f8-bb9d-7be279f30f7d", "abc"])
def test_a_malformed_id_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        User._from({"id": text}).id


def test_an_unread_model_pickles_compares_and_prints_converted() -> None:
    again = pickle.loads(pickle.dumps(User._from(dict(WIRE))))
    assert isinstance(again.id, UUID) and again == User._from(dict(WIRE))
    assert "UUID('2fece613" in repr(User._from(dict(WIRE)))


def test_nested_lists_become_models() -> None:
    page = UsersListResponse._from({"users": [dict(WIRE)], "total": 1, "pagination": None})
    assert [type(u) for u in page.users] == [User] and page.users[0].email == WIRE["email"]
    run = ResponseObject._from({"response_id": WIRE["id"], "status": "succeeded",
                                "progress": None, "input_messages": [{"role": "user",
                                                                      "content": "hi"}]})
    assert run.progress == [] and run.input_messages[0].content == "hi"


def test_an_undeclared_field_of_an_answer_is_dropped() -> None:
    user = User._from(dict(WIRE, model_dump="shadow", plan="pro"))
    assert user.model_dump()["email"] == WIRE["email"]
    assert "plan" not in vars(user) and not hasattr(user, "plan")


def test_a_missing_field_is_none_and_a_misspelt_one_an_error() -> None:
    user = User._from({"id": WIRE["id"]})
    assert user.email is None
    with pytest.raises(AttributeError, match="idd"):
        user.idd  # type: ignore[attr-defined]


def test_model_validate_and_copy_as_pydantic_callers_use_them() -> None:
    user = User._from(dict(WIRE))
    stored = user.model_dump_json()
    again = User.model_validate_json(stored)
    assert again == user and isinstance(again.id, UUID)
    assert User.model_validate(user.model_dump()) == user
    assert User.model_validate(user) is user
    run = ResponseObject.model_validate({"response_id": WIRE["id"], "status": "succeeded",
                                         "progress": [{"state": "processing", "message": "m",
                                                       "ts": WIRE["created_at"]}]})
    assert run.progress[0].message == "m" and run.progress[0].ts.tzinfo is not None
    with pytest.raises(TypeError, match="takes a dict"):
        User.model_validate([1])
    renamed = user.model_copy(update={"first_name": "Alicia"})
    assert renamed.first_name == "Alicia" and user.first_name == "Alice"
    assert renamed.id == user.id
    deep = user.model_copy(deep=True)
    assert deep == user and deep.metadata is not user.metadata
    with pytest.raises(TypeError, match="frist_name"):
        user.model_copy(update={"frist_name": "x"})


def test_import_loads_no_typing_uuid_datetime_or_asyncio() -> None:
    code = ("import sys, lumnisai; print(' '.join(m for m in ('typing', 'uuid', 'datetime', "
            "'asyncio', 'logging', 'warnings', 'dataclasses') if m in sys.modules))")
    loaded = subprocess.check_output([sys.executable, "-c", code], text=True).strip()
    assert loaded == ""


def test_the_official_model_modules_hold_the_same_classes() -> None:
    import lumnisai
    from lumnisai.models.agent_config import AgentConfig, ModelType
    from lumnisai.models.files import FileMetadata, FileScope
    from lumnisai.models.response import ProgressEntry, ResponseObject
    from lumnisai.models.thread import ThreadObject
    from lumnisai.models.user import User as ModuleUser

    assert ResponseObject is lumnisai.ResponseObject and ProgressEntry is lumnisai.ProgressEntry
    assert ModuleUser is User and ThreadObject is lumnisai.ThreadObject
    assert FileMetadata is lumnisai.FileMetadata and FileScope is lumnisai.FileScope
    assert AgentConfig is lumnisai.AgentConfig and ModelType is lumnisai.ModelType
    # A model pickled before or after still names the one module the classes live in.
    assert User.__module__ == "lumnisai.models"
