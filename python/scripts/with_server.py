"""Runs a command against a fresh local Lumnis server.

    python with_server.py [--agent-latency-ms N] -- COMMAND...

Starts ``$LUMNIS_LOCAL_BIN`` (default: target/debug/lumnis-local) on a free 127.0.0.1 port,
sets LUMNISAI_BASE_URL and LUMNISAI_API_KEY for the command, and stops the server after it.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEY = "lumnis-local-key"


def start_server(*extra: str) -> "tuple[subprocess.Popen[str], str]":
    binary = os.environ.get("LUMNIS_LOCAL_BIN", str(ROOT / "target/debug/lumnis-local"))
    proc = subprocess.Popen(
        [binary, "--addr", "127.0.0.1:0", "--faults", *extra],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("listening on "):
        proc.kill()
        raise RuntimeError(f"lumnis-local did not start: {line!r}")
    return proc, line[len("listening on "):]


def main(argv: "list[str]") -> int:
    split = argv.index("--")
    proc, url = start_server(*argv[:split])
    env = dict(os.environ, LUMNISAI_BASE_URL=url, LUMNISAI_API_KEY=KEY)
    try:
        return subprocess.call(argv[split + 1:], env=env)
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
