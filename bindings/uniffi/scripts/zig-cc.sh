#!/bin/sh
# The C compiler and linker of the jar's release library on Linux x86-64 (scripts/build-jar.sh):
# zig, targeting glibc 2.17, so that the library loads on older distributions. cc-rs and
# rustc pass their own --target=<rust triple>, which zig's clang does not read; zig gets its
# target from -target instead.
for arg; do
    shift
    case "$arg" in
        --target=*) ;;
        *) set -- "$@" "$arg" ;;
    esac
done
exec zig cc -target x86_64-linux-gnu.2.17 "$@"
