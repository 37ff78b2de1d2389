// Hand-written Swift over the generated bindings: typed accessors for the JSON-text fields,
// the progress stream and the walk over every user as AsyncThrowingStreams, and the fields
// every LumnisError shares.
// Not compiled on the machine these bindings are built on (it has no Swift toolchain).
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
}

public extension LumnisClient {
    /// Every active user, page after page (`pageSize` 1 to 100). The stream pulls: the
    /// paging is the core's (`listAllUsers`), and a page is fetched only when the consumer
    /// reaches it.
    func allUsers(pageSize: UInt32 = 20) -> AsyncThrowingStream<User, Error> {
        let pages = listAllUsers(pageSize: pageSize)
        return AsyncThrowingStream(unfolding: { try await pages.next() })
    }
}

public extension InvokeStream {
    /// The entries as an `AsyncThrowingStream`. Cancelling the consuming `Task` calls
    /// `cancel()`, since uniffi does not drop the Rust future on `Task.cancel()`.
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
