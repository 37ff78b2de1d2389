// `make bench-kotlin`: 1,000 sequential and 1,000 concurrent getUser against the server at
// LUMNISAI_BASE_URL, through the Kotlin binding and through the core in Rust, in one process:
// the Rust side is examples/bench_rust.rs, loaded with JNA, so that every Kotlin run has a
// Rust run right next to it under the same load (this VM's speed drifts by half between
// minutes). The Kotlin calls run on Dispatchers.Default, as an app's would; two cases repeat
// the sequential calls: in runBlocking, a thread waiting for each call as the Rust side's
// block_on does (the same thread hand-offs per call), and on Dispatchers.Unconfined, resumed on
// the runtime thread that finished the call (no hand-off back at all). Each run measures
// wall-clock and the CPU time of all the process's threads (the JVM's own included: the
// garbage collector's work is part of a call's cost). Prints a markdown table: medians over
// the runs, and the median of the runs' own ratios. A second table times two synchronous
// calls, which make no request: the cost of the crossing alone.
package ai.lumnis.bench

import ai.lumnis.CreateUserParams
import ai.lumnis.LumnisClient
import com.sun.jna.Library
import com.sun.jna.Native
import java.io.File
import java.lang.management.ManagementFactory
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext

private const val CALLS = 1_000
private const val RUNS = 9
private const val RUST_WARMUP_RUNS = 5
private const val MAX_KOTLIN_WARMUP_RUNS = 40
private const val EMAIL = "bench@example.com"
private const val SYNC_CALLS = 200_000

/** The entry points of examples/bench_rust.rs: microseconds per call, negative on failure. */
@Suppress("FunctionName")
private interface RustBench : Library {
    fun lumnisai_bench_sequential(calls: Int): Double

    fun lumnisai_bench_concurrent(calls: Int): Double

    fun lumnisai_bench_base_url(calls: Int): Double

    fun lumnisai_bench_for_user(calls: Int): Double
}

/** One measured stretch of calls: microseconds per call, wall-clock and CPU. */
private data class PerCall(val wall: Double, val cpu: Double)

private class Case(val name: String, val rust: suspend () -> Unit, val kotlin: suspend () -> Unit)

private class SyncCase(val name: String, val rust: () -> Unit, val kotlin: () -> Unit)

fun main() = runBlocking(Dispatchers.Default) {
    val rust = Native.load("bench_rust", RustBench::class.java)
    LumnisClient.fromEnv().use { client ->
        client.createUser(CreateUserParams(EMAIL))
        val cases = listOf(
            Case(
                "sequential",
                { check(rust.lumnisai_bench_sequential(CALLS) >= 0) { "the Rust run failed" } },
                { repeat(CALLS) { client.getUser(EMAIL) } },
            ),
            // The same calls from a coroutine that resumes wherever the runtime wakes it: the
            // crossing without the hop back to the caller's dispatcher thread.
            Case(
                "sequential, Unconfined",
                { check(rust.lumnisai_bench_sequential(CALLS) >= 0) { "the Rust run failed" } },
                { withContext(Dispatchers.Unconfined) { repeat(CALLS) { client.getUser(EMAIL) } } },
            ),
            // The calling thread waits in an event loop of its own, as Rust's block_on waits.
            Case(
                "sequential, runBlocking",
                { check(rust.lumnisai_bench_sequential(CALLS) >= 0) { "the Rust run failed" } },
                { runBlocking { repeat(CALLS) { client.getUser(EMAIL) } } },
            ),
            Case(
                "1,000 concurrent",
                { check(rust.lumnisai_bench_concurrent(CALLS) >= 0) { "the Rust run failed" } },
                { coroutineScope { List(CALLS) { async { client.getUser(EMAIL) } }.awaitAll() } },
            ),
        )
        warmUp(cases)

        val rustRuns = cases.associateWith { mutableListOf<PerCall>() }
        val kotlinRuns = cases.associateWith { mutableListOf<PerCall>() }
        repeat(RUNS) { run ->
            for (case in cases) {
                // Alternate which side goes first, so that neither always follows the other.
                if (run % 2 == 0) {
                    rustRuns.getValue(case) += measure(case.rust)
                    kotlinRuns.getValue(case) += measure(case.kotlin)
                } else {
                    kotlinRuns.getValue(case) += measure(case.kotlin)
                    rustRuns.getValue(case) += measure(case.rust)
                }
            }
        }
        printTable(cases, rustRuns, kotlinRuns)

        val syncCases = listOf(
            SyncCase(
                "baseUrl()",
                { check(rust.lumnisai_bench_base_url(SYNC_CALLS) >= 0) { "the Rust run failed" } },
                { repeat(SYNC_CALLS) { client.baseUrl() } },
            ),
            SyncCase(
                "forUser + close",
                { check(rust.lumnisai_bench_for_user(SYNC_CALLS) >= 0) { "the Rust run failed" } },
                { repeat(SYNC_CALLS) { client.forUser("u@example.com").close() } },
            ),
        )
        println()
        printSyncTable(syncCases)
    }
}

/** Warms both sides of each synchronous case up, then times them in alternating runs. */
private fun printSyncTable(cases: List<SyncCase>) {
    val micros = { calls: () -> Unit ->
        val started = System.nanoTime()
        calls()
        (System.nanoTime() - started) / 1e3 / SYNC_CALLS
    }
    repeat(RUST_WARMUP_RUNS) { cases.forEach { it.rust(); it.kotlin() } }
    println("| synchronous call x200,000, $RUNS runs | Rust core (µs/call) | Kotlin (µs/call) " +
        "| overhead (µs) |")
    println("| --- | --- | --- | --- |")
    for (case in cases) {
        val rust = mutableListOf<Double>()
        val kotlin = mutableListOf<Double>()
        repeat(RUNS) { run ->
            if (run % 2 == 0) {
                rust += micros(case.rust)
                kotlin += micros(case.kotlin)
            } else {
                kotlin += micros(case.kotlin)
                rust += micros(case.rust)
            }
        }
        val (r, k) = median(rust) to median(kotlin)
        println("| ${case.name} | %.3f | %.3f | %+.3f |".format(r, k, k - r))
    }
}

/**
 * Runs both sides until the JVM's compiler is done with the Kotlin side (a run in which it
 * compiled for less than 1% of the run's time, at most MAX_KOTLIN_WARMUP_RUNS): before that,
 * the JVM measures its own compiler, which shares the two cores with the server.
 */
private suspend fun warmUp(cases: List<Case>) {
    repeat(RUST_WARMUP_RUNS) { cases.forEach { it.rust() } }
    val jit = ManagementFactory.getCompilationMXBean()
    var runs = 0
    while (runs < MAX_KOTLIN_WARMUP_RUNS) {
        val compiledBefore = jit.totalCompilationTime
        val started = System.nanoTime()
        cases.forEach { it.kotlin() }
        val runMs = (System.nanoTime() - started) / 1e6
        runs++
        if (jit.totalCompilationTime - compiledBefore < runMs / 100) break
    }
    System.err.println("JIT warm-up: $runs runs")
}

private suspend fun measure(calls: suspend () -> Unit): PerCall {
    val (started, cpuBefore) = System.nanoTime() to processCpuNanos()
    calls()
    val cpu = processCpuNanos() - cpuBefore
    return PerCall((System.nanoTime() - started) / 1e3 / CALLS, cpu / 1e3 / CALLS)
}

private fun printTable(
    cases: List<Case>,
    rustRuns: Map<Case, List<PerCall>>,
    kotlinRuns: Map<Case, List<PerCall>>,
) {
    println("| getUser x1,000, $RUNS runs | Rust core (µs/call) | Kotlin (µs/call) " +
        "| overhead (µs/call) | ratio of medians | median of run ratios |")
    println("| --- | --- | --- | --- | --- | --- |")
    for (measureName in listOf("wall", "CPU")) {
        for (case in cases) {
            val pick = { p: PerCall -> if (measureName == "wall") p.wall else p.cpu }
            val rust = rustRuns.getValue(case).map(pick)
            val kotlin = kotlinRuns.getValue(case).map(pick)
            val (r, k) = median(rust) to median(kotlin)
            val runRatios = kotlin.zip(rust) { kt, rs -> kt / rs }
            println("| ${case.name}, $measureName | %.1f | %.1f | %+.1f | %.2fx | %.2fx |"
                .format(r, k, k - r, k / r, median(runRatios)))
        }
    }
}

private fun median(samples: List<Double>): Double = samples.sorted()[samples.size / 2]

/**
 * The CPU time all threads of this process have run, from the scheduler's nanosecond
 * counters. A thread that ends while they are read counts as none.
 */
private fun processCpuNanos(): Long =
    File("/proc/self/task").listFiles().orEmpty().sumOf { task ->
        runCatching { File(task, "schedstat").readText().substringBefore(' ').toLong() }
            .getOrDefault(0L)
    }
