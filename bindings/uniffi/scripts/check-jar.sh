#!/usr/bin/env bash
# make test-kotlin, after `mvn package`: runs JarCheck (kotlin/src/test) in a JVM whose
# classpath holds the jar, its runtime dependencies and the test classes, with no
# jna.library.path, so that the native library can only come from the jar.
set -euo pipefail

kotlin_dir="$(cd "$(dirname "$0")/../kotlin" && pwd)"
mvn -q -B -ntp -f "$kotlin_dir/pom.xml" dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt >&2
jar=$(ls "$kotlin_dir"/target/lumnisai-*.jar)
classpath="$jar:$kotlin_dir/target/test-classes:$(cat "$kotlin_dir/target/runtime-classpath.txt")"
java -cp "$classpath" ai.lumnis.JarCheckKt
