// The README's Kotlin example, as written there but for the client, which is the local
// server's instead of the environment's, and println, which records the lines.
package ai.lumnis

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ReadmeTest : ServerTest() {
    @Test
    fun `the README example`() = runBlocking {
        val printed = mutableListOf<String>()
        val println = { line: Any? -> printed += line.toString() }
        server.client().use { client ->
            val user = client.createUser(CreateUserParams("alice@example.com", firstName = "Alice"))
            client.forUser(user.email).use { alice ->
                val config =
                    AgentConfig(coordinatorModelName = "openai:gpt-4.1", useCognitiveTools = true)
                val response =
                    alice.invoke("Latest AI trends?", InvokeOptions(agentConfig = config))
                println(response.outputText)
                alice.invokeStream("Summarize my notes").use { stream ->
                    stream.asFlow().collect { println("${it.state}: ${it.message}") }
                }
            }
            try {
                client.getUser("nobody@example.com")
            } catch (e: LumnisException.NotFound) {
                println("not found (request ${e.requestId})")
            }
        }
        assertEquals("Answer to: Latest AI trends?", printed.first())
        assertTrue(printed[1].startsWith("processing: "), "$printed")
        assertTrue(printed.any { it.startsWith("completed: ") }, "$printed")
        assertTrue(printed.last().startsWith("not found (request "), "$printed")
    }
}
