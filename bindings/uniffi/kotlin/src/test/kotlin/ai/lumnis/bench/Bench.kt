// The Kotlin side of `make bench-kotlin`: 1,000 sequential and 1,000 concurrent getUser
// through the binding, against the server at LUMNISAI_BASE_URL. Prints
// `sequential_us_per_call concurrent_us_per_call`, the medians of five runs (after a warm-up).
package ai.lumnis.bench

import ai.lumnis.CreateUserParams
import ai.lumnis.LumnisClient
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking

private const val CALLS = 1_000
private const val RUNS = 5

fun main() = runBlocking(Dispatchers.Default) {
    LumnisClient.fromEnv().use { client ->
        client.createUser(CreateUserParams("bench@example.com"))
        repeat(200) { client.getUser("bench@example.com") }
        val sequential = mutableListOf<Double>()
        val concurrent = mutableListOf<Double>()
        repeat(RUNS) {
            var started = System.nanoTime()
            repeat(CALLS) { client.getUser("bench@example.com") }
            sequential += (System.nanoTime() - started) / 1e3 / CALLS

            started = System.nanoTime()
            (1..CALLS).map { async { client.getUser("bench@example.com") } }.awaitAll()
            concurrent += (System.nanoTime() - started) / 1e3 / CALLS
        }
        println("%.1f %.1f".format(sequential.sorted()[RUNS / 2], concurrent.sorted()[RUNS / 2]))
    }
}
