// invoke with and without the progress stream: the entries stream, the final entry,
// structured answers, failed runs returned (not thrown), and stopping a stream: explicitly,
// by leaving the loop, or by cancelling the consuming Task.
import Foundation
import LumnisAI
import XCTest

final class InvokeTests: ServerTestCase {
    private let alice = InvokeOptions(userId: "alice@example.com")

    override func setUp() async throws {
        try await super.setUp()
        try await users("alice@example.com")
    }

    func testInvokeReturnsTheFinalResponse() async throws {
        let response = try await client.invoke(prompt: "Hello there", options: alice)
        XCTAssertEqual(response.status, .succeeded)
        XCTAssertEqual(response.status.wireName, "succeeded")
        XCTAssertEqual(ResponseStatus.inProgress.wireName, "in_progress")
        XCTAssertEqual(response.outputText, "Answer to: Hello there")
        XCTAssertGreaterThanOrEqual(response.progress.count, 3)
        XCTAssertNotNil(response.completedAt)
        XCTAssertNil(response.error)
    }

    func testAConversationAnswersItsLastUserMessage() async throws {
        let messages = [
            Message(role: .system, content: "Be brief."),
            Message(role: .user, content: "First question"),
            Message(role: .assistant, content: "An answer"),
            Message(role: .user, content: "Second question"),
        ]
        let response = try await client.invokeMessages(messages: messages, options: alice)
        XCTAssertEqual(response.outputText, "Answer to: Second question")
        XCTAssertEqual(response.inputMessages.count, 4)
        XCTAssertEqual(response.inputMessages.map(\.role), [.system, .user, .assistant, .user])
    }

    func testTheProgressStreamYieldsEachStepThenCompleted() async throws {
        let stream = try client.invokeStream(prompt: "Stream me", options: alice)
        var entries: [ProgressEntry] = []
        for try await entry in stream.entries {
            entries.append(entry)
        }
        XCTAssertEqual(entries.first?.state, "processing")
        let toolCalls = entries.filter { $0.state == "tool_call" }.flatMap { $0.toolCalls ?? [] }
        let names = toolCalls.compactMap { ($0 as? [String: Any])?["name"] as? String }
        XCTAssertTrue(names.contains("local_search"), "\(toolCalls)")
        let last = try XCTUnwrap(entries.last)
        XCTAssertEqual(last.state, "completed")
        XCTAssertEqual(last.outputText, "Answer to: Stream me")
        let response = try XCTUnwrap(stream.response())
        XCTAssertEqual(response.status, .succeeded)
        XCTAssertEqual(stream.responseId(), response.responseId)
        let after = try await stream.next()
        XCTAssertNil(after)
    }

    func testAStructuredAnswerFollowsTheSchema() async throws {
        let schema = #"""
            {"type":"object","properties":{"city":{"type":"string"},
            "days":{"type":"integer","minimum":3}}}
            """#
        var options = alice
        options.responseFormatJson = schema
        let response = try await client.invoke(prompt: "Weather in Paris", options: options)
        let answer = try XCTUnwrap(response.structuredResponse as? [String: Any])
        XCTAssertEqual(answer["city"] as? String, "city:Weather in Paris")
        XCTAssertEqual(answer["days"] as? Int, 3)
    }

    func testAFailedRunIsReturnedWithItsError() async throws {
        let response = try await client.invoke(prompt: "please [fail]", options: alice)
        XCTAssertEqual(response.status, .failed)
        let error = try XCTUnwrap(response.error as? [String: Any])
        XCTAssertEqual(error["code"] as? String, "AGENT_FAILED")
        XCTAssertNil(response.outputText)
        let stream = try client.invokeStream(prompt: "again [fail]", options: alice)
        var states: [String] = []
        for try await entry in stream.entries { states.append(entry.state) }
        XCTAssertEqual(states.last, "failed")
    }

    func testCancelEndsTheStreamAtOnceAndCancelRunStopsTheRun() async throws {
        try await server.settings(#"{"agent_latency_ms":3000}"#)
        let stream = try client.invokeStream(prompt: "Long task", options: alice)
        let first = try await stream.next()
        XCTAssertEqual(first?.state, "processing")
        let cancelled = try await stream.cancelRun(client: client)
        XCTAssertTrue(cancelled)
        let next = try await stream.next()
        XCTAssertNil(next)
        let id = try XCTUnwrap(stream.responseId())
        let response = try await client.getResponse(responseId: id)
        XCTAssertEqual(response.status, .cancelled)
    }

    func testCancelRunRightAfterInvokeStreamWaitsForTheRunAndCancelsIt() async throws {
        try await server.settings(#"{"agent_latency_ms":3000}"#)
        let stream = try client.invokeStream(prompt: "Cancelled before it is read", options: alice)
        let cancelled = try await stream.cancelRun(client: client)
        XCTAssertTrue(cancelled)
        let next = try await stream.next()
        XCTAssertNil(next)
        let id = try XCTUnwrap(stream.responseId())
        let response = try await client.getResponse(responseId: id)
        XCTAssertEqual(response.status, .cancelled)
    }

    func testCancelEndsAPendingNextAtOnce() async throws {
        try await server.settings(#"{"agent_latency_ms":4000}"#)
        let stream = try client.invokeStream(prompt: "Long task", options: alice)
        let first = try await stream.next()
        XCTAssertEqual(first?.state, "processing")
        // The next entry is a second away; cancel() from elsewhere must end the wait now.
        let pending = Task { try await stream.next() }
        try await Task.sleep(nanoseconds: 150_000_000)
        let started = Date()
        stream.cancel()
        let entry = try await pending.value
        XCTAssertNil(entry)
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, "the cancel was not prompt")
        let id = try XCTUnwrap(stream.responseId())
        let response = try await client.getResponse(responseId: id)
        XCTAssertNotEqual(response.status, .cancelled, "cancel() leaves the run going")
    }

    func testAConsumerThatStopsEarlyStopsTheStream() async throws {
        let stream = try client.invokeStream(prompt: "Only the first step", options: alice)
        var first: [ProgressEntry] = []
        for try await entry in stream.entries {
            first.append(entry)
            break
        }
        XCTAssertEqual(first.map(\.state), ["processing"])
        let next = try await stream.next()
        XCTAssertNil(next)
    }

    func testCancellingTheConsumingTaskStopsTheStream() async throws {
        try await server.settings(#"{"agent_latency_ms":4000}"#)
        let stream = try client.invokeStream(prompt: "Long task", options: alice)
        let consumer = Task { () -> [String] in
            var states: [String] = []
            for try await entry in stream.entries { states.append(entry.state) }
            return states
        }
        try await Task.sleep(nanoseconds: 1_500_000_000)
        let started = Date()
        consumer.cancel()
        let states = try await consumer.value
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, "the cancel was not prompt")
        XCTAssertEqual(states, ["processing"])
        let next = try await stream.next()
        XCTAssertNil(next)
    }

    func testResponsesAreListedAndReadBack() async throws {
        let done = try await client.invoke(prompt: "One", options: alice)
        let list = try await client.listResponses(
            params: ListResponsesParams(userId: "alice@example.com"))
        XCTAssertEqual(list.total, 1)
        XCTAssertEqual(list.responses.map(\.responseId), [done.responseId])
        let read = try await client.getResponse(responseId: done.responseId, waitMs: 1000)
        XCTAssertEqual(read.outputText, "Answer to: One")
    }

    func testArtifactsAndFeedbackOfARun() async throws {
        let done = try await client.invoke(prompt: "Make an artifact", options: alice)
        let artifacts = try await client.getResponseArtifacts(
            responseId: done.responseId, limit: 5, offset: 0)
        let page = try JSONSerialization.jsonObject(with: Data(artifacts.utf8)) as? [String: Any]
        XCTAssertEqual(page?["response_id"] as? String, done.responseId)

        let given = try await client.createFeedback(
            responseId: done.responseId,
            feedback: FeedbackParams(
                feedbackText: "Shorter, please", toolArgsUpdateJson: #"{"k":1}"#))
        XCTAssertNotNil(given.createdAt)
        _ = try await client.createFeedback(
            responseId: done.responseId,
            feedback: FeedbackParams(
                feedbackText: "On step two", feedbackType: .guidance, progressId: "Step-2"))

        let all = try await client.listFeedback(responseId: done.responseId)
        XCTAssertEqual(all.feedback.map(\.feedbackText), ["Shorter, please", "On step two"])
        XCTAssertEqual([all.totalFeedback, all.consumedCount, all.unconsumedCount], [2, 0, 2])
        XCTAssertNil(all.progressIdFilter)
        XCTAssertEqual(all.feedback.first?.feedbackId, given.feedbackId)
        XCTAssertEqual(all.feedback.map(\.feedbackType), ["suggestion", "guidance"])
        XCTAssertEqual((all.feedback.first?.toolArgsUpdate as? [String: Any])?["k"] as? Int, 1)

        let step = try await client.listFeedback(responseId: done.responseId, progressId: "step-2")
        XCTAssertEqual(step.feedback.map(\.feedbackText), ["On step two"])
        XCTAssertEqual(step.progressIdFilter, "step-2")
        try await expectError("validation") {
            _ = try await client.listFeedback(responseId: done.responseId, progressId: " ")
        }
    }
}
