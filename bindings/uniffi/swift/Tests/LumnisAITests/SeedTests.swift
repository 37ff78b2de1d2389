// The seed documentation's examples, in Swift: the complete user management example, the
// multi-user conversation and the error handling snippet.
import Foundation
import LumnisAI
import XCTest

final class SeedTests: ServerTestCase {
    func testTheCompleteUserManagementExample() async throws {
        let people = [
            ("alice@example.com", "Alice", "Johnson"),
            ("bob@example.com", "Bob", "Smith"),
            ("charlie@example.com", "Charlie", "Brown"),
        ]
        for (email, first, last) in people {
            let params = CreateUserParams(email: email, firstName: first, lastName: last)
            let user = try await client.createUser(params: params)
            XCTAssertEqual(user.email, email)
        }
        let total = try await client.listUsers(pageSize: 100).total
        XCTAssertEqual(total, 3)

        let alice = client.forUser(user: "alice@example.com")
        let config = AgentConfig(coordinatorModelName: "openai:gpt-4.1", useCognitiveTools: true)
        let response = try await alice.invoke(
            prompt: "What are the latest AI trends?",
            options: InvokeOptions(agentConfig: config)
        )
        XCTAssertEqual(response.status, .succeeded)
        XCTAssertEqual(response.outputText, "Answer to: What are the latest AI trends?")
        let threads = try await alice.listThreads().threads
        XCTAssertEqual(threads.count, 1)

        let updated = try await client.updateUser(
            idOrEmail: "bob@example.com",
            params: UpdateUserParams(firstName: "Robert")
        )
        XCTAssertEqual(updated.firstName, "Robert")
        XCTAssertEqual(updated.lastName, "Smith")
        let read = try await client.getUser(idOrEmail: updated.id)
        XCTAssertEqual(read.email, "bob@example.com")
    }

    func testTheMultiUserConversation() async throws {
        let alice = try await client.createUser(
            params: CreateUserParams(email: "alice@example.com", firstName: "Alice"))
        let bob = try await client.createUser(
            params: CreateUserParams(email: "bob@example.com", firstName: "Bob"))

        let first = try await client.invoke(
            prompt: "What's the weather like?", options: InvokeOptions(userId: alice.email))
        let threadId = first.threadId
        let second = try await client.invoke(
            prompt: "What about tomorrow?",
            options: InvokeOptions(userId: bob.email, threadId: threadId)
        )
        XCTAssertEqual(second.threadId, threadId)

        let thread = try await client.getThread(threadId: threadId)
        XCTAssertEqual(thread.title, "What's the weather like?")
        XCTAssertEqual(thread.responseCount, 2)
        var lines: [String] = []
        for response in try await client.getThreadResponses(threadId: threadId) {
            let author = try await client.getUser(idOrEmail: try XCTUnwrap(response.userId))
            lines.append("\(author.firstName ?? "?"): \(response.outputText ?? "")")
        }
        XCTAssertEqual(lines, [
            "Alice: Answer to: What's the weather like?",
            "Bob: Answer to: What about tomorrow?",
        ])
    }

    func testTheErrorHandlingSnippetCreatesTheMissingUser() async throws {
        var created: User?
        do {
            _ = try await client.getUser(idOrEmail: "nonexistent@example.com")
        } catch let LumnisError.NotFound(_, status, requestId, _, _) {
            XCTAssertEqual(status, 404)
            XCTAssertNotNil(requestId)
            created = try await client.createUser(params: CreateUserParams(
                email: "nonexistent@example.com", firstName: "New", lastName: "User"))
        }
        XCTAssertEqual(created?.email, "nonexistent@example.com")
        let read = try await client.getUser(idOrEmail: "nonexistent@example.com")
        XCTAssertTrue(read.isActive)
    }
}
