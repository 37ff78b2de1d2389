#!/usr/bin/env bash
# make bench-kotlin: getUser 1,000 times in sequence and 1,000 at once, through the Kotlin
# binding and through the core in Rust, against one release lumnis-local; prints a markdown
# table with the per-call overhead of the uniffi crossing, and a second one for two
# synchronous calls, which make no request. Both sides run in one JVM, in
# alternating runs (kotlin/src/test/kotlin/ai/lumnis/bench/Bench.kt loads the Rust side,
# examples/bench_rust.rs, as a library of its own).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
server="$root/target/release/lumnis-local"
cd "$root"

cargo build -q --release -p lumnisai-uniffi --lib --example bench_rust
# The Kotlin side runs in a JVM of its own (not Maven's), on the release library.
kotlin_dir="$here/kotlin"
mvn -q -B -f "$kotlin_dir/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -DincludeScope=test >&2
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

java -Djna.library.path="$root/target/release:$root/target/release/examples" \
    -cp "$classpath" ai.lumnis.bench.BenchKt

# Idle cores that halt make every thread hand-off dearer (the README's Numbers): say how
# this machine's idle cores behave, next to the figures.
poll=/sys/module/haltpoll/parameters/guest_halt_poll_ns
governor=/sys/devices/system/cpu/cpuidle/current_governor
if [ -r "$governor" ]; then
    idle="cpuidle governor: $(cat "$governor")"
    [ -r "$poll" ] && idle="$idle, guest_halt_poll_ns $(cat "$poll")"
    printf '\n%s\n' "$idle"
fi
