#!/usr/bin/env bash
# make bench-kotlin: getUser 1,000 times in sequence and 1,000 at once, through the core in
# Rust and through the Kotlin binding, each against its own fresh release lumnis-local;
# prints a markdown table with the per-call overhead of the uniffi crossing.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
server="$root/target/release/lumnis-local"
cd "$root"

cargo build -q --release -p lumnisai-uniffi --lib --example bench_rust
# The Kotlin side runs in a JVM of its own (not Maven's), on the release library.
kotlin_dir="$here/kotlin"
mvn -q -B -f "$kotlin_dir/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >&2
classpath="$kotlin_dir/target/classes:$kotlin_dir/target/test-classes"
classpath="$classpath:$(cat "$kotlin_dir/target/classpath.txt")"

# Runs a command with LUMNISAI_BASE_URL set to a fresh server, printing the command's output.
with_server() {
    local out pid url
    out=$(mktemp)
    "$server" --addr 127.0.0.1:0 >"$out" 2>/dev/null &
    pid=$!
    until [ -s "$out" ]; do sleep 0.05; done
    url=$(head -1 "$out" | sed 's/^listening on //')
    LUMNISAI_BASE_URL=$url LUMNISAI_API_KEY=lumnis-local-key "$@"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -f "$out"
}

rust=$(with_server target/release/examples/bench_rust)
kotlin=$(with_server java -Djna.library.path="$root/target/release" -cp "$classpath" \
    ai.lumnis.bench.BenchKt)
read -r rust_seq rust_con <<<"$rust"
read -r kt_seq kt_con <<<"$kotlin"

python3 - "$rust_seq" "$rust_con" "$kt_seq" "$kt_con" <<'PY'
import sys
rs, rc, ks, kc = map(float, sys.argv[1:])
print("| getUser x1,000 | Rust core (us/call) | Kotlin (us/call) | overhead (us/call) | ratio |")
print("| --- | --- | --- | --- | --- |")
for name, r, k in (("sequential", rs, ks), ("concurrent", rc, kc)):
    print(f"| {name} | {r:.1f} | {k:.1f} | {k - r:+.1f} | {k / r:.2f}x |")
PY
