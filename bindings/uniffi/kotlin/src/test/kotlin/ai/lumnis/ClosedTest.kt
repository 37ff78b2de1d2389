// Closed objects and what errors show: a closed object passed as an argument is refused before
// any native call, its toString still answers, an error's message is its sentence with the
// status and request id, and a stream's flow is read once.
package ai.lumnis

import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ClosedTest : ServerTest() {
    private val alice = InvokeOptions(userId = "alice@example.com")

    @Test
    fun `a closed client passed as an argument throws and sends nothing`() = runBlocking {
        users("alice@example.com")
        server.settings("""{"agent_latency_ms":3000}""")
        val closed = server.client().apply { close() }
        client.invokeStream("Long task", alice).use { stream ->
            assertEquals("processing", stream.next()!!.state)
            val e = assertThrows(IllegalStateException::class.java) {
                runBlocking { stream.cancelRun(closed) }
            }
            assertTrue(e.message!!.contains("destroyed"), e.message)
            assertEquals(0, server.requests("POST", "/v1/responses/").size)
            assertTrue(stream.cancelRun(client))
        }
    }

    @Test
    fun `a closed view passed to a local call throws`() {
        val view = client.forUser("a@example.com")
        view.close()
        assertThrows(IllegalStateException::class.java) { client.sharesPoolWith(view) }
        client.forUser("b@example.com").use { live -> assertTrue(client.sharesPoolWith(live)) }
    }

    @Test
    fun `a closed object's toString names it`() {
        val view = client.forUser("a@example.com")
        assertTrue(view.toString().contains("redacted"), view.toString())
        view.close()
        assertEquals("LumnisClient(closed)", view.toString())
        assertThrows(IllegalStateException::class.java) { view.userId() }
    }

    @Test
    fun `an error's message is its sentence, status and request id`() = runBlocking {
        val e = expectError("not_found") { client.getUser("nobody@example.com") }
        val requestId = e.requestId!!
        assertEquals(404, e.status)
        assertEquals("${e.errorMessage} (HTTP 404, request $requestId)", e.message)
        assertFalse(e.message!!.contains("detailsJson"), e.message)
        assertEquals(e.fields.code, e.code)
    }

    @Test
    fun `an error raised before any request has its sentence alone`() = runBlocking {
        val e = expectError("validation") { client.listUsers(pageSize = 101) }
        assertNull(e.status)
        assertNull(e.requestId)
        assertEquals(e.errorMessage, e.message)
    }

    @Test
    fun `a stream's flow yields its entries once`() = runBlocking {
        users("alice@example.com")
        client.invokeStream("Hello", alice).use { stream ->
            val flow = stream.asFlow()
            assertTrue(flow.toList().isNotEmpty())
            assertEquals(emptyList<ProgressEntry>(), flow.toList())
        }
    }
}
