#!/usr/bin/env bash
# `make bench-core-count`: instructions per get_user call on the client, through the core and
# through raw reqwest, counted by valgrind's callgrind. The count of a binary does not move
# with the machine's load, so it shows differences that wall time on this VM hides in noise.
# Each figure is the difference between runs of 1,100 and 100 calls, divided by 1,000, so
# that start-up and connection set-up cancel out ("all at once": 1,100 less 100 concurrent).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=target/release
command -v valgrind >/dev/null || { echo "bench-core-count needs valgrind" >&2; exit 1; }

coproc server { exec "$bin/lumnis-local" --addr 127.0.0.1:0; }
trap 'kill "$server_PID" 2>/dev/null || true' EXIT
read -r line <&"${server[0]}"
base=${line#listening on }
"$bin/lumnis-count" "$base" seed

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin/lumnis-count" "$base" "$@" \
        2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
per_call() {
    local small large
    small=$(instructions "$1" "$2" 100)
    large=$(instructions "$1" "$2" 1100)
    echo $(((large - small) / 1000))
}

echo "| get_user, instructions per call | raw reqwest | raw + timeout | core | core / raw |" \
    "core / raw + timeout |"
echo "| --- | --- | --- | --- | --- | --- |"
for mode in seq conc; do
    raw=$(per_call raw "$mode")
    timed=$(per_call raw-timeout "$mode")
    core=$(per_call core "$mode")
    name=$([ "$mode" = seq ] && echo "sequential" || echo "all at once")
    awk -v n="$name" -v r="$raw" -v t="$timed" -v c="$core" \
        'BEGIN { printf "| %s | %d | %d | %d | %.3f | %.3f |\n", n, r, t, c, c / r, c / t }'
done
