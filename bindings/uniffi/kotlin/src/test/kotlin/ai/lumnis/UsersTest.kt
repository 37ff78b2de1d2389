// Users through the binding: upsert, metadata as JSON, pagination (one page, and every
// page as a Flow), update and delete.
package ai.lumnis

import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class UsersTest : ServerTest() {
    @Test
    fun `an upsert with the same email in another case returns the same user`() = runBlocking {
        val first = client.createUser(CreateUserParams("alice@example.com", "Alice"))
        val again = client.createUser(CreateUserParams("ALICE@example.com", "Other"))
        assertEquals(first.id, again.id)
        assertEquals(1L, client.listUsers().total)
        assertEquals(2, server.requests("POST", "/v1/users").size)
    }

    @Test
    fun `metadata keeps its keys and reads back as JSON`() = runBlocking {
        val metadata = """{"plan_tier":"pro","camelKey":[1,2]}"""
        val user = client.createUser(CreateUserParams("meta@example.com", metadataJson = metadata))
        val read = client.getUser(user.id).metadata!!.jsonObject
        assertEquals("pro", read["plan_tier"]!!.jsonPrimitive.content)
        assertEquals(2, read["camelKey"]!!.jsonArray.size)
    }

    @Test
    fun `metadata that is not JSON is refused before any request`() = runBlocking {
        expectError("validation") {
            client.createUser(CreateUserParams("bad@example.com", metadataJson = "{nope"))
        }
        assertTrue(server.log().isEmpty())
    }

    @Test
    fun `pages walk every user once`() = runBlocking {
        for (i in 1..5) client.createUser(CreateUserParams("user$i@example.com"))
        val seen = mutableListOf<String>()
        var page = 1
        while (true) {
            val list = client.listUsers(page, 2)
            assertEquals(5L, list.pagination.total)
            assertEquals(3, list.pagination.totalPages)
            seen += list.users.map { it.email }
            if (!list.pagination.hasNext) break
            page++
        }
        assertEquals(5, seen.toSet().size)
        assertEquals(3, page)
    }

    @Test
    fun `a deleted user is gone`() = runBlocking {
        client.createUser(CreateUserParams("gone@example.com"))
        client.deleteUser("gone@example.com")
        expectError("not_found") { client.getUser("gone@example.com") }
        assertEquals(0L, client.listUsers().total)
    }

    @Test
    fun `an update changes only the fields given`() = runBlocking {
        client.createUser(CreateUserParams("bob@example.com", "Bob", "Smith"))
        val updated = client.updateUser("bob@example.com", UpdateUserParams(firstName = "Robert"))
        assertEquals("Robert", updated.firstName)
        assertEquals("Smith", updated.lastName)
        assertFalse(updated.updatedAt == null)
    }

    @Test
    fun `allUsers walks every page and fetches a page only when it is reached`() = runBlocking {
        val emails = (1..5).map { "page$it@example.com" }
        users(*emails.toTypedArray())
        val before = server.requests("GET", "/v1/users").size
        val walked = client.allUsers(pageSize = 2).toList().map { it.email }
        assertEquals(emails.sorted(), walked.sorted())
        assertEquals(3, server.requests("GET", "/v1/users").size - before)

        val first = client.allUsers(pageSize = 2).take(1).toList()
        assertEquals(1, first.size)
        assertEquals(4, server.requests("GET", "/v1/users").size - before)
    }

    @Test
    fun `allUsers with a bad page size fails before any request`() = runBlocking {
        expectError("validation") { client.allUsers(pageSize = 0).toList() }
        assertTrue(server.requests("GET", "/v1/users").isEmpty())
    }
}
