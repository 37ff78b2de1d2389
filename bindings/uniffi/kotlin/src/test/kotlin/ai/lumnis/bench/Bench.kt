// The Kotlin side of `make bench-kotlin`: 1,000 sequential and 1,000 concurrent getUser
// through the binding, against the server at LUMNISAI_BASE_URL. Prints
// `sequential_us_per_call concurrent_us_per_call`, the medians of seven runs, after warm-up
// runs of the same shape until the JIT is done (a run in which it compiled for less than 1%
// of the run's time, at most 40 runs): before that, the JVM measures its own compiler, which
// shares the two cores with the server.
package ai.lumnis.bench

import ai.lumnis.CreateUserParams
import ai.lumnis.LumnisClient
import java.lang.management.ManagementFactory
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking

private const val CALLS = 1_000
private const val RUNS = 7
private const val MAX_WARMUP_RUNS = 40

fun main() = runBlocking(Dispatchers.Default) {
    LumnisClient.fromEnv().use { client ->
        client.createUser(CreateUserParams("bench@example.com"))
        val jit = ManagementFactory.getCompilationMXBean()
        var warmups = 0
        while (warmups < MAX_WARMUP_RUNS) {
            val compiledBefore = jit.totalCompilationTime
            val started = System.nanoTime()
            runBoth(client)
            val runMs = (System.nanoTime() - started) / 1e6
            warmups++
            if (jit.totalCompilationTime - compiledBefore < runMs / 100) break
        }
        System.err.println("JIT warm-up: $warmups runs")
        val sequential = mutableListOf<Double>()
        val concurrent = mutableListOf<Double>()
        repeat(RUNS) {
            val (oneByOne, atOnce) = runBoth(client)
            sequential += oneByOne
            concurrent += atOnce
        }
        println("%.1f %.1f".format(sequential.sorted()[RUNS / 2], concurrent.sorted()[RUNS / 2]))
    }
}

/** One run: CALLS getUser in sequence, then CALLS at once; microseconds per call of each. */
private suspend fun CoroutineScope.runBoth(client: LumnisClient): Pair<Double, Double> {
    var started = System.nanoTime()
    repeat(CALLS) { client.getUser("bench@example.com") }
    val oneByOne = (System.nanoTime() - started) / 1e3 / CALLS

    started = System.nanoTime()
    (1..CALLS).map { async { client.getUser("bench@example.com") } }.awaitAll()
    val atOnce = (System.nanoTime() - started) / 1e3 / CALLS
    return oneByOne to atOnce
}
