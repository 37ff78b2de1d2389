#!/usr/bin/env bash
# Copies liblumnisai_uniffi from NATIVE_DIR into the jar's classes, under the folder where JNA
# looks for a library of this platform on the classpath (linux-x86-64/, darwin-aarch64/, ...),
# so that the jar alone loads it: an app needs no jna.library.path.
#   bundle-native.sh NATIVE_DIR CLASSES_DIR
set -euo pipefail

native_dir=$1
classes_dir=$2

case "$(uname -s)" in
    Linux) os=linux; lib=liblumnisai_uniffi.so ;;
    Darwin) os=darwin; lib=liblumnisai_uniffi.dylib ;;
    *) echo "bundle-native.sh: no JNA folder known for $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
    x86_64 | amd64) arch=x86-64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) echo "bundle-native.sh: no JNA folder known for $(uname -m)" >&2; exit 1 ;;
esac

if [ ! -f "$native_dir/$lib" ]; then
    echo "bundle-native.sh: $native_dir/$lib is not built" >&2
    exit 1
fi
mkdir -p "$classes_dir/$os-$arch"
# The jar takes the library without its debug sections (140 MB of a debug build's 163),
# keeping the symbols that name a backtrace's frames. Without objcopy (macOS) it is
# copied as it is.
if command -v objcopy >/dev/null 2>&1; then
    objcopy --strip-debug "$native_dir/$lib" "$classes_dir/$os-$arch/$lib"
else
    cp "$native_dir/$lib" "$classes_dir/$os-$arch/$lib"
fi
