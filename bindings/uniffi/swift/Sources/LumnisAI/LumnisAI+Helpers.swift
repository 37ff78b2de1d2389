// Hand-written Swift over the generated bindings: typed accessors for the JSON-text fields,
// the progress stream and the walk over every user as AsyncThrowingStreams, and the fields
// every LumnisError case shares (`kind`, `message`, `status`, `requestId`, `code`,
// `details`), as Lumnis.kt offers them in Kotlin.
// Compiled and tested on Linux by scripts/test-swift.sh (Tests/LumnisAITests); on Apple
// platforms it builds with the XCFramework.
import Foundation

private func parseJSON(_ text: String?) -> Any? {
    guard let data = text?.data(using: .utf8) else { return nil }
    return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
}

public extension User {
    /// The user's metadata, decoded from `metadataJson`.
    var metadata: Any? { parseJSON(metadataJson) }
}

public extension Response {
    /// The structured answer, decoded from `structuredResponseJson`.
    var structuredResponse: Any? { parseJSON(structuredResponseJson) }
    /// Why the run failed, decoded from `errorJson`.
    var error: Any? { parseJSON(errorJson) }
    /// What the run produced, decoded from `artifactsJson`.
    var artifacts: Any? { parseJSON(artifactsJson) }
}

public extension ProgressEntry {
    /// The tool calls of this step, each decoded from its entry of `toolCallsJson`.
    var toolCalls: [Any]? { toolCallsJson?.compactMap { parseJSON($0) } }
}

public extension FileContent {
    /// Extra facts about the file's text, decoded from `metadataJson`.
    var metadata: Any? { parseJSON(metadataJson) }
}

public extension Feedback {
    /// The new arguments the feedback gives its tool call, decoded from `toolArgsUpdateJson`.
    var toolArgsUpdate: Any? { parseJSON(toolArgsUpdateJson) }
}

public extension ResponseStatus {
    /// The wire name of the status: `succeeded`, `in_progress`, ...
    var wireName: String { responseStatusName(status: self) }
}

// `localizedDescription` is the message alone (uniffi.toml omits the generated conformance,
// which described the whole reflected enum).
extension LumnisError: LocalizedError {
    /// The sentence, then the HTTP status and request id when the server answered, as in
    /// Kotlin and Python: `User not found (HTTP 404, request req_...)`.
    public var errorDescription: String? {
        let answered = [status.map { "HTTP \($0)" }, requestId.map { "request \($0)" }]
            .compactMap { $0 }
        return answered.isEmpty ? message : "\(message) (\(answered.joined(separator: ", ")))"
    }
}

public extension LumnisError {
    /// The core's stable name of the kind: `not_found`, `rate_limit`, ...
    var kind: String { shared.kind }
    /// What went wrong, in one sentence.
    var message: String { shared.message }
    /// The HTTP status, when the server answered.
    var status: Int32? { shared.status }
    /// The server's `X-Request-ID`, when the server answered.
    var requestId: String? { shared.requestId }
    /// The server's error code, when it gave one.
    var code: String? { shared.code }
    /// The error details, decoded from their JSON text.
    var details: Any? { parseJSON(shared.detailsJson) }
    /// Whether the request was refused as invalid: `.Validation`, and the three refusals that
    /// Python and Node raise as subclasses of their `ValidationError` (`.MissingUserId`,
    /// `.TenantScopeUserIdConflict`, `.LocalFileNotSupported`).
    var isValidation: Bool {
        switch self {
        case .Validation, .MissingUserId, .TenantScopeUserIdConflict, .LocalFileNotSupported:
            return true
        default:
            return false
        }
    }

    // One switch for every accessor: the cases carry the same five fields, and a case added
    // by the bindgen then fails to compile here instead of being read wrongly.
    private var shared: (
        kind: String, message: String, status: Int32?, requestId: String?, code: String?,
        detailsJson: String?
    ) {
        switch self {
        case let .Authentication(message, status, requestId, code, detailsJson):
            return ("authentication", message, status, requestId, code, detailsJson)
        case let .NotFound(message, status, requestId, code, detailsJson):
            return ("not_found", message, status, requestId, code, detailsJson)
        case let .Validation(message, status, requestId, code, detailsJson):
            return ("validation", message, status, requestId, code, detailsJson)
        case let .RateLimit(message, status, requestId, code, detailsJson, _):
            return ("rate_limit", message, status, requestId, code, detailsJson)
        case let .Server(message, status, requestId, code, detailsJson):
            return ("server", message, status, requestId, code, detailsJson)
        case let .Transport(message, status, requestId, code, detailsJson):
            return ("transport", message, status, requestId, code, detailsJson)
        case let .Timeout(message, status, requestId, code, detailsJson, _):
            return ("timeout", message, status, requestId, code, detailsJson)
        case let .Decode(message, status, requestId, code, detailsJson):
            return ("decode", message, status, requestId, code, detailsJson)
        case let .BodyTooLarge(message, status, requestId, code, detailsJson):
            return ("body_too_large", message, status, requestId, code, detailsJson)
        case let .MissingUserId(message, status, requestId, code, detailsJson):
            return ("missing_user_id", message, status, requestId, code, detailsJson)
        case let .TenantScopeUserIdConflict(message, status, requestId, code, detailsJson):
            return ("tenant_scope_user_id_conflict", message, status, requestId, code,
                    detailsJson)
        case let .LocalFileNotSupported(message, status, requestId, code, detailsJson):
            return ("local_file_not_supported", message, status, requestId, code, detailsJson)
        case let .Config(message, status, requestId, code, detailsJson):
            return ("config", message, status, requestId, code, detailsJson)
        case let .Io(message, status, requestId, code, detailsJson):
            return ("io", message, status, requestId, code, detailsJson)
        }
    }
}

public extension LumnisClient {
    /// Every active user, page after page (`pageSize` 1 to 100). The stream pulls: the
    /// paging is the core's (`listAllUsers`), and a page is fetched only when the consumer
    /// reaches it.
    func allUsers(pageSize: Int32 = 20) -> AsyncThrowingStream<User, Error> {
        let pages = listAllUsers(pageSize: pageSize)
        return AsyncThrowingStream(unfolding: { try await pages.next() })
    }
}

public extension InvokeStream {
    /// The entries as an `AsyncThrowingStream`, read by a `Task` of its own. A consumer that
    /// stops (`break`, or its `Task` cancelled) ends that `Task` and the stream itself, so no
    /// poll of the run follows.
    var entries: AsyncThrowingStream<ProgressEntry, Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    while let entry = try await self.next() {
                        continuation.yield(entry)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in
                self.cancel()
                task.cancel()
            }
        }
    }
}
