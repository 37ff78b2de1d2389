// Scoping through the binding: a user-bound view applies its user to threads and runs, and
// every view shares one pool.
package ai.lumnis

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ScopingTest : ServerTest() {
    @Test
    fun `a bound view sees only its user's threads`() = runBlocking {
        client.createUser(CreateUserParams("alice@example.com"))
        client.createUser(CreateUserParams("bob@example.com"))
        val alice = client.forUser("alice@example.com")
        val bob = client.forUser("bob@example.com")
        alice.invoke("from alice")
        alice.createThread(title = "second")
        bob.invoke("from bob")

        assertEquals(2, alice.listThreads().threads.size)
        assertEquals(1, bob.listThreads().threads.size)
        assertEquals(3L, client.listThreads().total)
        assertEquals("alice@example.com", alice.userId())
        assertEquals(Scope.USER, alice.scope())
        assertTrue(alice.sharesPoolWith(bob))

        val renamed = alice.updateThread(alice.listThreads().threads.first().threadId, "renamed")
        assertEquals("renamed", renamed.title)
        alice.deleteThread(renamed.threadId)
        assertEquals(1, alice.listThreads().threads.size)
        alice.close()
        bob.close()
    }

    @Test
    fun `an explicit user wins over the bound one`() = runBlocking {
        users("amy@example.com", "bob@example.com")
        val bob = client.forUser("bob@example.com")
        val amy = client.getUser("amy@example.com")
        val response = bob.invoke("for amy", InvokeOptions(userId = "amy@example.com"))
        assertEquals(amy.id, response.userId)
        bob.close()
    }

    @Test
    fun `a user switches tenant scope to user scope`() = runBlocking {
        users("amy@example.com")
        val amy = client.getUser("amy@example.com")
        val options = InvokeOptions(userId = "amy@example.com", scope = Scope.TENANT)
        assertEquals(amy.id, client.invoke("for amy", options).userId)
    }
}
