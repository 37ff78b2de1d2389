// Cancelling a Kotlin coroutine cancels the request: the Rust future is dropped, nothing is
// retried after the cancel, and the next call on the same client succeeds.
package ai.lumnis

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class CancellationTest : ServerTest() {
    @Test
    fun `a cancelled call makes no further attempt`() = runBlocking {
        client.createUser(CreateUserParams("c@example.com"))
        server.reset()
        client.createUser(CreateUserParams("c@example.com"))
        // Every attempt would be slow and timed out, so an uncancelled call would retry.
        server.fault("""{"path":"/v1/users/*","kind":"delay","delay_ms":1500,"count":5}""")
        server.client(maxRetries = 3, timeoutMs = 400).use { c ->
            val job = launch(Dispatchers.Default) { c.getUser("c@example.com") }
            delay(150)
            val started = System.nanoTime()
            job.cancel()
            job.join()
            assertTrue(System.nanoTime() - started < 200_000_000L, "the cancel was not prompt")
            delay(1500)
            assertEquals(1, server.requests("GET", "/v1/users/").size)

            server.reset()
            val user = withTimeout(5000) { c.createUser(CreateUserParams("after@example.com")) }
            assertEquals("after@example.com", c.getUser(user.id).email)
        }
    }

    @Test
    fun `a cancelled invoke stops polling`() = runBlocking {
        users("a@example.com")
        server.settings("""{"agent_latency_ms":4000}""")
        val call = async(Dispatchers.Default) {
            client.invoke("long", InvokeOptions(userId = "a@example.com", waitMs = 1000))
        }
        delay(600)
        call.cancel()
        val reads = server.requests("GET", "/v1/responses/").size
        delay(2500)
        assertEquals(reads, server.requests("GET", "/v1/responses/").size)
        assertEquals(1, server.requests("POST", "/v1/responses").size)
    }
}
