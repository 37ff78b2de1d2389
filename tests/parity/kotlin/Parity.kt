// The parity scenario in Kotlin (see ../README.md): the seed's user-management examples,
// printing one line per step. Reads LUMNISAI_BASE_URL and LUMNISAI_API_KEY.
package ai.lumnis.parity

import ai.lumnis.AgentConfig
import ai.lumnis.CreateUserParams
import ai.lumnis.InvokeOptions
import ai.lumnis.LumnisClient
import ai.lumnis.LumnisException
import ai.lumnis.UpdateUserParams
import ai.lumnis.kind
import ai.lumnis.wireName
import kotlinx.coroutines.runBlocking

fun main() = runBlocking {
    LumnisClient.fromEnv().use { client ->
        val people = listOf(
            Triple("alice@example.com", "Alice", "Johnson"),
            Triple("bob@example.com", "Bob", "Smith"),
            Triple("charlie@example.com", "Charlie", "Brown"),
        )
        for ((email, first, last) in people) {
            val user = client.createUser(CreateUserParams(email, first, last))
            println("Created: ${user.email} ${user.id}")
        }

        val again = client.createUser(CreateUserParams("ALICE@example.com", firstName = "Other"))
        println("Upsert again: ${again.email} ${again.id}")

        println("Total users: ${client.listUsers(pageSize = 100).total}")

        client.forUser("alice@example.com").use { alice ->
            val config =
                AgentConfig(coordinatorModelName = "openai:gpt-4.1", useCognitiveTools = true)
            val response = alice.invoke(
                "What are the latest AI trends?",
                InvokeOptions(agentConfig = config),
            )
            val text = response.outputText.orEmpty().take(100)
            println("Alice's response: $text... (${response.status.wireName})")
            println("Alice has ${alice.listThreads().threads.size} threads")
        }

        val updated = client.updateUser("bob@example.com", UpdateUserParams(firstName = "Robert"))
        println("Updated user: ${updated.firstName.orEmpty()} ${updated.lastName.orEmpty()}")

        val user = client.getUser(updated.id)
        println("Retrieved by ID: ${user.email} ${user.id}")

        val r1 =
            client.invoke("What's the weather like?", InvokeOptions(userId = "alice@example.com"))
        val r2 = client.invoke(
            "What about tomorrow?",
            InvokeOptions(userId = "bob@example.com", threadId = r1.threadId),
        )
        val same = r1.threadId == r2.threadId
        println("Conversation: ${r1.status.wireName} ${r2.status.wireName} same thread: $same")

        val threadId = r1.threadId
        val thread = client.getThread(threadId)
        println("Thread: ${thread.title.orEmpty()} (${thread.responseCount} responses)")

        for (resp in client.getThreadResponses(threadId)) {
            val author = client.getUser(resp.userId!!)
            println("${author.firstName.orEmpty()}: ${resp.outputText.orEmpty()}")
        }

        try {
            client.getUser("nonexistent@example.com")
        } catch (e: LumnisException.NotFound) {
            println("Not found: nonexistent@example.com")
            val params = CreateUserParams("nonexistent@example.com", "New", "User")
            val created = client.createUser(params)
            println("Created user: ${created.email}")
        }

        try {
            client.createUser(CreateUserParams("not-an-email"))
        } catch (e: LumnisException.Validation) {
            println("Validation error: ${e.kind}")
        }

        client.deleteUser("charlie@example.com")
        println("After delete: ${client.listUsers(pageSize = 100).total} users")
        println("Done")
    }
}
