#!/usr/bin/env bash
# make bench-kotlin: getUser 1,000 times in sequence and 1,000 at once, through the core in
# Rust and through the Kotlin binding, against one release lumnis-local; prints a markdown
# table with the per-call overhead of the uniffi crossing.
#   BENCH_ROUNDS (default 3): Rust and Kotlin processes run in turn, this many of each, so
#   that both see the same server and the same load; each figure is the median over them
#   of each process's own median of seven runs (after its warm-up).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
server="$root/target/release/lumnis-local"
rounds=${BENCH_ROUNDS:-3}
cd "$root"

cargo build -q --release -p lumnisai-uniffi --lib --example bench_rust
# The Kotlin side runs in a JVM of its own (not Maven's), on the release library.
kotlin_dir="$here/kotlin"
mvn -q -B -f "$kotlin_dir/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >&2
classpath="$kotlin_dir/target/classes:$kotlin_dir/target/test-classes"
classpath="$classpath:$(cat "$kotlin_dir/target/classpath.txt")"

out=$(mktemp)
"$server" --addr 127.0.0.1:0 >"$out" 2>/dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
until [ -s "$out" ]; do sleep 0.05; done
export LUMNISAI_BASE_URL
LUMNISAI_BASE_URL=$(head -1 "$out" | sed 's/^listening on //')
export LUMNISAI_API_KEY=lumnis-local-key

rust=()
kotlin=()
for _ in $(seq "$rounds"); do
    rust+=("$(target/release/examples/bench_rust)")
    kotlin+=("$(java -Djna.library.path="$root/target/release" -cp "$classpath" \
        ai.lumnis.bench.BenchKt)")
done

python3 - "${rust[@]}" "${kotlin[@]}" <<'PY'
import statistics
import sys
pairs = [tuple(map(float, arg.split())) for arg in sys.argv[1:]]
half = len(pairs) // 2
rust, kotlin = pairs[:half], pairs[half:]
print("| getUser x1,000 | Rust core (us/call) | Kotlin (us/call) | overhead (us/call) | ratio |")
print("| --- | --- | --- | --- | --- |")
for i, name in enumerate(("sequential", "concurrent")):
    r = statistics.median(p[i] for p in rust)
    k = statistics.median(p[i] for p in kotlin)
    print(f"| {name} | {r:.1f} | {k:.1f} | {k - r:+.1f} | {k / r:.2f}x |")
PY
