#!/usr/bin/env bash
# Builds and tests the Swift package (swift/) on Linux: `swift build` and the XCTest suite
# (swift/Tests/LumnisAITests, which starts lumnis-local itself) with a Swift toolchain kept
# in a Debian trixie chroot, because the host's Debian has no Swift package.
#   test-swift.sh   needs root (debootstrap, chroot, mount); LUMNISAI_SWIFT_ROOT picks the
#                   chroot (default /opt/swiftroot), built on the first run (~530 MB download)
# The repository is bind-mounted at its own absolute path inside the chroot, so the paths
# given to the tests (LUMNISAI_LIB_DIR, LUMNIS_LOCAL_BIN) are the same inside and out.
set -euo pipefail

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
    # Built aside and moved into place whole, so that a run stopped halfway leaves no
    # half-made chroot for the next run to trust.
    # An existing folder is never deleted here: it could hold mounts (the repository's).
    if [[ -e "$R" ]]; then
        echo "test-swift: $R exists but holds no Swift toolchain; unmount and remove it" >&2
        exit 1
    fi
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

echo "test-swift: swift build and swift test in $R"
chroot "$R" /usr/bin/env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root \
    LUMNISAI_LIB_DIR="$repo/target/debug" \
    LUMNIS_LOCAL_BIN="$repo/target/debug/lumnis-local" \
    /bin/bash -euo pipefail -c "
        cd '$here/swift'
        swift build
        swift test --disable-swift-testing
    "
