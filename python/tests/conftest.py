"""Fixtures: one local server per session (reset before each test), and the sync and async
clients, so that each shared test body runs against both."""

import asyncio
import json
import sys
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from with_server import KEY, start_server  # noqa: E402

import lumnisai  # noqa: E402


class Server:
    def __init__(self, url: str) -> None:
        self.url = url

    def control(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as answer:
            text = answer.read()
        return json.loads(text) if text else None

    def fault(self, **fault: Any) -> None:
        self.control("POST", "/_control/faults", fault)

    def log(self) -> "list[dict[str, Any]]":
        return self.control("GET", "/_control/log")["requests"]  # type: ignore[no-any-return]

    def clear_log(self) -> None:
        self.control("DELETE", "/_control/log")


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    proc, url = start_server()
    yield Server(url)
    proc.terminate()
    proc.wait()


@pytest.fixture(autouse=True)
def fresh(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    server.control("POST", "/_control/reset")
    server.control("DELETE", "/_control/faults")
    server.clear_log()
    monkeypatch.setenv("LUMNISAI_BASE_URL", server.url)
    monkeypatch.setenv("LUMNISAI_API_KEY", KEY)


class Both:
    """Runs a call of either client to completion, so one test body serves both."""

    def __init__(self, kind: str, **options: Any) -> None:
        self.kind = kind
        cls = lumnisai.Client if kind == "sync" else lumnisai.AsyncClient
        self.client: Any = cls(**options)
        self.loop = asyncio.new_event_loop() if kind == "async" else None

    def __call__(self, value: Any) -> Any:
        if self.loop is None:
            return value
        return self.loop.run_until_complete(value)

    def collect(self, iterable: Any) -> "list[Any]":
        if self.loop is None:
            return list(iterable)

        async def gather() -> "list[Any]":
            return [item async for item in iterable]

        return self.loop.run_until_complete(gather())

    def close(self) -> None:
        if self.loop is not None:
            self.loop.close()


@pytest.fixture(params=["sync", "async"])
def both(request: pytest.FixtureRequest) -> Iterator[Both]:
    runner = Both(request.param)
    yield runner
    runner.close()
