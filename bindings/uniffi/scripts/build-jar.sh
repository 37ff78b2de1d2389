#!/usr/bin/env bash
# make kotlin-jar: the jar an app takes, with the release library inside, checked by loading
# it from the jar alone (scripts/check-jar.sh). On Linux x86-64 the library is linked by zig
# against glibc 2.17 (scripts/zig-cc.sh; zig is the Python venv's ziglang, $PY), as the
# wheel and the Node addon are, so that it loads on Amazon Linux 2, Debian 11 or Ubuntu 20.04.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [ "$(uname -sm)" = "Linux x86_64" ]; then
    triple=x86_64-unknown-linux-gnu
    zig_dir=$("$PY" -c 'import os, ziglang; print(os.path.dirname(ziglang.__file__))')
    PATH="$zig_dir:$PATH" \
        CC_x86_64_unknown_linux_gnu="$here/scripts/zig-cc.sh" \
        CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER="$here/scripts/zig-cc.sh" \
        cargo build -q --release -p lumnisai-uniffi --lib --target "$triple"
    native_dir="$root/target/$triple/release"
    bash tests/glibc-floor.sh "$native_dir/liblumnisai_uniffi.so" 2.17
else
    cargo build -q --release -p lumnisai-uniffi --lib
    native_dir="$root/target/release"
fi
mvn -q -B -f "$here/kotlin/pom.xml" package -DskipTests -Dnative.dir="$native_dir"
bash "$here/scripts/check-jar.sh"
ls "$here"/kotlin/target/lumnisai-*.jar
