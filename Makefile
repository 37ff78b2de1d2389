# The project's commands. `make demo` runs the main job, `make test` runs every test;
# .ci/run calls `make test` on a fresh machine, so nothing here may rely on a hand install.

SHELL := /bin/bash
CARGO ?= cargo
ROOT := $(abspath .)
export LUMNIS_LOCAL_BIN ?= $(ROOT)/target/debug/lumnis-local
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python

.PHONY: all server test lint test-rust test-python test-node test-kotlin test-swift test-parity \
	demo bench bench-server bench-core bench-python bench-node bench-kotlin \
	parity-build release-server python-env python-build python-wheel demo-python node-build \
	kotlin-build kotlin-jar clean

all: server

# The local Lumnis server every suite and the demo talk to.
server:
	$(CARGO) build -p lumnis-local --bin lumnis-local

test: lint test-rust test-python test-node test-kotlin test-swift test-parity

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-rust: server
	$(CARGO) test -p lumnis-local -p lumnisai -p lumnis-parity -p lumnisai-uniffi

# Every language's scenario against a fresh server each, compared with the Rust transcript.
parity-build: server
	$(CARGO) build -p lumnis-parity

test-parity: parity-build python-build node-build kotlin-build
	python3 tests/parity/run.py

# The main job: the seed's user-management scenario in Rust, Python, Node and Kotlin, Rust's
# printed. Swift stays out of the demo: its toolchain is a 530 MB chroot that needs root
# (make test-parity checks it too).
demo: parity-build python-build node-build kotlin-build
	python3 tests/parity/run.py --print rust python node kotlin

# Benchmarks, release builds, one run each; medians and ratios measured in that run.
bench: bench-server bench-core bench-python bench-node bench-kotlin

release-server:
	$(CARGO) build --release -p lumnis-local --bins

bench-server: release-server
	target/release/lumnis-load --seconds 5

bench-core: release-server
	$(CARGO) build --release -p lumnis-bench
	LUMNIS_LOCAL_BIN=$(ROOT)/target/release/lumnis-local target/release/lumnis-bench
	bash tests/bench/count.sh

clean:
	$(CARGO) clean
	rm -rf $(VENV) node/node_modules

# The Python package: a venv with the build and test tools, the package built into it, its
# tests against the local server, and its benchmark against the official SDK.
# ziglang is zig from PyPI, maturin's linker for the manylinux2014 wheel (check_wheel.py).
python-env:
	@test -x $(PY) || python3.11 -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check maturin pytest mypy ziglang

python-build: python-env
	cd python && $(VENV)/bin/maturin develop -q --release

test-python: server python-build
	$(CARGO) test -q -p lumnisai-python --lib
	$(PY) -m pytest -q python/tests
	cd python && $(VENV)/bin/mypy --strict tests/typing_sample.py
	$(PY) python/scripts/check_wheel.py

# The wheel to publish, checked as test-python checks it, into python/dist.
python-wheel: server python-env
	$(PY) python/scripts/check_wheel.py --keep python/dist

bench-python: release-server python-build
	$(PY) python/bench/bench.py

demo-python: server python-build
	$(PY) python/scripts/with_server.py -- $(PY) tests/parity/scenario.py

# The Swift and Kotlin bindings (bindings/uniffi): the Maven project generates the Kotlin
# bindings from the Rust library and compiles them; its tests run against lumnis-local;
# check.sh checks the checked-in Swift and the surface list.
KOTLIN_POM := bindings/uniffi/kotlin/pom.xml

kotlin-build:
	mvn -q -B -f $(KOTLIN_POM) test-compile

# Not -q: surefire's "Tests run:" lines are the suite's result; the ANSI colours that
# Debian's Maven prints even in batch mode are stripped. `package` runs the tests, then
# builds the jar, which check-jar.sh loads with nothing else pointing at the library.
test-kotlin: server
	set -o pipefail; mvn -B -ntp -f $(KOTLIN_POM) package 2>&1 \
		| sed 's/\x1b\[[0-9;]*m//g' | grep -vE '^\[INFO\] (Download|$$)'
	bash bindings/uniffi/scripts/check-jar.sh
	bash bindings/uniffi/scripts/check.sh

bench-kotlin: release-server
	bash bindings/uniffi/scripts/bench.sh

# The jar an app takes: the Kotlin classes and the release library of this platform
# (scripts/build-jar.sh: on Linux x86-64 linked by zig for glibc 2.17, then loaded from the jar).
kotlin-jar: python-env
	PY=$(PY) bash bindings/uniffi/scripts/build-jar.sh

# The Swift package, built and tested with Swift 6 from Debian trixie, in a chroot
# (bookworm packages no Swift): the first run downloads the toolchain, about 530 MB.
test-swift: server
	bash bindings/uniffi/scripts/test-swift.sh

# The Node package (node/, its addon in bindings/node): npm brings the build and type tools,
# napi builds the addon into node/native/, and the suite runs with node's test runner. On
# Linux x86-64 the addon is the one to publish: linked by zig (the Python venv's ziglang)
# against glibc 2.17, as the wheel is, so that it loads on older distributions too.
NODE_ADDON := node/native/lumnisai.linux-x64-gnu.node
ZIG_DIR = $$($(PY) -c 'import os, ziglang; print(os.path.dirname(ziglang.__file__))')

node-build: python-env
	cd node && npm install --no-audit --no-fund --loglevel=error
	if [ "$$(uname -sm)" = "Linux x86_64" ]; then \
		cd node && PATH="$(ZIG_DIR):$$PATH" npm run --silent build:linux-x64; \
	else \
		cd node && npm run --silent build; \
	fi

test-node: server node-build
	if [ "$$(uname -sm)" = "Linux x86_64" ]; then bash tests/glibc-floor.sh $(NODE_ADDON) 2.17; fi
	$(CARGO) test -q -p lumnisai-node
	cd node && node --test --test-concurrency=1 test/*.test.mjs
	cd node && npm run --silent typecheck

bench-node: release-server node-build
	LUMNIS_LOCAL_BIN=$(ROOT)/target/release/lumnis-local node node/bench/bench.mjs
