#!/usr/bin/env bash
# Builds and tests the Swift package (swift/) on Linux with a Swift toolchain kept in a
# Debian trixie chroot, because the host's Debian has no Swift package.
#   test-swift.sh          `swift build` and the XCTest suite (swift/Tests/LumnisAITests,
#                          which starts lumnis-local itself)
#   test-swift.sh parity   compiles and runs the parity scenario (tests/parity/swift) against
#                          LUMNISAI_BASE_URL; only the scenario writes to stdout
# Needs root (debootstrap, chroot, mount). LUMNISAI_SWIFT_ROOT picks the chroot (default
# /opt/swiftroot), built on the first run (~530 MB download). The repository is bind-mounted
# at its own absolute path inside the chroot, so the paths given inside (LUMNISAI_LIB_DIR,
# LUMNIS_LOCAL_BIN) are the same as outside.
set -euo pipefail

mode=${1:-test}
case $mode in
    test | parity) ;;
    *) echo "usage: test-swift.sh [parity]" >&2; exit 2 ;;
esac
# Everything but the scenario's own lines goes to stderr (run.py compares stdout).
exec 3>&1 1>&2

here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
R=${LUMNISAI_SWIFT_ROOT:-/opt/swiftroot}

if [[ $EUID -ne 0 ]]; then
    echo "test-swift: needs root (debootstrap, chroot and mount); run it as root" >&2
    exit 1
fi

if [[ ! -x "$R/usr/libexec/swift/bin/swiftc" ]]; then
    echo "test-swift: no Swift toolchain in $R; building a trixie chroot there"
    echo "test-swift: this downloads about 530 MB from deb.debian.org"
    # An existing folder is never deleted here: it could hold mounts (the repository's).
    if [[ -e "$R" ]]; then
        echo "test-swift: $R exists but holds no Swift toolchain; unmount and remove it" >&2
        exit 1
    fi
    # Built aside and moved into place whole, so that a run stopped halfway leaves no
    # half-made chroot for the next run to trust.
    staging="$R.partial"
    rm -rf "$staging"
    set -x
    if ! command -v debootstrap >/dev/null; then
        apt-get update -qq
        apt-get install -y -qq debootstrap
    fi
    debootstrap --variant=minbase trixie "$staging" http://deb.debian.org/debian
    chroot "$staging" apt-get update
    chroot "$staging" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends swiftlang libc6-dev
    chroot "$staging" apt-get clean
    set +x
    mv "$staging" "$R"
fi

# The debug library, as the Kotlin suite's: `make test` has built it already, and a release
# build of the whole tree would add minutes for no test that needs it.
echo "test-swift: building the Rust library and lumnis-local"
(cd "$repo" && cargo build -p lumnisai-uniffi --lib && cargo build -p lumnis-local --bins)

mounts=()
cleanup() {
    local i
    # Innermost first: the bind mount, then /proc.
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount "${mounts[i]}" || umount -l "${mounts[i]}" || true
    done
}
trap cleanup EXIT

mountpoint -q "$R/proc" || { mount -t proc proc "$R/proc"; mounts+=("$R/proc"); }
mkdir -p "$R$repo"
mountpoint -q "$R$repo" || { mount --bind "$repo" "$R$repo"; mounts+=("$R$repo"); }

lib="$repo/target/debug"
inside=(chroot "$R" /usr/bin/env -i
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    HOME=/root
    LUMNISAI_LIB_DIR="$lib"
    LUMNIS_LOCAL_BIN="$repo/target/debug/lumnis-local")

if [[ $mode == test ]]; then
    echo "test-swift: swift build and swift test in $R"
    "${inside[@]}" /bin/bash -euo pipefail -c "
        cd '$here/swift'
        swift build
        swift test --disable-swift-testing
    " >&3
    exit 0
fi

# The scenario imports the package's module as an app would: the module is compiled on its
# own, then the scenario against it.
out="$repo/target/swift-parity"
mkdir -p "$out"
"${inside[@]}" /bin/bash -euo pipefail -c "
    cd '$here/swift'
    swiftc -emit-library -emit-module -module-name LumnisAI -parse-as-library \
        -Xcc -fmodule-map-file=Headers/module.modulemap -I Headers \
        -L '$lib' -llumnisai_uniffi -Xlinker -rpath -Xlinker '$lib' \
        Sources/LumnisAI/*.swift -emit-module-path '$out/LumnisAI.swiftmodule' \
        -o '$out/libLumnisAI.so'
    swiftc -I '$out' -Xcc -fmodule-map-file=Headers/module.modulemap -I Headers \
        -L '$out' -lLumnisAI -Xlinker -rpath -Xlinker '$out' \
        '$repo/tests/parity/swift/main.swift' -o '$out/parity'
"
"${inside[@]}" LUMNISAI_BASE_URL="${LUMNISAI_BASE_URL:-}" \
    LUMNISAI_API_KEY="${LUMNISAI_API_KEY:-}" "$out/parity" >&3
