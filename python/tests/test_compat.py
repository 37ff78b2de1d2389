"""Where the official SDK's callers rely on its surface: ids that cannot be sent are refused
before any request, the file calls' names, enums and errors, the typed feedback list, the
exceptions' constructors, AgentConfig's defaults and presets, and the response's helpers."""

import asyncio
import os
import subprocess
import sys
import uuid
import warnings

import pytest

import lumnisai
from lumnisai import exceptions as exc
from lumnisai.models import ProgressEntry, ResponseObject

NO_ID = [None, b"a@b.co", 123]


def _id_calls(c):
    # Each call with one id argument that cannot be sent; `bad` stands for the id.
    return {
        "get_user": lambda bad: c.get_user(bad),
        "update_user": lambda bad: c.update_user(bad, first_name="x"),
        "delete_user": lambda bad: c.delete_user(bad),
        "get_response": lambda bad: c.get_response(bad),
        "cancel_response": lambda bad: c.cancel_response(bad),
        "list_feedback": lambda bad: c.responses.list_feedback(bad),
        "get_thread": lambda bad: c.get_thread(bad),
        "delete_thread": lambda bad: c.delete_thread(bad),
        "get_file": lambda bad: c.get_file(bad),
        "delete_file": lambda bad: c.delete_file(bad),
        "get_file_status": lambda bad: c.get_file_status(bad),
        "threads.list user_id": lambda bad: c.threads.list(user_id=bad or 5),
        "invoke thread_id": lambda bad: c.invoke("x", thread_id=bad or 5, user_id="a@b.co",
                                                 show_progress=False),
        "invoke user_id": lambda bad: c.invoke("x", user_id=bad or 5, show_progress=False),
    }


@pytest.mark.parametrize("bad", NO_ID, ids=repr)
def test_an_id_that_cannot_be_sent_is_refused_before_any_request(both, server, bad):
    for name, call in _id_calls(both.client).items():
        with pytest.raises(lumnisai.ValidationError) as info:
            both(call(bad))
        # A TypeError too, as Python raises for an argument of the wrong type.
        assert isinstance(info.value, TypeError), name
        assert isinstance(info.value, lumnisai.ArgumentTypeError), name
    with pytest.raises(TypeError):
        both.client.for_user(bad)
    assert server.log() == []


def test_uuid_ids_keep_working(both):
    c = both.client
    user = both(c.create_user(email="u@example.com"))
    assert both(c.get_user(uuid.UUID(str(user.id)))).email == "u@example.com"
    bound = c.for_user(user.id)
    assert bound.user_id == str(user.id)
    thread = both(c.create_thread(user_id=user.id, title="t"))
    assert both(c.get_thread(thread.thread_id)).title == "t"


def test_files_have_the_official_names_enums_and_progress(both):
    c = both.client
    up = both(c.upload_file(file_content=b"hello\nworld\n", file_name="a.txt"))
    assert up.status is lumnisai.ProcessingStatus(up.status.value)
    status = both(c.get_file_status(up.file_id))
    assert isinstance(status.status, lumnisai.ProcessingStatus)
    assert both(c.files.get_processing_status(str(up.file_id))).status == status.status
    meta = both(c.get_file(up.file_id))
    assert isinstance(meta.processing_status, lumnisai.ProcessingStatus)
    # A str enum: it compares with the text.
    assert meta.processing_status == meta.processing_status.value
    assert meta.file_scope is lumnisai.FileScope.TENANT and meta.file_scope.value == "tenant"
    assert isinstance(meta.progress_percentage, float)
    assert meta.model_dump()["processing_status"] == meta.processing_status.value
    content = both(c.get_file_content(up.file_id))
    assert content.content_type is lumnisai.ContentType.TEXT
    listed = both(c.list_files())
    assert all(isinstance(f.processing_status, lumnisai.ProcessingStatus) for f in listed.files)


def test_progress_percentage_is_the_officials():
    meta = lumnisai.FileMetadata(total_chunks=4, chunks_embedded=1)
    assert meta.progress_percentage == 25.0
    assert lumnisai.FileMetadata(total_chunks=0, chunks_embedded=0).progress_percentage == 0.0
    assert lumnisai.FileMetadata(total_chunks=2, chunks_embedded=3).progress_percentage == 100.0


def test_a_status_the_enum_does_not_know_stays_text():
    meta = lumnisai.FileMetadata._from({"processing_status": "queued_for_ocr"})
    assert meta.processing_status == "queued_for_ocr"


def test_a_missing_file_is_file_not_found_and_not_found(both, server):
    missing = str(uuid.uuid4())
    c = both.client
    for call in (lambda: c.get_file(missing), lambda: c.get_file_content(missing),
                 lambda: c.delete_file(missing), lambda: c.download_file(missing)):
        with pytest.raises(lumnisai.FileNotFoundError) as info:
            both(call())
        err = info.value
        assert isinstance(err, lumnisai.NotFoundError)
        assert isinstance(err, lumnisai.FileOperationError)
        assert err.status_code == 404 and err.code is lumnisai.ErrorCode.NOT_FOUND
        assert err.request_id
    # Another call's 404 is not a file's.
    with pytest.raises(lumnisai.NotFoundError) as info:
        both(c.get_user("nobody@example.com"))
    assert not isinstance(info.value, lumnisai.FileOperationError)


def test_a_denied_file_is_file_access_denied(both, server):
    file_id = str(uuid.uuid4())
    server.fault(method="GET", path=f"/v1/files/{file_id}", count=1, kind="status", status=403)
    with pytest.raises(lumnisai.FileAccessDeniedError) as info:
        both(both.client.get_file(file_id))
    assert isinstance(info.value, lumnisai.AuthenticationError)
    assert info.value.code is lumnisai.ErrorCode.FORBIDDEN


def test_file_errors_construct_as_the_officials():
    assert str(lumnisai.FileNotFoundError()) == "File not found"
    assert lumnisai.FileNotFoundError().code is lumnisai.ErrorCode.NOT_FOUND
    assert str(lumnisai.FileAccessDeniedError()) == "Access to file denied"
    assert lumnisai.FileOperationError("x").code is lumnisai.ErrorCode.UNKNOWN
    err = lumnisai.FileNotFoundError("gone", status_code=404, request_id="r")
    again = __import__("pickle").loads(__import__("pickle").dumps(err))
    assert type(again) is lumnisai.FileNotFoundError and again.request_id == "r"


def test_list_feedback_is_typed(both):
    c = both.client
    both(c.create_user(email="f@example.com"))
    created = both(c.responses.create(messages="hi", user_id="f@example.com"))
    both(c.responses.create_feedback(created.response_id, feedback_text="shorter please"))
    listed = both(c.responses.list_feedback(created.response_id))
    assert isinstance(listed, lumnisai.ListFeedbackResponse)
    assert listed.response_id == created.response_id
    assert listed.feedback[0].feedback_text == "shorter please"
    assert isinstance(listed.feedback[0].feedback_id, uuid.UUID)
    assert listed.total_feedback == 1 and listed.unconsumed_count + listed.consumed_count == 1
    step = uuid.uuid4()
    none = both(c.responses.list_feedback(created.response_id, progress_id=step))
    assert none.feedback == [] and none.total_feedback == 0
    assert none.progress_id_filter == step
    assert listed.note.startswith("Shows all feedback")
    both(c.responses.create_feedback(created.response_id, feedback_text="on the step",
                                     progress_id=step))
    one = both(c.responses.list_feedback(created.response_id, progress_id=str(step).upper()))
    assert [f.feedback_text for f in one.feedback] == ["on the step"]
    assert one.feedback[0].progress_id == step and one.total_feedback == 1
    assert both(c.responses.list_feedback(created.response_id)).total_feedback == 2


def test_exceptions_construct_as_the_officials():
    assert "user_id is required when scope is USER" in str(lumnisai.MissingUserId())
    assert lumnisai.MissingUserId().code is lumnisai.ErrorCode.MISSING_USER_ID
    assert str(lumnisai.TenantScopeUserIdConflict()) == (
        "user_id must not be provided when scope is TENANT")
    assert str(lumnisai.NotImplementedYetError()) == "This feature is not yet implemented"
    assert str(lumnisai.LocalFileNotSupported("/x")) == (
        "Local file paths are not supported yet: /x. Please wait for the artifact upload API "
        "or use artifact IDs.")
    # The core's own error keeps the core's message.
    native = exc._from_native("local_file_not_supported", "a local path: /y", None, None,
                              None, None, None, None)
    assert type(native) is lumnisai.LocalFileNotSupported and str(native) == "a local path: /y"


def test_bad_configuration_is_a_value_error(monkeypatch):
    monkeypatch.delenv("LUMNISAI_API_KEY")
    with pytest.raises(ValueError):
        lumnisai.Client()
    monkeypatch.setenv("LUMNISAI_API_KEY", "k")
    with pytest.raises(ValueError):
        lumnisai.Client(tenant_id="not-a-uuid")


@pytest.mark.parametrize("retries, error", [(-1, lumnisai.ValidationError), (2**40, ValueError),
                                            ("3", TypeError), (1.5, TypeError)])
def test_max_retries_that_cannot_be_converted(retries, error):
    with pytest.raises(error) as info:
        lumnisai.Client(max_retries=retries)
    assert isinstance(info.value, lumnisai.ValidationError)


def test_bad_arguments_are_typed_and_send_nothing(both, server):
    c = both.client
    calls = {
        "agent_config list": lambda: c.invoke("hi", agent_config=[1], user_id="a@b.co",
                                              show_progress=False),
        "file_content str": lambda: c.upload_file(file_content="text", file_name="a.txt"),
        "tags int": lambda: c.list_files(tags=5),
        "tags of ints": lambda: c.list_files(tags=[1, 2]),
        "metadata object": lambda: c.create_user(email="m@example.com",
                                                 metadata={"a": object()}),
    }
    for name, call in calls.items():
        with pytest.raises(lumnisai.ArgumentTypeError) as info:
            both(call())
        assert isinstance(info.value, TypeError), name
    assert server.log() == []


def test_upload_takes_bytearray_and_binary_files(both, tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(b"from a file\n")
    with open(path, "rb") as f:
        up = both(both.client.upload_file(file_content=f))
    assert up.file_name == "b.txt"
    up = both(both.client.upload_file(file_content=bytearray(b"x"), file_name="c.txt"))
    assert up.file_name == "c.txt"
    # A text-mode file goes up as UTF-8, as the official SDK sends it.
    path.write_text("naïve text\n", encoding="utf-8")
    with open(path, encoding="utf-8") as f:
        up = both(both.client.upload_file(file_content=f, file_name="t.txt"))
    content = both(both.client.get_file_content(up.file_id))
    assert content.text.strip() == "naïve text"


def test_nameless_content_is_refused_as_the_official_refuses_it(both, server):
    server.clear_log()
    for content in (b"x", bytearray(b"x")):
        with pytest.raises(lumnisai.ValidationError, match="file_name is required"):
            both(both.client.upload_file(file_content=content))
    assert server.log() == []


def test_an_unknown_invoke_keyword_is_ignored_with_a_warning(both):
    both(both.client.create_user(email="a@b.co"))
    with pytest.warns(UserWarning, match="foo"):
        response = both(both.client.invoke("hi", foo=1, user_id="a@b.co", show_progress=False))
    assert response.status == "succeeded"


def test_agent_config_has_the_officials_defaults_and_presets(both):
    config = lumnisai.AgentConfig(agent_mode="single_agent")
    assert config.agent_mode is lumnisai.AgentMode.SINGLE_AGENT
    assert config.to_dict() == {
        "orchestrator_model_type": "REASONING_MODEL", "planner_model_type": "SMART_MODEL",
        "coordinator_model_type": "REASONING_MODEL", "use_cognitive_tools": True,
        "enable_task_validation": True, "generate_comprehensive_output": False,
        "agent_mode": "single_agent"}
    fast = lumnisai.AgentConfig.fast_execution()
    assert fast.coordinator_model_name == "openai:gpt-4o-mini" and not fast.use_cognitive_tools
    deep = lumnisai.AgentConfig.deep_reasoning()
    assert deep.coordinator_model_name == "openai:o3"
    assert deep.planner_model_type == "REASONING_MODEL"
    assert lumnisai.AgentConfig.comprehensive_report().generate_comprehensive_output
    assert lumnisai.AgentConfig.with_skills(["s1"], agent_mode="auto").skill_ids == ["s1"]
    both(both.client.create_user(email="a@b.co"))
    response = both(both.client.invoke("hi", agent_config=config, user_id="a@b.co",
                                       show_progress=False))
    assert response.options["agent_config"] == config.to_dict()


def test_a_dict_agent_config_is_sent_as_the_official_sends_it(both, server):
    both(both.client.create_user(email="a@b.co"))
    sent = {"agent_mode": "multi_agent", "skill_ids": ["s1"], "planner_model_type": None,
            "no_such_field": 1}
    with pytest.warns(UserWarning, match="no_such_field"):
        response = both(both.client.invoke("hi", agent_config=sent, user_id="a@b.co",
                                           show_progress=False))
    expected = lumnisai.AgentConfig(agent_mode="multi_agent", skill_ids=["s1"]).to_dict()
    assert expected["planner_model_type"] == "SMART_MODEL"
    assert response.options["agent_config"] == expected

    server.clear_log()
    with pytest.raises(lumnisai.ValidationError):
        both(both.client.invoke("hi", agent_config={"agent_mode": "bogus"}, user_id="a@b.co"))
    assert server.log() == []


def test_model_overrides_as_the_officials_model_or_a_dict(both, server):
    from lumnisai.models import ModelOverrides

    both(both.client.create_user(email="a@b.co"))
    overrides = ModelOverrides(smart_model="openai:gpt-4.1", cheap_model=None)
    created = both(both.client.responses.create(messages="hi", user_id="a@b.co",
                                                model_overrides=overrides))
    sent = both(both.client.responses.get(created.response_id))
    assert sent.options["model_overrides"] == {"smart_model": "openai:gpt-4.1"}
    # In `options`, as the official SDK also reads it.
    created = both(both.client.responses.create(
        messages="hi", user_id="a@b.co", options={"model_overrides": {"fast_model": "x:y"}}))
    assert both(both.client.responses.get(created.response_id)).options["model_overrides"] == {
        "fast_model": "x:y"}

    server.clear_log()
    with pytest.raises(lumnisai.ValidationError):
        both(both.client.responses.create(messages="hi", user_id="a@b.co", model_overrides=5))
    assert server.log() == []


def test_the_officials_module_paths():
    from lumnisai.async_client import AsyncClient
    from lumnisai.client import Client
    from lumnisai.constants import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, LONG_POLL_TIMEOUT

    assert Client is lumnisai.Client and AsyncClient is lumnisai.AsyncClient
    assert (DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES, LONG_POLL_TIMEOUT) == (30.0, 3, 10)


@pytest.mark.parametrize("field, value", [("agent_mode", "bogus"),
                                          ("planner_model_type", "HUGE_MODEL")])
def test_agent_config_refuses_a_bad_value_at_construction(field, value):
    with pytest.raises(lumnisai.ValidationError) as info:
        lumnisai.AgentConfig(**{field: value})
    assert isinstance(info.value, ValueError) and value in str(info.value)


def test_agent_config_ignores_an_unknown_keyword_as_the_official_does():
    with pytest.warns(UserWarning, match="fast_modle"):
        config = lumnisai.AgentConfig(agent_mode="single_agent", fast_modle="x")
    assert config.to_dict() == lumnisai.AgentConfig(agent_mode="single_agent").to_dict()
    assert "fast_modle" not in config.to_dict()


def _entry(**fields):
    base = {"ts": "2026-01-01T00:00:00Z", "state": "processing", "message": "m"}
    return dict(base, **fields)


def test_plan_and_sub_agent_executions_as_the_official_reads_them():
    final = {"name": "FINAL_RESPONSE", "args": {}}
    response = ResponseObject._from({
        "response_id": str(uuid.uuid4()), "status": "succeeded",
        "created_at": "2026-01-01T00:00:00Z",
        "progress": [_entry(), _entry(tool_calls=[{"name": "plan", "output_text": "1. do"}]),
                     _entry(tool_calls=[{"name": "x"}, final])],
    })
    assert response.plan == "1. do"
    assert [type(e) for e in response.sub_agent_executions] == [ProgressEntry]
    assert response.sub_agent_executions[0].tool_calls[-1] == final
    empty = ResponseObject._from({"response_id": str(uuid.uuid4()), "status": "queued"})
    assert empty.plan is None and empty.sub_agent_executions == []


def test_model_dump_modes_and_json(both):
    user = both(both.client.create_user(email="j@example.com"))
    wire = user.model_dump(mode="json")
    assert wire["id"] == str(user.id) and isinstance(wire["created_at"], str)
    python = user.model_dump()
    assert type(python["id"]) is uuid.UUID and python["created_at"].tzinfo is not None
    text = user.model_dump_json()
    assert text.startswith('{"id":"') and '"email":"j@example.com"' in text
    assert __import__("json").loads(text) == wire
    run = both(both.client.invoke("dump me", user_id="j@example.com", show_progress=False))
    assert run.model_dump()["progress"][0]["ts"] == run.progress[0].ts
    assert isinstance(run.model_dump(mode="json")["progress"][0]["ts"], str)
    assert type(run).model_validate(run.model_dump()) == run
    with pytest.raises(ValueError):
        user.model_dump(mode="yaml")


def test_async_invoke_stream_is_the_deprecated_stream(server):
    async def run():
        client = lumnisai.AsyncClient()
        await client.create_user(email="a@b.co")
        return [e.state async for e in client.invoke_stream("s", user_id="a@b.co")]

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        states = asyncio.run(run())
    assert states[-1] == "completed"
    assert any(w.category is DeprecationWarning for w in caught)


def test_retry_after_is_whole_seconds():
    err = exc._from_native("rate_limit", "slow down", 429, None, None, None, 1.2, None)
    assert err.retry_after == 2 and isinstance(err.retry_after, int)
    err = exc._from_native("rate_limit", "slow down", 429, None, None, None, 120.0, None)
    assert err.retry_after == 120 and isinstance(err.retry_after, int)


def test_transport_events_go_to_the_officials_logger(server):
    server.fault(method="GET", path="/v1/users", count=1, kind="status", status=503)
    program = (
        "import logging, lumnisai\n"
        "logging.basicConfig(level=logging.INFO, format='%(name)s|%(message)s')\n"
        "lumnisai.Client().list_users()\n"
    )
    env = dict(os.environ, LUMNISAI_LOG="info")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          env=env, timeout=30)
    assert "lumnisai.transport|retrying" in done.stderr, done.stderr


def test_bad_messages_are_typed_and_one_file_is_a_list_of_one(both, server):
    c = both.client
    with pytest.raises(lumnisai.ArgumentTypeError):
        both(c.invoke(5, user_id="a@b.co", show_progress=False))
    with pytest.raises(lumnisai.ValidationError):
        both(c.invoke(user_id="a@b.co", show_progress=False))
    with pytest.raises(lumnisai.ArgumentTypeError):
        both(c.responses.create(messages="x", user_id="a@b.co", files=[b"artifact"]))
    # A lone local path is refused as one path, not as its first character.
    with pytest.raises(lumnisai.LocalFileNotSupported) as info:
        both(c.responses.create(messages="x", user_id="a@b.co", files="/etc/passwd"))
    assert "/etc/passwd" in str(info.value)
    assert server.log() == []


def test_dict_of_a_model_is_its_fields(both):
    user = both(both.client.create_user(email="d@example.com"))
    fields = dict(user)
    assert fields["email"] == "d@example.com" and fields["id"] == user.id


def test_the_officials_calls_beyond_the_contract_say_they_are_not_here(both, server):
    from lumnisai._beyond import CLIENT_CALLS, CLIENT_RESOURCES, FILES_CALLS

    c = both.client
    for name in CLIENT_CALLS:
        with pytest.raises(lumnisai.NotImplementedYetError, match=f"client.{name}"):
            getattr(c, name)("x", limit=1)
    for name in CLIENT_RESOURCES:
        with pytest.raises(lumnisai.NotImplementedYetError, match="users, threads, responses"):
            getattr(c, name).list()
    for name in FILES_CALLS:
        with pytest.raises(lumnisai.NotImplementedYetError, match=f"client.files.{name}"):
            getattr(c.files, name)(file_ids=["x"])
    assert server.log() == []
    assert "skills" in repr(c.skills) and not hasattr(c.skills, "__deepcopy__")
    # What the package does implement is untouched.
    assert both(c.create_user(email="beyond@example.com")).email == "beyond@example.com"


def test_an_implemented_call_cannot_be_marked_as_missing():
    from lumnisai import _beyond

    with pytest.raises(TypeError, match="get_user exists"):
        _beyond.install_calls(lumnisai.Client, "client", {"get_user": "users"})


def test_the_official_progress_helpers(capsys):
    from lumnisai import ProgressEntry, ProgressTracker, display_progress, format_progress_entry

    calls = [{"name": "search", "args": {"q": "x", "n": 2}}, {"name": "bare"}]
    assert format_progress_entry("processing", "Reading", calls) == (
        "PROCESSING: Reading\n\t→ search(q='x', n=2)\n\t→ bare")
    assert format_progress_entry("done", "ok") == "DONE: ok"

    tracker = ProgressTracker()
    assert tracker.format_new_entries("processing", "Reading", calls[:1]) == (
        "PROCESSING: Reading\n\t→ search(q='x', n=2)")
    assert tracker.format_new_entries("processing", "Reading", calls[:1]) is None
    assert tracker.format_new_entries("processing", "Reading", calls) == "\t→ bare"

    display_progress(ProgressEntry(state="tool_call", message="Searching", tool_calls=calls))
    display_progress(ProgressEntry(state="tool_update", message="[Tool calls for: x]",
                                   tool_calls=calls[1:]), indent="  ")
    assert capsys.readouterr().out == (
        "TOOL_CALL - Searching\n\t→ search(q='x', n=2)\n\t→ bare\n  → bare\n")
    import lumnisai.utils

    assert lumnisai.utils.ProgressTracker is ProgressTracker


def test_a_message_with_a_role_the_api_has_not_is_refused_when_built():
    assert lumnisai.Message(role="system", content="be brief").role == "system"
    with pytest.raises(lumnisai.ValidationError, match="bogus") as info:
        lumnisai.Message(role="bogus", content="x")
    assert isinstance(info.value, ValueError)
    read = lumnisai.ResponseObject._from({"input_messages": [{"role": "tool", "content": "x"}]})
    assert read.input_messages[0].role == "tool"


def test_the_official_model_catalog_names_models(both):
    from lumnisai import AgentConfig, Models, OpenAIModels
    from lumnisai.models import AnthropicModels, GoogleModels

    assert Models.GPT_4_1 == OpenAIModels.GPT_4_1 == "openai:gpt-4.1"
    assert AnthropicModels.CLAUDE_3_7_SONNET == "anthropic:claude-3-7-sonnet-20250219"
    assert GoogleModels.GEMINI_2_5_PRO.startswith("google_genai:")
    assert len(Models.all_models()) == len(set(Models.all_models())) > 50
    assert set(Models.openai_models()) == {
        v for k, v in vars(OpenAIModels).items() if not k.startswith("_")}
    assert all(m.startswith("mistralai:") for m in Models.mistral_models())
    c = both.client
    both(c.create_user(email="m@example.com"))
    config = AgentConfig(coordinator_model_name=Models.GPT_4_1, planner_model_name=Models.O3)
    done = both(c.invoke("hi", user_id="m@example.com", agent_config=config,
                         show_progress=False))
    # The server keeps the agent_config it was sent in the response's options.
    sent = done.options["agent_config"]
    assert sent["coordinator_model_name"] == "openai:gpt-4.1"
    assert sent["planner_model_name"] == "openai:o3"


def test_official_models_of_calls_not_here_import_and_refuse():
    from lumnisai import ApiKeyMode, ApiProvider, ModelProvider, SkillGuidelineCreate
    from lumnisai.models import MCPServer, TenantInfo, UserCreate
    from lumnisai.models.files import FileSearchRequest
    from lumnisai.models.response import Artifact

    assert ApiKeyMode.BYO_KEYS.value == "byo_keys"
    assert ApiProvider.OPENAI_API_KEY.value == "OPENAI_API_KEY"
    assert ModelProvider.GOOGLE_GENAI.value == "google_genai"
    for cls in (SkillGuidelineCreate, MCPServer, TenantInfo, UserCreate, FileSearchRequest,
                Artifact):
        with pytest.raises(lumnisai.NotImplementedYetError, match=cls.__name__):
            cls(name="x")
        with pytest.raises(lumnisai.NotImplementedYetError):
            cls.model_validate({})
    with pytest.raises(lumnisai.NotImplementedYetError, match="keyword arguments"):
        UserCreate(email="a@example.com")


def test_blank_options_read_the_environment_as_the_officials_do(server):
    # Code such as Client(api_key=os.getenv("MY_KEY", "")) finds LUMNISAI_API_KEY.
    client = lumnisai.Client(api_key="", base_url="", tenant_id="")
    assert client.base_url.rstrip("/") == server.url.rstrip("/")
    assert client.list_users().total == 0


def test_models_built_by_hand_read_as_answers_do():
    import datetime

    from lumnisai.models import ProgressEntry, ThreadObject

    rid = uuid.uuid4()
    r = ResponseObject(response_id=str(rid), thread_id=str(uuid.uuid4()), status="succeeded",
                       progress=[{"ts": "2026-01-01T00:00:00Z", "state": "processing",
                                  "message": "Reading", "tool_calls": [{"name": "search"}]}],
                       input_messages=[{"role": "user", "content": "hi"}],
                       created_at="2026-01-01T00:00:00Z")
    assert r.response_id == rid and isinstance(r.created_at, datetime.datetime)
    assert isinstance(r.progress[0], ProgressEntry) and r.progress[0].state == "processing"
    assert isinstance(r.input_messages[0], lumnisai.Message)
    with pytest.raises(ValueError):
        ResponseObject(response_id="not-a-uuid")
    # str() as the official models print.
    assert str(r).startswith(f"Response ID: {rid}\nThread ID: ")
    assert str(r.progress[0]) == ("2026-01-01T00:00:00+00:00 - PROCESSING Reading\n"
                                  'Tool Call: {\n    "name": "search"\n}')
    assert str(lumnisai.Message(role="user", content="hi")) == "USER Message: \n hi"
    thread = ThreadObject(thread_id=str(rid), response_count=2, created_at="2026-01-01T00:00:00Z")
    assert str(thread).splitlines()[0] == f"Thread ID: {rid}"
    assert "Response Count: 2" in str(thread)
    assert r.model_dump(include={"status"}) == {"status": "succeeded"}
    assert "progress" not in r.model_dump(exclude={"progress"})
    assert r.model_dump_json(include=["status"]) == '{"status":"succeeded"}'
