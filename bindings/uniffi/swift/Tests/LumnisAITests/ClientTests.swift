// The client itself: health, its base URL, and per-call options (withOptions) that apply to
// the derived view only.
import Foundation
import LumnisAI
import XCTest

final class ClientTests: ServerTestCase {
    func testHealthAnswersAndTheBaseUrlHasNoTrailingSlash() async throws {
        let health = try await client.health()
        XCTAssertFalse(health.isEmpty)
        XCTAssertEqual(client.baseUrl(), server.baseUrl)
        let slashed = try LumnisClient(
            apiKey: KEY, options: ClientOptions(baseUrl: server.baseUrl + "/"))
        XCTAssertEqual(slashed.baseUrl(), server.baseUrl)
    }

    func testWithOptionsAppliesItsTimeoutToTheViewOnly() async throws {
        try await users("w@example.com")
        let hasty = try client.withOptions(options: CallOptions(timeoutMs: 200, maxRetries: 0))
        XCTAssertTrue(hasty.sharesPoolWith(other: client))
        try await server.fault(#"{"path":"/v1/users/*","kind":"delay","delay_ms":700,"count":2}"#)
        try await expectError("timeout") { _ = try await hasty.getUser(idOrEmail: "w@example.com") }
        let user = try await client.getUser(idOrEmail: "w@example.com")
        XCTAssertEqual(user.email, "w@example.com")
    }
}
