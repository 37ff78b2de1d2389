"""Exiting right after asyncio work: the runtime's workers may still be completing futures
when the interpreter finalizes, and must stay out of Python instead of aborting the process
(CPython ends a thread that takes the GIL then; unwinding it through Rust frames aborts)."""

import os
import subprocess
import sys

PROGRAM = """
import asyncio, lumnisai

async def main():
    client = lumnisai.AsyncClient()
    user = await client.create_user(email="exit@example.com")
    for _ in range(5):
        await asyncio.gather(*(client.get_user(str(user.id)) for _ in range(100)))

asyncio.run(main())
"""


def test_exit_after_asyncio_run_is_clean(server) -> None:  # type: ignore[no-untyped-def]
    env = dict(os.environ)
    codes = [subprocess.run([sys.executable, "-c", PROGRAM], env=env).returncode
             for _ in range(10)]
    assert codes == [0] * 10
