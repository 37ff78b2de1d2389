// The base of the suites that talk to the local server: one server per class, state reset
// before each test.
package ai.lumnis

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerTest(vararg args: String) {
    protected val server = LocalServer(*args)
    protected val client: LumnisClient = server.client()

    @BeforeEach
    fun clean() {
        server.reset()
    }

    @AfterAll
    fun stop() {
        client.close()
        server.close()
    }

    /** Creates these users, for the calls that need them to exist. */
    protected fun users(vararg emails: String) = runBlocking {
        for (email in emails) client.createUser(CreateUserParams(email))
    }

    /** Runs [block], expects it to throw a [LumnisException] of [kind], and returns it. */
    protected suspend fun expectError(kind: String, block: suspend () -> Unit): LumnisException {
        try {
            block()
        } catch (e: LumnisException) {
            assertEquals(kind, e.kind, e.toString())
            return e
        }
        fail<Unit>("expected a $kind error")
        error("unreachable")
    }
}
