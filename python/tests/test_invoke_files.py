"""invoke (blocking, streaming, progress printing, structured output) and files."""

import builtins
import errno
import json
import logging
import time
from typing import Any, Dict, List

import pytest

import lumnisai


def test_invoke_returns_the_final_response(both):
    both(both.client.create_user(email="i@example.com"))
    c = both.client.for_user("i@example.com")
    started = time.monotonic()
    response = both(c.invoke("What's new?", show_progress=False))
    elapsed = time.monotonic() - started
    assert response.status == "succeeded" and response.output_text == "Answer to: What's new?"
    # The server's agent takes 300 ms; no 2 s poll sleep on top.
    assert elapsed < 0.8
    messages = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "q2"}]
    assert both(c.invoke(messages=messages, show_progress=False)).output_text == "Answer to: q2"
    assert both(c.invoke(prompt="q3", show_progress=False)).output_text == "Answer to: q3"
    with pytest.warns(DeprecationWarning, match="'task' parameter is deprecated"):
        assert both(c.invoke(task="q4", show_progress=False)).output_text == "Answer to: q4"


def test_an_idempotency_key_makes_one_run_and_an_empty_one_is_none(both):
    both(both.client.create_user(email="k@example.com"))
    c = both.client.for_user("k@example.com")
    first = both(c.invoke("once", idempotency_key="py-key-1", show_progress=False))
    again = both(c.invoke("once", idempotency_key="py-key-1", show_progress=False))
    assert first.response_id == again.response_id
    # An empty key is none, as the official SDK's `if idempotency_key:` reads it.
    one = both(c.invoke("twice", idempotency_key="", show_progress=False))
    two = both(c.invoke("twice", idempotency_key="", show_progress=False))
    assert one.response_id != two.response_id


def test_max_wait_is_a_deadline_and_the_run_goes_on(both, server):
    both(both.client.create_user(email="slow@example.com"))
    c = both.client.for_user("slow@example.com")
    server.control("PUT", "/_control/settings", {"agent_latency_ms": 1500})
    try:
        with pytest.raises(lumnisai.TransportError) as info:
            both(c.invoke("slow", max_wait=0.3, show_progress=False))
    finally:
        server.control("PUT", "/_control/settings", {"agent_latency_ms": 300})
    assert info.value.kind == "timeout"
    response_id = info.value.response_id
    assert response_id is not None
    status = None
    for _ in range(20):
        status = both(c.responses.get(response_id, wait=1)).status
        if status == "succeeded":
            break
    assert status == "succeeded"


def test_a_failed_run_is_an_answer(both):
    both(both.client.create_user(email="f@example.com"))
    response = both(both.client.invoke("[fail] now", user_id="f@example.com",
                                       show_progress=False))
    assert response.status == "failed" and response.error["code"] == "AGENT_FAILED"


def test_stream_yields_entries_as_they_arrive(both):
    c = both.client
    both(c.create_user(email="s@example.com"))
    stamps = []
    if both.kind == "sync":
        for entry in c.invoke("hello", stream=True, user_id="s@example.com"):
            stamps.append((time.monotonic(), entry))
    else:
        async def run() -> None:
            async for entry in await c.invoke("hello", stream=True, user_id="s@example.com"):
                stamps.append((time.monotonic(), entry))
        both(run())
    states = [e.state for _, e in stamps]
    assert states[0] == "processing" and states[-1] == "completed"
    assert stamps[-1][1].output_text == "Answer to: hello"
    # The first entry came well before the end of the 300 ms run.
    assert stamps[-1][0] - stamps[0][0] > 0.15
    assert all(e.response_id is not None for _, e in stamps)


def test_a_sync_stream_raises_at_the_call_when_the_run_cannot_start():
    # The official sync stream runs at the call, so its errors are raised there; the async
    # one starts at the first entry, as an async generator does.
    c = lumnisai.Client()
    c.create_user(email="start@example.com")
    gone = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(lumnisai.NotFoundError):
        c.invoke("hello", stream=True, user_id="start@example.com", thread_id=gone)
    stream = c.invoke("hello", stream=True, user_id="start@example.com")
    # The run exists before the first entry is asked for.
    assert stream.response_id is not None
    assert [e.state for e in stream][-1] == "completed"


def test_a_stream_closed_early_stops_reading_and_the_client_goes_on(both):
    c = both.client
    both(c.create_user(email="close@example.com"))
    if both.kind == "sync":
        stream = c.invoke("hello", stream=True, user_id="close@example.com")
        first = next(stream)
        stream.close()
        rest = list(stream)
    else:
        async def run() -> Any:
            import contextlib

            stream = await c.invoke("hello", stream=True, user_id="close@example.com")
            async with contextlib.aclosing(stream):
                async for entry in stream:
                    break
            return entry, [e async for e in stream]
        first, rest = both(run())
    assert first.state == "processing" and rest == []
    assert both(c.get_user("close@example.com")).email == "close@example.com"


def test_show_progress_prints_lines_and_logs_the_response_id(both, capsys, caplog):
    caplog.set_level(logging.INFO, logger="lumnisai")
    both(both.client.create_user(email="p@example.com"))
    response = both(both.client.invoke("Show me", user_id="p@example.com"))
    out = capsys.readouterr().out
    assert "PROCESSING: Reading the request" in out
    assert "\t→ local_search(query='Show me')" in out
    assert "Response ID" not in out and "COMPLETED" not in out
    # A tool call added to an earlier message prints under it, alone, as the official SDK's.
    assert "\t→ local_summarize(chars=7)" in out and "TOOL_UPDATE" not in out
    lines = out.splitlines()
    assert len(set(lines)) == len(lines), out
    assert f"Response ID: {response.response_id}" in caplog.text


def test_a_stream_never_prints_even_with_show_progress(both, capsys):
    # The official SDK's stream ignores show_progress: its caller prints the entries.
    both(both.client.create_user(email="s@example.com"))
    stream = both(both.client.invoke("Quiet", user_id="s@example.com", stream=True,
                                     show_progress=True))

    async def drain() -> List[Any]:
        return [e async for e in stream]

    entries = both(drain()) if both.kind == "async" else list(stream)
    assert entries[-1].state == "completed"
    assert capsys.readouterr().out == ""


class Weather:
    """Stands in for a pydantic model class: only model_json_schema() is used."""

    @classmethod
    def model_json_schema(cls) -> Dict[str, Any]:
        return {"type": "object", "properties": {"city": {"type": "string"},
                                                 "degrees": {"type": "integer"}}}


def test_response_format_from_a_model_class(both):
    both(both.client.create_user(email="w@example.com"))
    response = both(both.client.invoke("Paris weather", user_id="w@example.com",
                                       response_format=Weather, show_progress=False))
    assert response.structured_response == {"city": "city:Paris weather", "degrees": 1}


def test_free_form_json_keeps_its_key_order(both):
    both(both.client.create_user(email="order@example.com"))
    schema = {"type": "object", "required": ["zeta"],
              "properties": {"zeta": {"type": "string"}, "alpha": {"type": "integer"}}}
    response = both(both.client.invoke("keys", user_id="order@example.com",
                                       response_format=schema, show_progress=False))
    assert list(response.structured_response) == ["zeta", "alpha"]
    sent = response.options["response_format"]
    assert json.dumps(sent) == json.dumps(schema)


def test_files(both, tmp_path):
    both(both.client.create_user(email="files@example.com"))
    c = both.client.for_user("files@example.com")
    uploaded = both(c.upload_file(file_content=b"line one\nline two\n", file_name="notes.txt"))
    assert uploaded.file_name == "notes.txt"
    path = tmp_path / "report.txt"
    path.write_bytes(b"report")
    from_path = both(c.files.upload(file_path=path, tags=["a", "b"]))
    listed = both(c.list_files())
    assert {f.id for f in listed.files} == {uploaded.file_id, from_path.file_id}
    # Every file, a page of one at a time.
    walked = both.collect(c.files.iter(limit=1))
    assert {f.id for f in walked} == {uploaded.file_id, from_path.file_id}
    assert all(isinstance(f, lumnisai.models.FileMetadata) for f in walked)
    meta = both(c.get_file(uploaded.file_id))
    assert meta.file_name == "notes.txt" and meta.file_size == 18
    content = both(c.get_file_content(uploaded.file_id))
    assert "line two" in content.text
    assert both(c.download_file(uploaded.file_id)) == b"line one\nline two\n"
    target = tmp_path / "copy.txt"
    assert both(c.files.download(from_path.file_id, save_path=target)) is None
    assert target.read_bytes() == b"report"
    both(c.delete_file(uploaded.file_id))
    assert [f.id for f in both(c.list_files()).files] == [from_path.file_id]


def test_local_file_errors_are_file_errors(both, tmp_path, server):
    c = both.client.for_user("local-files@example.com")
    server.clear_log()
    missing = tmp_path / "missing.pdf"
    try:
        both(c.files.upload(file_path=missing))
    except lumnisai.FileNotFoundError as err:
        assert isinstance(err, lumnisai.FileOperationError)
        assert str(missing) in str(err)
        assert err.detail == {"path": str(missing), "reason": "not_found"}
        # Python's own error too, as `open` raises it.
        assert isinstance(err, builtins.FileNotFoundError)
        assert (err.errno, err.filename) == (errno.ENOENT, str(missing))
    else:
        raise AssertionError("a missing path uploaded")

    try:
        both(c.files.upload(file_path=tmp_path))
    except lumnisai.FileOperationError as err:
        assert not isinstance(err, lumnisai.FileNotFoundError)
        assert err.detail["reason"] == "is_a_directory"
        assert isinstance(err, OSError) and err.errno == errno.EISDIR
    else:
        raise AssertionError("a directory uploaded")
    assert server.log() == []


def test_a_download_into_a_missing_folder_is_an_os_error(both, tmp_path):
    both(both.client.create_user(email="dl@example.com"))
    c = both.client.for_user("dl@example.com")
    up = both(c.upload_file(file_content=b"bytes", file_name="d.txt"))
    target = tmp_path / "no-such-folder" / "d.txt"
    with pytest.raises(builtins.FileNotFoundError) as info:
        both(c.files.download(up.file_id, save_path=target))
    assert isinstance(info.value, lumnisai.FileOperationError)
    assert both(c.files.download(up.file_id, save_path=tmp_path / "d.txt")) is None


@pytest.mark.parametrize("source", ["path", "file object"])
def test_an_upload_cut_at_half_is_resent_whole_under_its_key(both, server, tmp_path, source):
    # RELIABILITY row 13: a replayable body is sent again from its start, once stored.
    body = bytes(range(256)) * 1024
    path = tmp_path / "cut.bin"
    path.write_bytes(body)
    both(both.client.create_user(email="cut@example.com"))
    c = both.client.for_user("cut@example.com")
    server.clear_log()
    server.fault(method="POST", path="/v1/files/upload", count=1, kind="cut_upload")
    with open(path, "rb") as handle:
        if source == "path":
            uploaded = both(c.upload_file(file_path=path))
        else:
            uploaded = both(c.upload_file(file_content=handle, file_name="cut.bin"))
    attempts = [r for r in server.log() if r["path"] == "/v1/files/upload"]
    assert len(attempts) == 2
    assert attempts[0]["idempotency_key"] == attempts[1]["idempotency_key"] is not None
    assert [f.id for f in both(c.list_files()).files] == [uploaded.file_id]
    assert both(c.download_file(uploaded.file_id)) == body


def test_date_bounds_of_list_responses(both):
    from datetime import datetime, timedelta, timezone

    both(both.client.create_user(email="dates@example.com"))
    c = both.client.for_user("dates@example.com")
    both(c.responses.create(messages=[{"role": "user", "content": "today"}]))
    today = datetime.now(timezone.utc).date()
    # A date is its whole day, as an end bound too.
    assert both(c.list_responses(end_date=today)).total == 1
    assert both(c.list_responses(start_date=today, end_date=today)).total == 1
    assert both(c.list_responses(end_date=today.isoformat())).total == 1
    assert both(c.list_responses(start_date=today + timedelta(days=1))).total == 0
    assert both(c.list_responses(end_date=today - timedelta(days=1))).total == 0
    # A naive datetime is UTC.
    an_hour_ago = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(hours=1)
    assert both(c.list_responses(start_date=an_hour_ago)).total == 1
    assert both(c.list_responses(end_date=an_hour_ago)).total == 0
