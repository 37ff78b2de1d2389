#!/usr/bin/env python3
"""Runs the parity scenario in each language against a fresh local server and compares
every normalized transcript with the Rust one.

Usage: run.py [--print] [LANGUAGE ...]   (default: every language in SCENARIOS)
With --print, the Rust transcript is printed (this is what `make demo` shows).
"""

import difflib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("LUMNIS_LOCAL_BIN", str(ROOT / "target/debug/lumnis-local"))
API_KEY = "parity-key"



def scenarios() -> dict[str, list[str]]:
    """Each language's command, read from the table at the end of README.md beside this
    file, so that the table the reader sees is the one that runs."""
    table: dict[str, list[str]] = {}
    readme = (Path(__file__).parent / "README.md").read_text()
    _, _, commands = readme.partition("| language | file | command")
    for line in commands.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2].startswith("`") and cells[2].endswith("`"):
            table[cells[0].lower()] = shlex.split(cells[2].strip("`"))
    return table


SCENARIOS = scenarios()

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?")


def normalize(text: str) -> str:
    """Replaces uuids by <id1>, <id2>, ... in order of first appearance, and times by <time>."""
    ids: dict[str, str] = {}

    def placeholder(match: re.Match[str]) -> str:
        key = match.group(0).lower()
        return ids.setdefault(key, f"<id{len(ids) + 1}>")

    return TIME.sub("<time>", UUID.sub(placeholder, text))


def run_language(name: str) -> str:
    """Starts a fresh server, runs one scenario, and returns its normalized stdout."""
    server = subprocess.Popen(
        [SERVER, "--addr", "127.0.0.1:0", "--api-key", API_KEY, "--agent-latency-ms", "100"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline().strip()
        if not first.startswith("listening on "):
            raise RuntimeError(f"the server did not start: {first!r}")
        env = dict(os.environ, LUMNISAI_BASE_URL=first.removeprefix("listening on "),
                   LUMNISAI_API_KEY=API_KEY)
        env.pop("LUMNISAI_TENANT_ID", None)
        done = subprocess.run(SCENARIOS[name], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"{name} scenario exited {done.returncode}:\n{done.stderr}")
        return normalize(done.stdout)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: list[str]) -> int:
    show = "--print" in argv
    names = [a for a in argv if not a.startswith("--")] or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        print(f"unknown languages: {', '.join(unknown)}", file=sys.stderr)
        return 2

    expected = run_language("rust")
    if show:
        print(expected, end="")
    failed = 0
    for name in names:
        got = expected if name == "rust" else run_language(name)
        if got == expected:
            print(f"parity: {name} ok ({len(got.splitlines())} lines)", file=sys.stderr)
            continue
        failed += 1
        diff = difflib.unified_diff(expected.splitlines(), got.splitlines(), "rust", name,
                                    lineterm="")
        print(f"parity: {name} differs from rust:\n" + "\n".join(diff), file=sys.stderr)
    checked = len(names)
    print(f"parity: {checked - failed} passed, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
