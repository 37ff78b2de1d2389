"""Errors, retries and idempotency, cancellation, fork, threads, Ctrl-C, logging, secrets."""

import asyncio
import logging
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
import time
import warnings
from typing import Any

import pytest

import lumnisai
from lumnisai import exceptions as exc

SECRET = "sk-do-not-show-0123456789"


def test_error_attributes_and_pickling(both):
    with pytest.raises(lumnisai.NotFoundError) as info:
        both(both.client.get_user("nobody@example.com"))
    err = info.value
    assert err.status_code == 404 and err.request_id and err.request_id.startswith("req_")
    assert err.code is exc.ErrorCode.NOT_FOUND and err.kind == "not_found"
    assert isinstance(err.detail, dict) and err.message
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is lumnisai.NotFoundError and again.request_id == err.request_id


def test_validation_happens_before_any_request(both, server):
    c = both.client
    for call in (lambda: c.create_user(email="not-an-email"),
                 lambda: c.list_users(page_size=0),
                 lambda: c.list_users(page_size=101),
                 lambda: c.invoke(messages=[], show_progress=False)):
        with pytest.raises(lumnisai.ValidationError):
            both(call())
    with pytest.raises(lumnisai.MissingUserId):
        both(c.invoke("x", scope=lumnisai.Scope.USER, show_progress=False))
    with pytest.raises(lumnisai.LocalFileNotSupported):
        both(c.responses.create(messages="x", user_id="a@b.co", files=["/tmp/a.pdf"]))
    assert server.log() == []


def test_a_user_switches_tenant_scope_to_user_scope(both):
    # As in the official SDK: a run for a user is that user's, whatever scope was asked.
    c = both.client
    alice = both(c.create_user(email="alice@example.com"))
    run = both(c.invoke("x", scope="tenant", user_id="alice@example.com", show_progress=False))
    assert str(run.user_id) == str(alice.id)


def test_wrong_key_is_an_authentication_error(both, server):
    c = type(both.client)(api_key=SECRET, base_url=server.url)
    with pytest.raises(lumnisai.AuthenticationError) as info:
        both(c.list_users())
    assert info.value.status_code == 401
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)
    assert SECRET not in repr(c) and SECRET not in repr(c._native)


def test_error_codes_are_the_official_sdks(both, server):
    server.fault(method="GET", path="/v1/users*", count=1, kind="status", status=403)
    with pytest.raises(lumnisai.AuthenticationError) as denied:
        both(both.client.list_users())
    assert denied.value.status_code == 403
    assert denied.value.code is exc.ErrorCode.UNAUTHORIZED
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    c = type(both.client)(api_key=SECRET, base_url=f"http://127.0.0.1:{closed_port}",
                          max_retries=0)
    with pytest.raises(lumnisai.TransportError) as refused:
        both(c.list_users())
    assert refused.value.code is exc.ErrorCode.NETWORK_ERROR and refused.value.status_code is None


def test_a_timeout_has_the_officials_network_error_code(both, server):
    server.fault(method="GET", path="/v1/users", count=1, kind="hang")
    c = type(both.client)(timeout=0.3, max_retries=0)
    with pytest.raises(lumnisai.TransportError) as info:
        both(c.list_users())
    assert info.value.code is exc.ErrorCode.NETWORK_ERROR
    assert info.value.kind == "timeout"


def test_rate_limit_carries_retry_after(both, server):
    server.fault(method="GET", path="/v1/users", count=5, kind="status", status=429,
                 retry_after="120")
    with pytest.raises(lumnisai.RateLimitError) as info:
        both(type(both.client)(max_retries=0).list_users())
    assert info.value.retry_after == 120 and info.value.status_code == 429


@pytest.mark.parametrize("kind", ["invalid_json", "wrong_type"])
def test_malformed_json_is_a_typed_error_and_the_client_goes_on(both, server, kind):
    server.fault(method="GET", path="/v1/users", count=1, kind=kind)
    c = type(both.client)(max_retries=0)
    with pytest.raises(lumnisai.LumnisAIError) as info:
        both(c.list_users())
    assert info.value.kind == "decode"
    # Caught as the official SDK's JSON error is caught, and as a transport error.
    assert isinstance(info.value, ValueError) and isinstance(info.value, lumnisai.TransportError)
    assert isinstance(info.value, lumnisai.DecodeError)
    assert both(c.list_users()).total == 0


def test_an_endless_body_hits_the_limit_and_the_client_goes_on(both, server):
    # RELIABILITY row 14: the core's 64 MiB limit, then the connection is dropped.
    server.fault(method="GET", path="/v1/users", count=1, kind="endless")
    c = type(both.client)(max_retries=0)
    with pytest.raises(lumnisai.TransportError) as info:
        both(c.list_users())
    assert info.value.kind == "body_too_large"
    assert both(c.list_users()).total == 0
    connections = [r["connection_id"] for r in server.log() if r["path"] == "/v1/users"]
    assert len(connections) == 2 and connections[0] != connections[1]


def test_a_retried_create_makes_one_user(both, server):
    server.fault(method="POST", path="/v1/users", count=1, kind="drop_after_commit")
    user = both(both.client.create_user(email="once@example.com"))
    assert both(both.client.list_users()).total == 1
    attempts = [r for r in server.log() if r["method"] == "POST"]
    assert len(attempts) == 2
    assert attempts[0]["idempotency_key"] == attempts[1]["idempotency_key"]
    assert user.email == "once@example.com"


def test_server_errors_are_retried(both, server):
    server.fault(method="GET", path="/v1/users", count=2, kind="status", status=503)
    assert both(both.client.list_users()).total == 0
    assert len(server.log()) == 3


def test_cancelling_the_task_drops_the_request(server):
    server.fault(method="GET", path="/v1/users", count=5, kind="hang")

    async def run() -> None:
        # A future left running would time out at 0.5 s and retry into the next hang.
        client = lumnisai.AsyncClient(timeout=0.5, max_retries=3)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(client.list_users(), 0.2)
        await asyncio.sleep(1.5)
        cancelled = [r for r in server.log() if r["path"] == "/v1/users"]
        assert len(cancelled) == 1, cancelled
        assert cancelled[0]["elapsed_ms"] is not None, "the connection is still open"
        assert cancelled[0]["elapsed_ms"] < 450, cancelled[0]
        server.control("DELETE", "/_control/faults")
        assert (await client.list_users()).total == 0

    asyncio.run(run())
    assert len([r for r in server.log() if r["path"] == "/v1/users"]) == 2


def test_one_client_shared_by_threads():
    client = lumnisai.Client()
    user = client.create_user(email="shared@example.com")
    errors = []

    def work() -> None:
        try:
            for _ in range(20):
                assert client.get_user(user.id).id == user.id
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert client.for_user("a@b.co")._native.shares_pool_with(client._native)


def test_threads_that_take_turns_keep_their_own_connections():
    # Each sync call runs on its waiting thread, and each thread keeps its connections: one
    # thread's idle connection used by another would wait for a thread that is not running.
    client = lumnisai.Client(timeout=2.0, max_retries=0)
    jobs = [queue.Queue(), queue.Queue()]
    answers: "queue.Queue[Any]" = queue.Queue()

    def work(inbox: "queue.Queue[Any]") -> None:
        for email in iter(inbox.get, None):
            started = time.monotonic()
            try:
                client.create_user(email=email)
                answers.put(time.monotonic() - started)
            except Exception as e:  # noqa: BLE001 - reported through the queue
                answers.put(e)

    threads = [threading.Thread(target=work, args=(inbox,)) for inbox in jobs]
    for t in threads:
        t.start()
    try:
        for turn in range(3):
            for i, inbox in enumerate(jobs):
                inbox.put(f"turn{turn}-thread{i}@example.com")
                took = answers.get(timeout=10)
                assert not isinstance(took, Exception), took
                assert took < 1.5
    finally:
        for inbox in jobs:
            inbox.put(None)
        for t in threads:
            t.join()
    assert client.list_users().total == 6


def test_a_connection_the_server_closed_while_idle_is_invisible(both, server):
    server.control("PUT", "/_control/settings", {"idle_close_ms": 50})
    try:
        both(both.client.create_user(email="idle@example.com"))
        time.sleep(0.2)
        both(both.client.create_user(email="idle2@example.com"))
        assert both(both.client.list_users()).total == 2
    finally:
        server.control("PUT", "/_control/settings", {"idle_close_ms": None})


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_client_keeps_working_after_fork():
    client = lumnisai.Client()
    client.create_user(email="parent@example.com")
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            client.create_user(email="child@example.com")
            code = 0 if client.list_users().total == 2 else 2
        except BaseException:  # noqa: BLE001 - the child reports through its exit code
            code = 1
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0
    assert client.list_users().total == 2


def test_ctrl_c_interrupts_a_blocking_call(server):
    server.fault(method="GET", path="/v1/users", count=1, kind="hang")
    program = (
        "import lumnisai, time\n"
        "c = lumnisai.Client()\n"
        "print('ready', flush=True)\n"
        "try:\n"
        "    c.list_users()\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', flush=True)\n"
        "print('next', c.list_users().total, flush=True)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=10)
    assert out.split("\n")[0] == "interrupted"
    assert time.monotonic() - sent < 1.0
    # The same client goes on, and the interrupted request was not retried.
    assert out.split("\n")[1] == "next 0"
    assert len([r for r in server.log() if r["path"] == "/v1/users"]) == 2


def test_tenant_scope_warning_reaches_the_logger(both, caplog):
    # The official SDK's logger for it: a filter on "lumnisai.scoping" keeps working.
    caplog.set_level(logging.WARNING, logger="lumnisai")
    both(both.client.responses.create(messages="no user"))
    assert any("bypasses user isolation" in r.getMessage() for r in caplog.records
               if r.name == "lumnisai.scoping")


def test_debug_logs_never_show_the_key(server):
    program = (
        "import logging, lumnisai\n"
        "logging.basicConfig(level=logging.DEBUG)\n"
        f"c = lumnisai.Client(api_key={SECRET!r})\n"
        "try:\n"
        "    c.list_users()\n"
        "except lumnisai.AuthenticationError as e:\n"
        "    print(repr(e), e, e.detail)\n"
    )
    env = dict(os.environ, LUMNISAI_LOG="trace")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          env=env, timeout=30)
    assert "lumnisai" in done.stderr and "AuthenticationError" in done.stdout
    assert SECRET not in done.stdout + done.stderr


def test_the_sync_client_inside_a_running_loop_says_use_async_client():
    client = lumnisai.Client()

    async def inside() -> int:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            total = client.list_users().total
        assert any("AsyncClient" in str(w.message) for w in caught)
        return total  # type: ignore[no-any-return]

    assert asyncio.run(inside()) == 0
    # From a thread while a loop runs elsewhere: it works and says nothing.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = []
        t = threading.Thread(target=lambda: result.append(client.list_users().total))
        t.start()
        t.join()
        assert result == [0]
