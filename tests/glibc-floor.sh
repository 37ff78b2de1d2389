#!/usr/bin/env bash
# glibc-floor.sh LIBRARY VERSION: fails when LIBRARY needs a glibc symbol newer than VERSION,
# so that a package built to load on older Linux distributions (the Node addon, linked by zig
# against glibc 2.17) cannot silently start needing this machine's glibc.
set -euo pipefail

library=$1
floor=$2
newest=$(objdump -T "$library" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
if [ "$(printf '%s\n%s\n' "$floor" "$newest" | sort -V | tail -1)" != "$floor" ]; then
    echo "$library needs glibc $newest, more than $floor" >&2
    objdump -T "$library" | grep "GLIBC_$newest" >&2
    exit 1
fi
echo "$(basename "$library"): glibc $newest at most (floor $floor)"
