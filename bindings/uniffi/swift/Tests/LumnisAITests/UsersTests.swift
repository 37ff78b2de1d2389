// Users through the binding: upsert (create-or-get by email), metadata as JSON, pagination
// (one page at a time, and every page as the allUsers stream), update and delete.
import Foundation
import LumnisAI
import XCTest

final class UsersTests: ServerTestCase {
    func testAnUpsertWithTheSameEmailInAnotherCaseReturnsTheSameUser() async throws {
        let first = try await client.createUser(
            params: CreateUserParams(email: "alice@example.com", firstName: "Alice"))
        let again = try await client.createUser(
            params: CreateUserParams(email: "ALICE@example.com", firstName: "Other"))
        XCTAssertEqual(again.id, first.id)
        let total = try await client.listUsers().total
        XCTAssertEqual(total, 1)
        let posts = try await server.requests("POST", "/v1/users")
        XCTAssertEqual(posts.count, 2)
    }

    func testMetadataKeepsItsKeysAndReadsBackAsJSON() async throws {
        let metadata = #"{"plan_tier":"pro","camelKey":[1,2]}"#
        let user = try await client.createUser(
            params: CreateUserParams(email: "meta@example.com", metadataJson: metadata))
        let read = try await client.getUser(idOrEmail: user.id)
        let object = try XCTUnwrap(read.metadata as? [String: Any])
        XCTAssertEqual(object["plan_tier"] as? String, "pro")
        XCTAssertEqual((object["camelKey"] as? [Int]), [1, 2])
    }

    func testMetadataThatIsNotJSONIsRefusedBeforeAnyRequest() async throws {
        try await expectError("validation") {
            _ = try await self.client.createUser(
                params: CreateUserParams(email: "bad@example.com", metadataJson: "{nope"))
        }
        let log = try await server.log()
        XCTAssertTrue(log.isEmpty)
    }

    func testPagesWalkEveryUserOnce() async throws {
        for i in 1...5 { try await users("user\(i)@example.com") }
        var seen: [String] = []
        var page: Int32 = 1
        while true {
            let list = try await client.listUsers(page: page, pageSize: 2)
            XCTAssertEqual(list.pagination.total, 5)
            XCTAssertEqual(list.pagination.totalPages, 3)
            XCTAssertEqual(list.pagination.hasPrev, page > 1)
            seen += list.users.map(\.email)
            if !list.pagination.hasNext { break }
            page += 1
        }
        XCTAssertEqual(Set(seen).count, 5)
        XCTAssertEqual(seen.count, 5)
        XCTAssertEqual(page, 3)
    }

    func testADeletedUserIsGone() async throws {
        try await users("gone@example.com")
        _ = try await client.deleteUser(idOrEmail: "gone@example.com")
        try await expectError("not_found") {
            _ = try await self.client.getUser(idOrEmail: "gone@example.com")
        }
        let total = try await client.listUsers().total
        XCTAssertEqual(total, 0)
    }

    func testAnUpdateChangesOnlyTheFieldsGiven() async throws {
        _ = try await client.createUser(params: CreateUserParams(
            email: "bob@example.com", firstName: "Bob", lastName: "Smith"))
        let updated = try await client.updateUser(
            idOrEmail: "bob@example.com", params: UpdateUserParams(firstName: "Robert"))
        XCTAssertEqual(updated.firstName, "Robert")
        XCTAssertEqual(updated.lastName, "Smith")
        XCTAssertNotNil(updated.updatedAt)
    }

    func testAllUsersWalksEveryPageAndFetchesAPageOnlyWhenItIsReached() async throws {
        let emails = (1...5).map { "page\($0)@example.com" }
        for email in emails { try await users(email) }
        let before = try await server.requests("GET", "/v1/users").count
        var walked: [String] = []
        for try await user in client.allUsers(pageSize: 2) {
            walked.append(user.email)
        }
        XCTAssertEqual(walked.sorted(), emails.sorted())
        let afterWalk = try await server.requests("GET", "/v1/users").count
        XCTAssertEqual(afterWalk - before, 3)

        var first: [User] = []
        for try await user in client.allUsers(pageSize: 2) {
            first.append(user)
            break
        }
        XCTAssertEqual(first.count, 1)
        let afterOne = try await server.requests("GET", "/v1/users").count
        XCTAssertEqual(afterOne - before, 4)
    }

    func testAllUsersWithABadPageSizeFailsBeforeAnyRequest() async throws {
        try await expectError("validation") {
            for try await _ in self.client.allUsers(pageSize: 0) {}
        }
        let gets = try await server.requests("GET", "/v1/users")
        XCTAssertTrue(gets.isEmpty)
    }
}
