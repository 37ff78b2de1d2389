// The seed documentation's examples, in Kotlin: the complete user management example, the
// multi-user conversation and the error handling snippet.
package ai.lumnis

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class SeedTest : ServerTest() {
    @Test
    fun `the complete user management example`() = runBlocking {
        val people = listOf(
            Triple("alice@example.com", "Alice", "Johnson"),
            Triple("bob@example.com", "Bob", "Smith"),
            Triple("charlie@example.com", "Charlie", "Brown"),
        )
        for ((email, first, last) in people) {
            val user = client.createUser(CreateUserParams(email, first, last))
            assertEquals(email, user.email)
        }
        assertEquals(3L, client.listUsers(pageSize = 100).total)

        client.forUser("alice@example.com").use { alice ->
            val config =
                AgentConfig(coordinatorModelName = "openai:gpt-4.1", useCognitiveTools = true)
            val response = alice.invoke(
                "What are the latest AI trends?",
                InvokeOptions(agentConfig = config),
            )
            assertEquals(ResponseStatus.SUCCEEDED, response.status)
            assertEquals("Answer to: What are the latest AI trends?", response.outputText)
            assertEquals(1, alice.listThreads().threads.size)
        }

        val updated = client.updateUser("bob@example.com", UpdateUserParams(firstName = "Robert"))
        assertEquals("Robert", updated.firstName)
        assertEquals("Smith", updated.lastName)
        assertEquals("bob@example.com", client.getUser(updated.id).email)
    }

    @Test
    fun `the multi-user conversation`() = runBlocking {
        val alice = client.createUser(CreateUserParams("alice@example.com", firstName = "Alice"))
        val bob = client.createUser(CreateUserParams("bob@example.com", firstName = "Bob"))

        val first = client.invoke("What's the weather like?", InvokeOptions(userId = alice.email))
        val threadId = first.threadId
        val second = client.invoke(
            "What about tomorrow?",
            InvokeOptions(userId = bob.email, threadId = threadId),
        )
        assertEquals(threadId, second.threadId)

        val thread = client.getThread(threadId)
        assertEquals("What's the weather like?", thread.title)
        assertEquals(2L, thread.responseCount)
        val lines = client.getThreadResponses(threadId).map { r ->
            "${client.getUser(r.userId!!).firstName}: ${r.outputText}"
        }
        assertEquals(
            listOf(
                "Alice: Answer to: What's the weather like?",
                "Bob: Answer to: What about tomorrow?",
            ),
            lines,
        )
    }

    @Test
    fun `the error handling snippet creates the missing user`() = runBlocking {
        val created = try {
            client.getUser("nonexistent@example.com")
            null
        } catch (e: LumnisException.NotFound) {
            assertEquals(404, e.status)
            assertNotNull(e.requestId)
            client.createUser(CreateUserParams("nonexistent@example.com", "New", "User"))
        }
        assertEquals("nonexistent@example.com", created?.email)
        assertTrue(client.getUser("nonexistent@example.com").isActive)
    }
}
