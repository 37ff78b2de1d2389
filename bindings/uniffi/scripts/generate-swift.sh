#!/usr/bin/env bash
# Regenerates the checked-in Swift sources of swift/: the bindings (Sources/LumnisAI) and
# the C header and module map of the FFI module (Headers/, packed into the XCFramework).
#   generate-swift.sh [DIR]   writes into DIR instead of swift/ (used by check.sh)
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out=${1:-$here/swift}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bash "$here/scripts/generate.sh" swift "$tmp"
mkdir -p "$out/Sources/LumnisAI" "$out/Headers"
cp "$tmp/LumnisAI.swift" "$out/Sources/LumnisAI/LumnisAI.swift"
cp "$tmp/lumnisai_uniffiFFI.h" "$out/Headers/lumnisai_uniffiFFI.h"
cp "$tmp/lumnisai_uniffiFFI.modulemap" "$out/Headers/module.modulemap"
