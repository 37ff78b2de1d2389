// The base of the suites: the shared local server, its state reset before each test, a
// client of it, and the assertion that a call throws a LumnisError of a given kind.
import Foundation
import LumnisAI
import XCTest

class ServerTestCase: XCTestCase {
    var server: LocalServer { LocalServer.shared }
    private(set) var client: LumnisClient!

    override func setUp() async throws {
        try await super.setUp()
        try await server.reset()
        client = try server.client()
    }

    override func tearDown() async throws {
        client = nil
        try await super.tearDown()
    }

    /// Creates these users, for the calls that need them to exist.
    func users(_ emails: String...) async throws {
        for email in emails {
            _ = try await client.createUser(params: CreateUserParams(email: email))
        }
    }

    /// Runs `block`, expects it to throw a `LumnisError` of `kind`, and returns the error.
    @discardableResult
    func expectError(
        _ kind: String,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ block: () async throws -> Void
    ) async throws -> LumnisError {
        do {
            try await block()
        } catch let error as LumnisError {
            XCTAssertEqual(error.kind, kind, String(reflecting: error), file: file, line: line)
            return error
        }
        XCTFail("expected a \(kind) error", file: file, line: line)
        throw ControlError(description: "expected a \(kind) error")
    }
}
