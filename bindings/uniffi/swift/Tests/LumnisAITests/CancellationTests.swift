// Cancellation from Swift. uniffi's Swift bindings await the Rust future through a
// continuation that does not observe Task cancellation, and they do not drop the future on
// Task.cancel(): a cancelled Task's call runs to its end (retries included) and returns its
// answer. These tests pin that limitation down, check that it leaves the client working, and
// check the explicit way to stop early: InvokeStream.cancel().
import Foundation
import LumnisAI
import XCTest

final class CancellationTests: ServerTestCase {
    func testATaskCancelDoesNotStopTheCallItsAnswerStillArrives() async throws {
        try await users("c@example.com")
        try await server.fault(#"{"path":"/v1/users/*","kind":"delay","delay_ms":600}"#)
        let client = self.client!
        let started = Date()
        let call = Task { try await client.getUser(idOrEmail: "c@example.com") }
        try await Task.sleep(nanoseconds: 100_000_000)
        call.cancel()
        let user = try await call.value
        XCTAssertEqual(user.email, "c@example.com")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.5)
    }

    func testATaskCancelDoesNotStopTheRetriesAndTheClientKeepsWorking() async throws {
        try await users("c@example.com")
        // Every attempt is slow and timed out, so the call retries until its limit.
        try await server.fault(
            #"{"path":"/v1/users/*","kind":"delay","delay_ms":1500,"count":5}"#)
        let c = try server.client(maxRetries: 3, timeoutMs: 400)
        let call = Task { try await c.getUser(idOrEmail: "c@example.com") }
        try await Task.sleep(nanoseconds: 150_000_000)
        call.cancel()
        let result = await call.result
        guard case let .failure(error as LumnisError) = result else {
            return XCTFail("expected the call's own timeout, got \(result)")
        }
        XCTAssertEqual(error.kind, "timeout")
        let attempts = try await server.requests("GET", "/v1/users/")
        XCTAssertEqual(attempts.count, 4, "all four attempts ran after the cancel")

        try await server.reset()
        let user = try await c.createUser(params: CreateUserParams(email: "after@example.com"))
        let read = try await c.getUser(idOrEmail: user.id)
        XCTAssertEqual(read.email, "after@example.com")
    }

    func testACancelledStreamStopsPollingWhileACancelledInvokeRunsOn() async throws {
        try await users("a@example.com")
        try await server.settings(#"{"agent_latency_ms":2000}"#)
        let client = self.client!
        let options = InvokeOptions(userId: "a@example.com", waitMs: 1000)
        let invoke = Task { try await client.invoke(prompt: "long", options: options) }
        try await Task.sleep(nanoseconds: 300_000_000)
        invoke.cancel()
        let response = try await invoke.value
        XCTAssertEqual(response.outputText, "Answer to: long", "Task.cancel() left it running")

        try await server.reset()
        try await users("a@example.com")
        try await server.settings(#"{"agent_latency_ms":4000}"#)
        let stream = try client.invokeStream(prompt: "long", options: options)
        let first = try await stream.next()
        XCTAssertEqual(first?.state, "processing")
        stream.cancel()
        let reads = try await server.requests("GET", "/v1/responses/").count
        try await Task.sleep(nanoseconds: 2_500_000_000)
        let later = try await server.requests("GET", "/v1/responses/").count
        XCTAssertEqual(later, reads, "the stream polled after cancel()")
        let posts = try await server.requests("POST", "/v1/responses")
        XCTAssertEqual(posts.count, 1)
    }

    func testValuesCrossIntactFromManyTasksAtOnceWithSomeCancelled() async throws {
        let client = self.client!
        let created = try await withThrowingTaskGroup(of: User.self) { group in
            for i in 1...200 {
                group.addTask {
                    try await client.createUser(params: CreateUserParams(
                        email: "many-\(i)@example.com", firstName: "First \(i)"))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(created.count, 200)
        for user in created {
            let local = try XCTUnwrap(user.email.split(separator: "@").first)
            let i = try XCTUnwrap(local.split(separator: "-").last)
            XCTAssertEqual(user.firstName, "First \(i)")
        }
        let cancelled = (0..<50).map { i in
            Task { try await client.getUser(idOrEmail: created[i].id) }
        }
        cancelled.forEach { $0.cancel() }
        let read = try await withThrowingTaskGroup(of: User.self) { group in
            for user in created {
                group.addTask { try await client.getUser(idOrEmail: user.id) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(Set(read.map(\.id)), Set(created.map(\.id)))
        XCTAssertEqual(
            Dictionary(uniqueKeysWithValues: read.map { ($0.id, $0) }),
            Dictionary(uniqueKeysWithValues: created.map { ($0.id, $0) }))
        for task in cancelled {
            let user = try await task.value
            XCTAssertTrue(user.email.hasPrefix("many-"))
        }
    }
}
