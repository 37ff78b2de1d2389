#!/usr/bin/env bash
# Builds liblumnisai_uniffi and writes the bindings of one language with the in-tree bindgen.
#   generate.sh kotlin OUT_DIR   -> OUT_DIR/ai/lumnis/lumnisai_uniffi.kt
#   generate.sh swift OUT_DIR    -> OUT_DIR/{LumnisAI.swift, lumnisai_uniffiFFI.h, .modulemap}
# The Kotlin output gets the edits of scripts/patch_kotlin.py (the JNA tuning of Ffi.kt, closed
# objects checked, readable exception messages), the Swift output those of
# scripts/patch_swift.py (Task cancellation cancels the call).
# Cargo's output goes to stderr so that callers' stdout (the parity transcript) stays clean.
set -euo pipefail

language=$1
out=$2
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cargo=${CARGO:-cargo}

cd "$root"
"$cargo" build -q -p lumnisai-uniffi --lib 1>&2
"$cargo" run -q -p lumnisai-uniffi --bin uniffi-bindgen -- generate --no-format \
    --library target/debug/liblumnisai_uniffi.so --language "$language" --out-dir "$out" 1>&2
if [ "$language" = kotlin ]; then
    python3 "$root/bindings/uniffi/scripts/patch_kotlin.py" "$out/ai/lumnis/lumnisai_uniffi.kt"
else
    python3 "$root/bindings/uniffi/scripts/patch_swift.py" "$out/LumnisAI.swift"
fi
