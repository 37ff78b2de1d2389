// The JNA tuning of Ffi.kt: structures cut from per-thread slabs never share memory, calls
// that nest or fail leave the thread's statuses clean, and values cross intact while many
// threads do the same.
package ai.lumnis

import com.sun.jna.Pointer
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class FfiTest : ServerTest() {
    @Test
    fun `slab blocks are aligned, distinct, and span several slabs`() {
        val blocks = List(1_000) { structMemory(24) }
        val addresses = blocks.map { Pointer.nativeValue(it) }
        assertEquals(addresses.size, addresses.toSet().size)
        assertTrue(addresses.all { it % 8 == 0L })
        // 1,000 blocks of 24 bytes need three 8 KiB slabs; none overlaps another.
        assertTrue(addresses.sorted().zipWithNext().all { (a, b) -> b - a >= 24 })
    }

    @Test
    fun `two buffers of one call keep their own values across many slabs`() = runBlocking {
        val user = client.createUser(CreateUserParams("slab@example.com"))
        // Each call lowers two buffers (the id and the record) and lifts one; 500 calls use
        // 1,500 blocks, several slabs' worth.
        for (i in 1..500) {
            val updated = client.updateUser(user.id, UpdateUserParams(firstName = "name-$i"))
            assertEquals("name-$i", updated.firstName)
            assertEquals(user.id, updated.id)
        }
    }

    @Test
    fun `a failed call leaves the thread's next calls clean`() = runBlocking {
        repeat(50) { i ->
            // A constructor is a synchronous call whose arguments are lowered inside it.
            expectError("config") { LumnisClient(KEY, ClientOptions(baseUrl = "ftp://x")) }
            LumnisClient(KEY, ClientOptions(baseUrl = server.baseUrl)).close()
            val user = client.createUser(CreateUserParams("clean-$i@example.com"))
            assertEquals("clean-$i@example.com", user.email)
        }
    }

    @Test
    fun `values cross intact from many threads at once`() = runBlocking(Dispatchers.Default) {
        val users = (1..200).map { i ->
            async { client.createUser(CreateUserParams("many-$i@example.com", "First $i")) }
        }.awaitAll()
        users.forEachIndexed { index, user ->
            assertEquals("many-${index + 1}@example.com", user.email)
            assertEquals("First ${index + 1}", user.firstName)
        }
        val read = users.map { user -> async { client.getUser(user.id) } }.awaitAll()
        assertEquals(users, read)
    }
}
