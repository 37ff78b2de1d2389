// RELIABILITY row 17 at the most verbose log level: a child JVM (the core installs its log
// subscriber once per process, from LUMNISAI_LOG) makes calls with LUMNISAI_LOG=trace, and
// nothing it writes holds the key, neither a good one nor a refused one.
package ai.lumnis

import java.io.File
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

private const val WRONG_KEY = "sk-kotlin-refused-key-in-trace-log"

/** The child: a call that succeeds, one refused for its key, one that is not found. */
fun main(args: Array<String>) = runBlocking {
    val options = ClientOptions(baseUrl = args[0], maxRetries = 0)
    LumnisClient(KEY, options).use { client ->
        client.createUser(CreateUserParams("trace@example.com"))
        client.getUser("trace@example.com")
        runCatching { client.getUser("nobody@example.com") }
    }
    LumnisClient(WRONG_KEY, options).use { wrong -> runCatching { wrong.getUser("a@b.c") } }
    println("child done")
}

class LogTest : ServerTest() {
    @Test
    fun `trace logs never show the key`() {
        val java = File(System.getProperty("java.home"), "bin/java").path
        val child = ProcessBuilder(
            java,
            "-Djna.library.path=" + System.getProperty("jna.library.path"),
            "-cp",
            System.getProperty("java.class.path"),
            "ai.lumnis.LogTestKt",
            server.baseUrl,
        )
            .redirectErrorStream(true)
            .apply { environment()["LUMNISAI_LOG"] = "trace" }
            .start()
        val output = child.inputStream.bufferedReader().readText()
        assertTrue(child.waitFor(60, TimeUnit.SECONDS))
        assertEquals(0, child.exitValue(), output)
        assertTrue(output.contains("child done"), output)
        // The log is really there, at trace level, with the requests in it.
        assertTrue(output.contains("TRACE"), output)
        assertTrue(output.contains("/v1/users"), output)
        assertFalse(output.contains(KEY), output)
        assertFalse(output.contains(WRONG_KEY), output)
    }
}
