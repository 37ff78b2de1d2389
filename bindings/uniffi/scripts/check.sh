#!/usr/bin/env bash
# The checks that need no Swift toolchain: the bindings generate, the checked-in Swift is
# what the bindgen writes today, and both languages declare every call of surface.txt.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bash "$here/scripts/generate.sh" kotlin "$tmp/kotlin"
bash "$here/scripts/generate-swift.sh" "$tmp/swift"
diff -r "$here/swift/Sources/LumnisAI/LumnisAI.swift" "$tmp/swift/Sources/LumnisAI/LumnisAI.swift"
diff -r "$here/swift/Headers" "$tmp/swift/Headers"
echo "Swift: the checked-in sources match the bindgen"
python3 "$here/scripts/check_surface.py" \
    "$tmp/kotlin/ai/lumnis/lumnisai_uniffi.kt" "$tmp/swift/Sources/LumnisAI/LumnisAI.swift"
