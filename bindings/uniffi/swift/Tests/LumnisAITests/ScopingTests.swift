// Scoping through the binding: a user-bound view (forUser) applies its user to threads and
// runs, an explicit user wins over the bound one, and every view shares one pool.
import Foundation
import LumnisAI
import XCTest

final class ScopingTests: ServerTestCase {
    func testABoundViewSeesOnlyItsUsersThreads() async throws {
        try await users("alice@example.com", "bob@example.com")
        let alice = client.forUser(user: "alice@example.com")
        let bob = client.forUser(user: "bob@example.com")
        _ = try await alice.invoke(prompt: "from alice")
        _ = try await alice.createThread(title: "second")
        _ = try await bob.invoke(prompt: "from bob")

        let aliceThreads = try await alice.listThreads().threads
        XCTAssertEqual(aliceThreads.count, 2)
        let bobThreads = try await bob.listThreads().threads
        XCTAssertEqual(bobThreads.count, 1)
        let total = try await client.listThreads().total
        XCTAssertEqual(total, 3)
        XCTAssertEqual(alice.userId(), "alice@example.com")
        XCTAssertNil(client.userId())
        XCTAssertEqual(alice.scope(), .user)
        XCTAssertEqual(client.scope(), .tenant)
        XCTAssertTrue(alice.sharesPoolWith(other: bob))
        XCTAssertTrue(alice.sharesPoolWith(other: client))
        let other = try server.client()
        XCTAssertFalse(other.sharesPoolWith(other: client))

        let renamed = try await alice.updateThread(
            threadId: try XCTUnwrap(aliceThreads.first).threadId, title: "renamed")
        XCTAssertEqual(renamed.title, "renamed")
        _ = try await alice.deleteThread(threadId: renamed.threadId)
        let left = try await alice.listThreads().threads
        XCTAssertEqual(left.count, 1)
    }

    func testAnExplicitUserWinsOverTheBoundOne() async throws {
        try await users("amy@example.com", "bob@example.com")
        let bob = client.forUser(user: "bob@example.com")
        let amy = try await client.getUser(idOrEmail: "amy@example.com")
        let response = try await bob.invoke(
            prompt: "for amy", options: InvokeOptions(userId: "amy@example.com"))
        XCTAssertEqual(response.userId, amy.id)
    }

    func testAUserSwitchesTenantScopeToUserScope() async throws {
        try await users("amy@example.com")
        let amy = try await client.getUser(idOrEmail: "amy@example.com")
        let options = InvokeOptions(userId: "amy@example.com", scope: .tenant)
        let response = try await client.invoke(prompt: "for amy", options: options)
        XCTAssertEqual(response.userId, amy.id)
    }
}
