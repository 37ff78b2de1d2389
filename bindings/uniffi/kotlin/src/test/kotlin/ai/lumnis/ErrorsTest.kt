// Every error kind through the binding, typed, with its status and request id; validation
// before any request; decode errors that leave the client working; no key in any output.
package ai.lumnis

import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ErrorsTest : ServerTest() {
    @Test
    fun `a wrong key is an authentication error with the request id`() = runBlocking {
        val secret = "sk-kotlin-wrong-secret-key"
        server.client(key = secret).use { wrong ->
            val e = expectError("authentication") { wrong.getUser("a@example.com") }
            assertEquals(401, e.fields.status)
            assertNotNull(e.fields.requestId)
            for (shown in listOf(e.toString(), e.message.orEmpty(), wrong.toString())) {
                assertFalse(shown.contains(secret), shown)
            }
        }
    }

    @Test
    fun `the client's toString never shows the key`() {
        val secret = "sk-kotlin-secret-in-tostring"
        LumnisClient(secret, ClientOptions(baseUrl = server.baseUrl)).use { c ->
            val shown = "$c ${c.forUser("a@example.com")} ${c.withOptions(CallOptions())}"
            assertTrue(shown.contains("redacted"), shown)
            assertFalse(shown.contains(secret), shown)
        }
    }

    @Test
    fun `a missing user is not found`() = runBlocking {
        val e = expectError("not_found") { client.getUser("nobody@example.com") }
        assertTrue(e is LumnisException.NotFound)
        assertEquals(404, e.fields.status)
    }

    @Test
    fun `bad arguments are refused before any request`() = runBlocking {
        val refused = listOf(
            expectError("validation") { client.createUser(CreateUserParams("not-an-email")) },
            expectError("validation") { client.listUsers(1, 0) },
            expectError("validation") { client.listUsers(1, 101) },
            expectError("validation") { client.invokeMessages(emptyList<Message>()) },
            expectError("missing_user_id") {
                LumnisClient(KEY, ClientOptions(baseUrl = server.baseUrl, scope = Scope.USER))
                    .use { it.invoke("hi") }
            },
            expectError("local_file_not_supported") {
                val local = InvokeOptions(userId = "a@example.com", files = listOf("/tmp/a.pdf"))
                client.invoke("hi", local)
            },
        )
        // All of them are what Python and Node raise as a ValidationError.
        assertTrue(refused.all { it.isValidation })
        assertTrue(server.log().isEmpty(), server.log().toString())
        val missing = expectError("not_found") { client.getUser("nobody@example.com") }
        assertFalse(missing.isValidation)
    }

    @Test
    fun `a negative count is refused before any request, naming it`() = runBlocking {
        val e = expectError("validation") { client.listUsers(1, -1) }
        assertTrue(e.errorMessage.contains("pageSize"), e.errorMessage)
        assertNull(e.status)
        expectError("validation") { client.listUsers(-1, 20) }
        expectError("validation") { client.allUsers(pageSize = -1).toList() }
        expectError("validation") { client.listThreads(ListThreadsParams(limit = -1)) }
        expectError("validation") { client.listResponses(ListResponsesParams(offset = -1)) }
        expectError("validation") { client.listFiles(ListFilesParams(limit = -5)) }
        expectError("validation") { client.getThreadResponses("t", limit = -1) }
        expectError("validation") { client.getResponse("r", waitMs = -1) }
        expectError("validation") {
            client.invoke("hi", InvokeOptions(userId = "a@example.com", maxWaitMs = -1))
        }
        // Client options fail as the core's own bad options do, with a config error.
        expectError("config") { server.client(timeoutMs = -1).close() }
        expectError("config") { client.withOptions(CallOptions(maxRetries = -1)) }
        assertTrue(server.log().isEmpty(), server.log().toString())
    }

    @Test
    fun `a 422 from the server is a validation error, tried once`() = runBlocking {
        server.fault("""{"method":"POST","path":"/v1/users","kind":"status","status":422}""")
        val e = expectError("validation") { client.createUser(CreateUserParams("v@example.com")) }
        assertEquals(422, e.fields.status)
        assertEquals(1, server.requests("POST", "/v1/users").size)
    }

    @Test
    fun `a long Retry-After is raised as a rate limit with the wait`() = runBlocking {
        server.fault(
            """{"path":"/v1/users/*","kind":"status","status":429,"retry_after":"120"}""",
        )
        val e = expectError("rate_limit") { client.getUser("a@example.com") }
        assertEquals(120_000L, (e as LumnisException.RateLimit).retryAfterMs)
        assertEquals(429, e.status)
    }

    @Test
    fun `5xx is retried up to the limit, then a server error`() = runBlocking {
        server.fault("""{"path":"/v1/users/*","kind":"status","status":503,"count":10}""")
        server.client(maxRetries = 2).use { c ->
            val e = expectError("server") { c.getUser("a@example.com") }
            assertEquals(503, e.fields.status)
        }
        assertEquals(3, server.requests("GET", "/v1/users/").size)
    }

    @Test
    fun `retries of a create carry one idempotency key and create one user`() = runBlocking {
        server.fault("""{"method":"POST","path":"/v1/users","kind":"status","status":503,""" +
            """"count":2}""")
        server.client(maxRetries = 3).use { it.createUser(CreateUserParams("once@example.com")) }
        val attempts = server.requests("POST", "/v1/users")
        assertEquals(3, attempts.size)
        assertEquals(1, attempts.map { it["idempotency_key"].toString() }.toSet().size)
        assertEquals(1L, client.listUsers().total)
    }

    @Test
    fun `no answer is a transport error`() = runBlocking {
        LumnisClient(KEY, ClientOptions(baseUrl = "http://127.0.0.1:9", maxRetries = 0)).use {
            expectError("transport") { it.getUser("a@example.com") }
        }
        Unit
    }

    @Test
    fun `a slow answer is a timeout`() = runBlocking {
        server.fault("""{"path":"/v1/users/*","kind":"delay","delay_ms":2000}""")
        server.client(maxRetries = 0, timeoutMs = 200).use { c ->
            expectError("timeout") { c.getUser("a@example.com") }
        }
        Unit
    }

    @Test
    fun `an invoke past its deadline is a timeout naming the response`() = runBlocking {
        users("a@example.com")
        server.settings("""{"agent_latency_ms":5000}""")
        val e = expectError("timeout") {
            client.invoke("slow", InvokeOptions(userId = "a@example.com", maxWaitMs = 300))
        }
        assertNotNull((e as LumnisException.Timeout).responseId)
    }

    @Test
    fun `the client's invokeMaxWaitMs is the deadline of an invoke that sets none`() =
        runBlocking {
            users("a@example.com")
            server.settings("""{"agent_latency_ms":5000}""")
            val options = ClientOptions(baseUrl = server.baseUrl, invokeMaxWaitMs = 300)
            LumnisClient(KEY, options).use { c ->
                val started = System.nanoTime()
                expectError("timeout") { c.invoke("slow", InvokeOptions(userId = "a@example.com")) }
                assertTrue(System.nanoTime() - started < 3_000_000_000L)
            }
            Unit
        }

    @Test
    fun `malformed and wrongly typed JSON are decode errors, and the client still works`() =
        runBlocking {
            client.createUser(CreateUserParams("d@example.com"))
            for (kind in listOf("invalid_json", "wrong_type")) {
                server.fault("""{"path":"/v1/users/*","kind":"$kind"}""")
                expectError("decode") { client.getUser("d@example.com") }
            }
            assertEquals("d@example.com", client.getUser("d@example.com").email)
        }

    @Test
    fun `an endless body is cut at the limit`() = runBlocking {
        server.fault("""{"path":"/v1/users/*","kind":"endless"}""")
        server.client(maxRetries = 0, maxResponseBytes = 4096).use { c ->
            expectError("body_too_large") { c.getUser("a@example.com") }
        }
        Unit
    }

    @Test
    fun `a client without a key or with a bad URL is a config error`() = runBlocking {
        expectError("config") { LumnisClient("  ", ClientOptions(baseUrl = server.baseUrl)) }
        expectError("config") { LumnisClient(KEY, ClientOptions(baseUrl = "ftp://x")) }
        Unit
    }

    @Test
    fun `an unreadable path is an io error`() = runBlocking {
        val e = expectError("io") { client.uploadFilePath("/nonexistent/dir/file.txt") }
        assertNull(e.fields.status)
        val details = e.details?.jsonObject
        assertEquals("not_found", details?.get("reason")?.jsonPrimitive?.content)
        assertEquals("/nonexistent/dir/file.txt", details?.get("path")?.jsonPrimitive?.content)
    }
}
