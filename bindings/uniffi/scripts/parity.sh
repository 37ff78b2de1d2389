#!/usr/bin/env bash
# Runs the Kotlin parity scenario (tests/parity/kotlin/Parity.kt) on the compiled test
# classpath. Debian's Maven 3.8 writes ANSI resets even with -B, so they are stripped.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
mvn -q -B -f "$here/kotlin/pom.xml" exec:java -Dexec.mainClass=ai.lumnis.parity.ParityKt \
    -Dexec.classpathScope=test | sed 's/\x1b\[[0-9;]*m//g'
