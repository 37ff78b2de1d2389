"""The stubs: they match the runtime (mypy's stubtest), and they are precise enough that
mypy --strict rejects a program that misreads a result's type."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
ALLOWLIST = PACKAGE / "tests" / "stubtest_allowlist.txt"


def test_every_stub_matches_the_runtime() -> None:
    # Each public name, method and parameter of the stubs (_client.pyi, _resources.pyi,
    # _native.pyi) and of the annotated modules exists at runtime with the same signature.
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "lumnisai", "--allowlist", str(ALLOWLIST)],
        cwd=PACKAGE, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


WRONG = {
    "sync get_user": "x: int = Client().get_user('a@b.co')",
    "sync flattened list": "x: List[User] = Client().list_users()",
    "sync invoke": "x: SyncProgress = Client().invoke('hi')",
    "sync stream": "x: ResponseObject = Client().invoke('hi', stream=True)",
    "sync iter": "x: Iterator[int] = Client().users.iter()",
    "sync download": "x: bytes = Client().download_file('f', save_path='/tmp/f')",
    "async get_user": "async def f() -> None:\n    x: int = await AsyncClient().get_user('a')",
    "async resource": "async def f() -> None:\n    x: int = await AsyncClient().users.get('a')",
    "async not awaited": "x: User = AsyncClient().get_user('a@b.co')",
    "async stream": "async def f() -> None:\n"
                    "    x: ResponseObject = await AsyncClient().invoke('hi', stream=True)",
    "async iter": "x: Iterator[User] = AsyncClient().users.iter()",
    "for_user": "x: AsyncClient = Client().for_user('a')",
    "model field": "x: str = User().id",
    "misspelt field": "x = User().idd",
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_mypy_rejects_a_wrong_type(case: str, tmp_path: Path) -> None:
    sample = tmp_path / "wrong.py"
    sample.write_text(textwrap.dedent("""\
        from typing import Iterator, List
        from lumnisai import AsyncClient, Client, ResponseObject, SyncProgress, User
        """) + WRONG[case] + "\n")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(sample)],
        cwd=PACKAGE, capture_output=True, text=True,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    # The error is the sample's own line, not the imports above it.
    lines = [line.split("wrong.py:")[1] for line in run.stdout.splitlines() if ": error" in line]
    assert lines and all(not line.startswith(("1:", "2:")) for line in lines), run.stdout
