// Cancellation from Swift. uniffi's Swift does not look at Task cancellation; the edits of
// scripts/patch_swift.py make a cancelled Task cancel the Rust future, which drops the request
// mid-flight (no retry follows) and throws CancellationError, as cancelling a Kotlin
// coroutine does. These tests check that, that the client keeps working after it, and the
// explicit way to stop a progress stream: InvokeStream.cancel().
import Foundation
import LumnisAI
import XCTest

final class CancellationTests: ServerTestCase {
    func testACancelledCallThrowsAtOnceAndMakesNoFurtherAttempt() async throws {
        try await users("c@example.com")
        // Every attempt would be slow and timed out, so an uncancelled call would retry.
        try await server.fault(
            #"{"path":"/v1/users/*","kind":"delay","delay_ms":1500,"count":5}"#)
        let c = try server.client(maxRetries: 3, timeoutMs: 400)
        let call = Task { try await c.getUser(idOrEmail: "c@example.com") }
        try await Task.sleep(nanoseconds: 150_000_000)
        let started = Date()
        call.cancel()
        let result = await call.result
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.2, "the cancel was not prompt")
        guard case .failure(let error) = result, error is CancellationError else {
            return XCTFail("expected CancellationError, got \(result)")
        }
        try await Task.sleep(nanoseconds: 1_500_000_000)
        let attempts = try await server.requests("GET", "/v1/users/")
        XCTAssertEqual(attempts.count, 1, "an attempt followed the cancel")

        try await server.reset()
        let user = try await c.createUser(params: CreateUserParams(email: "after@example.com"))
        let read = try await c.getUser(idOrEmail: user.id)
        XCTAssertEqual(read.email, "after@example.com")
    }

    func testACallInACancelledTaskThrowsBeforeAnyRequest() async throws {
        let client = self.client!
        let call = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.getUser(idOrEmail: "nobody@example.com")
        }
        let result = await call.result
        guard case .failure(let error) = result, error is CancellationError else {
            return XCTFail("expected CancellationError, got \(result)")
        }
        let sent = try await server.requests("GET", "/v1/users/")
        XCTAssertEqual(sent.count, 0)
    }

    func testACancelledInvokeStopsPolling() async throws {
        try await users("a@example.com")
        try await server.settings(#"{"agent_latency_ms":4000}"#)
        let client = self.client!
        let options = InvokeOptions(userId: "a@example.com", waitMs: 1000)
        let invoke = Task { try await client.invoke(prompt: "long", options: options) }
        try await Task.sleep(nanoseconds: 600_000_000)
        invoke.cancel()
        let result = await invoke.result
        guard case .failure(let error) = result, error is CancellationError else {
            return XCTFail("expected CancellationError, got \(result)")
        }
        try await assertPollingStopped("the invoke polled after its Task was cancelled")
    }

    func testACancelledStreamStopsPolling() async throws {
        try await users("a@example.com")
        try await server.settings(#"{"agent_latency_ms":4000}"#)
        let client = self.client!
        let options = InvokeOptions(userId: "a@example.com", waitMs: 1000)
        let stream = try client.invokeStream(prompt: "long", options: options)
        let first = try await stream.next()
        XCTAssertEqual(first?.state, "processing")
        stream.cancel()
        try await assertPollingStopped("the stream polled after cancel()")
    }

    /// No poll of the run in the next 2.5 s, and the one POST that started it.
    private func assertPollingStopped(_ message: String) async throws {
        let reads = try await server.requests("GET", "/v1/responses/").count
        try await Task.sleep(nanoseconds: 2_500_000_000)
        let later = try await server.requests("GET", "/v1/responses/").count
        XCTAssertEqual(later, reads, message)
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
        // Each cancelled read either finished first, with its own user, or was cancelled.
        for (i, task) in cancelled.enumerated() {
            switch await task.result {
            case .success(let user):
                XCTAssertEqual(user, created[i])
            case .failure(let error):
                XCTAssertTrue(error is CancellationError, "\(error)")
            }
        }
    }
}
