// Hand-written Kotlin over the generated bindings: the progress stream and the walk over
// every user as Flows, an upload from an InputStream, typed accessors for the JSON-text
// fields, the fields every LumnisException variant shares, and the text of its message
// (patch_kotlin.py hooks errorText into the generated variants).
package ai.lumnis

import java.io.InputStream
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.onCompletion
import kotlinx.coroutines.withContext
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement

/**
 * The entries of this stream as a hot, single-use [Flow]: the run started at `invokeStream()`,
 * and the flow reads the stream's one sequence of entries, so a second collection (or one
 * after `next()` reached the end) yields nothing more. Cancelling the collecting coroutine
 * stops the reading at once (the run goes on on the server: see [InvokeStream.cancelRun]).
 */
fun InvokeStream.asFlow(): Flow<ProgressEntry> =
    flow {
        while (true) {
            val entry = next() ?: break
            emit(entry)
        }
    }.onCompletion { cause -> if (cause != null) cancel() }

/**
 * Every active user as a cold [Flow], page after page (`pageSize` 1 to 100). Each collection
 * walks anew with [LumnisClient.listAllUsers]: the paging is the core's, and a page is only
 * fetched when the collector reaches it. The walk's native handle is freed when the flow ends.
 */
fun LumnisClient.allUsers(pageSize: Int = 20): Flow<User> =
    flow {
        listAllUsers(pageSize).use { pages ->
            while (true) {
                val user = pages.next() ?: break
                emit(user)
            }
        }
    }

/**
 * Uploads what [stream] holds. The stream is read to its end first, on [Dispatchers.IO], so
 * that a failed attempt is resent whole with the same key, as an upload of bytes is; it stays
 * open (closing it is the caller's). A large file goes up better from its path with
 * [LumnisClient.uploadFilePath], which streams it from disk.
 */
suspend fun LumnisClient.uploadFile(
    stream: InputStream,
    options: UploadOptions? = null,
): FileUploadResult = uploadFile(withContext(Dispatchers.IO) { stream.readBytes() }, options)

private fun parse(text: String?): JsonElement? = text?.let { Json.parseToJsonElement(it) }

/** The user's metadata as JSON. */
val User.metadata: JsonElement? get() = parse(metadataJson)

/** The structured answer as JSON, when a response format was given. */
val Response.structuredResponse: JsonElement? get() = parse(structuredResponseJson)

/** Why the run failed, as JSON. */
val Response.error: JsonElement? get() = parse(errorJson)

/** What the run produced, as JSON. */
val Response.artifacts: JsonElement? get() = parse(artifactsJson)

/** The tool calls of this step as JSON. */
val ProgressEntry.toolCalls: List<JsonElement>?
    get() = toolCallsJson?.map { Json.parseToJsonElement(it) }

/** Extra facts about a file's text, as JSON. */
val FileContent.metadata: JsonElement? get() = parse(metadataJson)

/** The new arguments the feedback gives its tool call, as JSON. */
val Feedback.toolArgsUpdate: JsonElement? get() = parse(toolArgsUpdateJson)

/** The wire name of a status: `succeeded`, `in_progress`, ... */
val ResponseStatus.wireName: String get() = responseStatusName(this)

/** What every [LumnisException] variant carries. */
data class ErrorFields(
    val kind: String,
    val errorMessage: String,
    val status: Int?,
    val requestId: String?,
    val code: String?,
    val detailsJson: String?,
)

/** The fields of this error, whatever its variant. */
val LumnisException.fields: ErrorFields
    get() =
        when (this) {
            is LumnisException.Authentication ->
                ErrorFields("authentication", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.NotFound ->
                ErrorFields("not_found", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.Validation ->
                ErrorFields("validation", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.RateLimit ->
                ErrorFields("rate_limit", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.Server ->
                ErrorFields("server", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.Transport ->
                ErrorFields("transport", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.Timeout ->
                ErrorFields("timeout", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.Decode ->
                ErrorFields("decode", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.BodyTooLarge ->
                ErrorFields("body_too_large", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.MissingUserId ->
                ErrorFields("missing_user_id", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.TenantScopeUserIdConflict ->
                ErrorFields(
                    "tenant_scope_user_id_conflict", errorMessage, status, requestId, code,
                    detailsJson,
                )
            is LumnisException.LocalFileNotSupported ->
                ErrorFields(
                    "local_file_not_supported", errorMessage, status, requestId, code,
                    detailsJson,
                )
            is LumnisException.Config ->
                ErrorFields("config", errorMessage, status, requestId, code, detailsJson)
            is LumnisException.Io ->
                ErrorFields("io", errorMessage, status, requestId, code, detailsJson)
        }

/** The core's stable name of the kind: `not_found`, `rate_limit`, ... */
val LumnisException.kind: String get() = fields.kind

/**
 * Whether the request was refused as invalid: [LumnisException.Validation], and the three
 * refusals that Python and Node raise as subclasses of their `ValidationError`
 * ([LumnisException.MissingUserId], [LumnisException.TenantScopeUserIdConflict],
 * [LumnisException.LocalFileNotSupported]). A port of `catch (e) { if (e instanceof
 * ValidationError) ... }` tests this.
 */
val LumnisException.isValidation: Boolean
    get() =
        this is LumnisException.Validation || this is LumnisException.MissingUserId ||
            this is LumnisException.TenantScopeUserIdConflict ||
            this is LumnisException.LocalFileNotSupported

/** The error details as JSON. */
val LumnisException.details: JsonElement? get() = parse(fields.detailsJson)

/** What went wrong, in one sentence: [Throwable.message] without the status and request id. */
val LumnisException.errorMessage: String get() = fields.errorMessage

/** The HTTP status, when the server answered. */
val LumnisException.status: Int? get() = fields.status

/** The server's `X-Request-ID`, when the server answered. */
val LumnisException.requestId: String? get() = fields.requestId

/** The server's error code, when it gave one. */
val LumnisException.code: String? get() = fields.code

/**
 * The `message` of every [LumnisException]: the core's message, then the status and request
 * id when there are any, as `not found (HTTP 404, request req_1)`. The other fields stay out
 * of it (details can be long); they are read one by one.
 */
internal fun errorText(errorMessage: String, status: Int?, requestId: String?): String {
    val facts = listOfNotNull(status?.let { "HTTP $it" }, requestId?.let { "request $it" })
    return if (facts.isEmpty()) errorMessage else "$errorMessage (${facts.joinToString()})"
}
