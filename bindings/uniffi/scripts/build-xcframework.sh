#!/usr/bin/env bash
# Builds swift/LumnisAIFFI.xcframework (macOS with Xcode only): the static library for iOS,
# the iOS simulator and macOS, with the checked-in header and module map.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
lib=liblumnisai_uniffi.a
targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin
    x86_64-apple-darwin)

cd "$root"
for target in "${targets[@]}"; do
    rustup target add "$target"
    cargo build -p lumnisai-uniffi --lib --release --target "$target"
done

fat="$root/target/xcframework"
mkdir -p "$fat/ios-sim" "$fat/macos"
lipo -create -output "$fat/ios-sim/$lib" \
    "target/aarch64-apple-ios-sim/release/$lib" "target/x86_64-apple-ios/release/$lib"
lipo -create -output "$fat/macos/$lib" \
    "target/aarch64-apple-darwin/release/$lib" "target/x86_64-apple-darwin/release/$lib"

rm -rf "$here/swift/LumnisAIFFI.xcframework"
xcodebuild -create-xcframework \
    -library "target/aarch64-apple-ios/release/$lib" -headers "$here/swift/Headers" \
    -library "$fat/ios-sim/$lib" -headers "$here/swift/Headers" \
    -library "$fat/macos/$lib" -headers "$here/swift/Headers" \
    -output "$here/swift/LumnisAIFFI.xcframework"
