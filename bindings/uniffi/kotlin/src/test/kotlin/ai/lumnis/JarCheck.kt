// `make test-kotlin` runs this after `mvn package` (scripts/check-jar.sh), in a JVM that has
// the jar, its runtime dependencies and the test classes on its classpath and no
// jna.library.path: the jar must bring its own native library, as an app would take it.
package ai.lumnis

import com.sun.jna.NativeLibrary

fun main() {
    LumnisClient("lumnis-local-key", ClientOptions(baseUrl = "http://127.0.0.1:9")).use {
        check(it.baseUrl() == "http://127.0.0.1:9") { "the client answered ${it.baseUrl()}" }
    }
    // JNA extracts a library found on the classpath to a temporary file of its own.
    val file = NativeLibrary.getInstance("lumnisai_uniffi").file
    check(!file.path.contains("/target/")) { "the library came from $file, not from the jar" }
    println("jar: liblumnisai_uniffi loaded from the jar (extracted to $file)")
}
