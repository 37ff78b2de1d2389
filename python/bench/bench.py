"""The Python benchmark: this package against the official SDK (lumnisai==0.2.7, in its own
venv), both against one release-built local server whose agent takes 300 ms. Prints a
markdown table of medians over several runs.

The server is target/release/lumnis-local (``make release-server``), or $LUMNIS_BENCH_BIN.
Both packages are byte-compiled first, so that `import lumnisai` reads .pyc files for both
as an installed package does.
"""

import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "scripts"))
from with_server import KEY, start_server  # noqa: E402

OFFICIAL_VENV = ROOT / ".bench-venv-official"
SERVER = os.environ.get("LUMNIS_BENCH_BIN", str(ROOT / "target/release/lumnis-local"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def official_python() -> str:
    python = OFFICIAL_VENV / "bin" / "python"
    if not python.exists():
        subprocess.check_call([sys.executable, "-m", "venv", str(OFFICIAL_VENV)])
    subprocess.check_call([str(python), "-m", "pip", "install", "-q",
                           "--disable-pip-version-check", "lumnisai==0.2.7"])
    return str(python)


def import_ms(python: str) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    where = "import os, lumnisai; print(os.path.dirname(lumnisai.__file__))"
    package = subprocess.check_output([python, "-c", where], text=True, env=env).strip()
    subprocess.check_call([python, "-m", "compileall", "-q", package], env=env,
                          stdout=subprocess.DEVNULL)
    code = "import time; t = time.perf_counter(); import lumnisai; " \
           "print((time.perf_counter() - t) * 1000)"
    times = [float(subprocess.check_output([python, "-c", code], text=True, env=env))
             for _ in range(11)]
    return statistics.median(times)


def worker(python: str, url: str) -> "dict[str, float]":
    env = dict(os.environ, LUMNISAI_BASE_URL=url, LUMNISAI_API_KEY=KEY, LUMNISAI_LOG="error")
    request = urllib.request.Request(url + "/_control/reset", method="POST")
    urllib.request.urlopen(request).read()
    out = subprocess.check_output([python, str(HERE / "worker.py")], env=env, text=True)
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(pythons: "list[str]", url: str) -> "list[dict[str, float]]":
    """Medians per interpreter; the runs alternate, so that both see the same machine load."""
    results: "list[list[dict[str, float]]]" = [[] for _ in pythons]
    for _ in range(RUNS):
        for python, out in zip(pythons, results):
            out.append(worker(python, url))
    merged = []
    for python, out in zip(pythons, results):
        medians = {key: statistics.median(r[key] for r in out) for key in out[0]}
        medians["import_ms"] = import_ms(python)
        merged.append(medians)
    return merged


def main() -> None:
    official = official_python()
    if not Path(SERVER).exists():
        sys.exit(f"no release server at {SERVER}: run `make release-server` first")
    os.environ["LUMNIS_LOCAL_BIN"] = SERVER
    proc, url = start_server("--agent-latency-ms", "300")
    try:
        ours, theirs = run([sys.executable, official], url)
    finally:
        proc.terminate()
        proc.wait()

    rows = [
        ("`import lumnisai`", "import_ms", "{:.1f} ms"),
        ("sequential `get_user`, wall per call", "seq_ms", "{:.3f} ms"),
        ("client CPU per sequential call", "cpu_ms", "{:.3f} ms"),
        ("concurrent `get_user` (gather, batches of 100)", "rate", "{:.0f} calls/s"),
        ("`list_users(page_size=100)`, 100 users", "list_ms", "{:.2f} ms"),
        ("`invoke` of a 300 ms run, end to end", "invoke_s", "{:.3f} s"),
        ("peak RSS", "rss_mib", "{:.0f} MiB"),
    ]
    print(f"| measure (median of {RUNS} runs) | this package | official 0.2.7 | ratio |")
    print("| --- | --- | --- | --- |")
    for label, key, fmt in rows:
        a, b = ours[key], theirs[key]
        ratio = a / b if key == "rate" else b / a
        print(f"| {label} | {fmt.format(a)} | {fmt.format(b)} | {ratio:.1f}x |")


if __name__ == "__main__":
    main()
