"""Builds the wheel, installs it into a fresh virtual environment, and uses it as a user would.

    python check_wheel.py [--keep DIR]     (--keep: copy the checked wheel into DIR)

The tests run against `maturin develop`, which links the package into the development tree;
this checks what `pip install` gives instead: the wheel holds the native module, the stubs
and `py.typed` and no bytecode of the tree, installs with no other package, and its client
works against a local server from a directory outside the repository.

The wheel is the one to publish: linked by zig against glibc 2.17 (manylinux2014), the
floor of the servers a tenant backend runs on (Amazon Linux 2 has 2.26, Debian 11 and
Ubuntu 20.04 2.31), where a wheel linked against this machine's glibc 2.36 would need 2.34
and pip would refuse it. maturin checks the library's symbol versions against that tag
and fails the build when one is newer.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from with_server import KEY, start_server

PYTHON_DIR = Path(__file__).resolve().parents[1]
MATURIN = Path(sys.executable).with_name("maturin")
PLATFORM_TAG = "manylinux_2_17_x86_64"

# What a user's program does first, run by the installed package's own interpreter.
USE = """
import pathlib, lumnisai
assert "site-packages" in lumnisai.__file__, lumnisai.__file__
package = pathlib.Path(lumnisai.__file__).parent
assert (package / "py.typed").exists() and (package / "_client.pyi").exists()
from lumnisai.models.response import ResponseObject
assert ResponseObject is lumnisai.ResponseObject
client = lumnisai.Client()
user = client.create_user(email="wheel@example.com", first_name="Wheel")
assert client.get_user("wheel@example.com").id == user.id
try:
    client.files.upload(file_path="no-such-file.txt", user_id=str(user.id))
except lumnisai.FileNotFoundError:
    pass
print("installed wheel works:", lumnisai.__version__)
"""


def build(out: Path) -> Path:
    # maturin finds zig as `python -m ziglang`, the venv's own (Makefile: python-env).
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([str(MATURIN), "build", "-q", "--release", "--zig",
                    "--compatibility", "manylinux2014", "-o", str(out)],
                   cwd=PYTHON_DIR, env=env, check=True)
    (wheel,) = out.glob("lumnisai-*.whl")
    assert PLATFORM_TAG in wheel.name, f"{wheel.name} is not tagged {PLATFORM_TAG}"
    return wheel


def check_contents(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    stray = [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not stray, f"bytecode in the wheel: {stray}"
    for needed in ("lumnisai/py.typed", "lumnisai/_client.pyi", "lumnisai/_native.pyi"):
        assert needed in names, f"{needed} is not in the wheel"
    assert any(n.startswith("lumnisai/_native.") and n.endswith(".so") for n in names), names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="copy the checked wheel into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lumnisai-wheel-") as tmp:
        root = Path(tmp)
        wheel = build(root / "dist")
        check_contents(wheel)
        venv = root / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / "bin" / "python"
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index",
                        "--disable-pip-version-check", str(wheel)], check=True)
        proc, url = start_server()
        env = dict(os.environ, LUMNISAI_BASE_URL=url, LUMNISAI_API_KEY=KEY)
        env.pop("PYTHONPATH", None)
        try:
            subprocess.run([str(python), "-c", USE], cwd=root, env=env, check=True)
        finally:
            proc.terminate()
            proc.wait()
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy2(wheel, args.keep)
            print(f"wheel: {args.keep / wheel.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
