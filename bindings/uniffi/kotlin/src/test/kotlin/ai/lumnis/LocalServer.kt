// The local Lumnis server as a test fixture: started from $LUMNIS_LOCAL_BIN on 127.0.0.1
// with fault injection, plus its control API (faults, request log, reset, settings).
package ai.lumnis

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject

const val KEY = "lumnis-local-key"

class LocalServer(vararg extra: String) : AutoCloseable {
    private val process: Process
    val baseUrl: String
    private val http = HttpClient.newHttpClient()

    init {
        val root = System.getProperty("lumnis.root") ?: "../../.."
        val bin = System.getenv("LUMNIS_LOCAL_BIN") ?: "$root/target/debug/lumnis-local"
        val command = listOf(bin, "--addr", "127.0.0.1:0", "--faults") + extra
        process = ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start()
        val out = process.inputStream.bufferedReader()
        val first = out.readLine() ?: error("lumnis-local printed nothing")
        baseUrl = first.removePrefix("listening on ").trim()
        // Drain the rest so the server never blocks on a full pipe.
        Thread { out.forEachLine { } }.apply { isDaemon = true }.start()
    }

    /** A client of this server; `maxRetries` and a short backoff keep fault tests fast. */
    fun client(
        key: String = KEY,
        maxRetries: Int? = null,
        timeoutMs: Long? = null,
        maxResponseBytes: Long? = null,
    ): LumnisClient =
        LumnisClient(
            key,
            ClientOptions(
                baseUrl = baseUrl,
                maxRetries = maxRetries,
                timeoutMs = timeoutMs,
                backoffInitialMs = 20,
                maxResponseBytes = maxResponseBytes,
            ),
        )

    private fun send(method: String, path: String, body: String? = null): String {
        val publisher = body?.let { HttpRequest.BodyPublishers.ofString(it) }
            ?: HttpRequest.BodyPublishers.noBody()
        val request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(method, publisher)
            .header("Content-Type", "application/json")
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() < 300) { "$method $path: ${response.body()}" }
        return response.body()
    }

    // Queues a fault: a JSON spec of method, path glob, kind, status, count, delay_ms, ...
    fun fault(spec: String) {
        send("POST", "/_control/faults", spec)
    }

    fun settings(spec: String) {
        send("PUT", "/_control/settings", spec)
    }

    /** Forgets every object, fault and logged request. */
    fun reset() {
        send("POST", "/_control/reset")
        send("DELETE", "/_control/faults")
        send("DELETE", "/_control/log")
    }

    /** The logged requests (control calls excluded), oldest first. */
    fun log(): List<JsonObject> {
        val body = Json.parseToJsonElement(send("GET", "/_control/log")).jsonObject
        return body["requests"]!!.jsonArray.map { it.jsonObject }
    }

    /** The logged requests of one method whose path starts with `prefix`. */
    fun requests(method: String, prefix: String): List<JsonObject> =
        log().filter {
            it["method"].toString().trim('"') == method &&
                it["path"].toString().trim('"').startsWith(prefix)
        }

    override fun close() {
        process.destroy()
        process.waitFor()
    }
}
