// Every error kind through the binding, typed, with its status, request id, message, code
// and details; validation before any request; decode errors that leave the client working;
// no key in any output.
import Foundation
import LumnisAI
import XCTest

final class ErrorsTests: ServerTestCase {
    func testAWrongKeyIsAnAuthenticationErrorWithTheRequestId() async throws {
        let secret = "sk-swift-wrong-secret-key"
        let wrong = try server.client(key: secret)
        let error = try await expectError("authentication") {
            _ = try await wrong.getUser(idOrEmail: "a@example.com")
        }
        guard case let .Authentication(message, status, requestId, code, _) = error else {
            return XCTFail("not an Authentication case: \(error)")
        }
        XCTAssertEqual(status, 401)
        XCTAssertEqual(error.status, 401)
        XCTAssertEqual(code, "UNAUTHORIZED")
        XCTAssertEqual(error.code, "UNAUTHORIZED")
        let id = try XCTUnwrap(requestId)
        XCTAssertTrue(id.hasPrefix("req_"), id)
        XCTAssertEqual(error.requestId, id)
        XCTAssertFalse(message.isEmpty)
        XCTAssertEqual(error.message, message)
        let shown = [
            String(reflecting: error), String(describing: error), error.localizedDescription,
            message, String(describing: wrong),
        ]
        for text in shown {
            XCTAssertFalse(text.contains(secret), text)
        }
    }

    func testTheClientsDescriptionNeverShowsTheKey() throws {
        let secret = "sk-swift-secret-in-description"
        let c = try LumnisClient(apiKey: secret, options: ClientOptions(baseUrl: server.baseUrl))
        let shown = try "\(c) \(c.forUser(user: "a@example.com")) "
            + String(reflecting: c.withOptions(options: CallOptions()))
        XCTAssertTrue(shown.contains("redacted"), shown)
        XCTAssertFalse(shown.contains(secret), shown)
    }

    func testAMissingUserIsNotFound() async throws {
        let error = try await expectError("not_found") {
            _ = try await self.client.getUser(idOrEmail: "nobody@example.com")
        }
        guard case .NotFound = error else { return XCTFail("not a NotFound case: \(error)") }
        XCTAssertEqual(error.status, 404)
        XCTAssertEqual(error.code, "NOT_FOUND")
        XCTAssertNotNil(error.requestId)
    }

    func testBadArgumentsAreRefusedBeforeAnyRequest() async throws {
        let client = self.client!
        try await expectError("validation") {
            _ = try await client.createUser(params: CreateUserParams(email: "not-an-email"))
        }
        try await expectError("validation") { _ = try await client.listUsers(page: 1, pageSize: 0) }
        let tooBig = try await expectError("validation") {
            _ = try await client.listUsers(page: 1, pageSize: 101)
        }
        XCTAssertNil(tooBig.status, "a refusal before sending has no status")
        XCTAssertNil(tooBig.requestId)
        try await expectError("validation") { _ = try await client.invokeMessages(messages: []) }
        let noUser = try await expectError("missing_user_id") {
            _ = try await self.server.client(scope: .user).invoke(prompt: "hi")
        }
        let localFile = try await expectError("local_file_not_supported") {
            let local = InvokeOptions(userId: "a@example.com", files: ["/tmp/a.pdf"])
            _ = try await client.invoke(prompt: "hi", options: local)
        }
        // What Python and Node raise as a ValidationError.
        XCTAssertTrue(tooBig.isValidation && noUser.isValidation && localFile.isValidation)
        let log = try await server.log()
        XCTAssertTrue(log.isEmpty, "\(log)")
        let missing = try await expectError("not_found") {
            _ = try await client.getUser(idOrEmail: "nobody@example.com")
        }
        XCTAssertFalse(missing.isValidation)
    }

    func testANegativeCountIsRefusedBeforeAnyRequestNamingIt() async throws {
        let client = self.client!
        let error = try await expectError("validation") {
            _ = try await client.listUsers(page: 1, pageSize: -1)
        }
        XCTAssertTrue(error.message.contains("pageSize"), error.message)
        XCTAssertNil(error.status)
        try await expectError("validation") { _ = try await client.listUsers(page: -1) }
        try await expectError("validation") {
            for try await _ in client.allUsers(pageSize: -1) {}
        }
        try await expectError("validation") {
            _ = try await client.listThreads(params: ListThreadsParams(limit: -1))
        }
        try await expectError("validation") {
            _ = try await client.listFiles(params: ListFilesParams(limit: -5))
        }
        try await expectError("validation") {
            _ = try await client.getResponse(responseId: "r", waitMs: -1)
        }
        // Client options fail as the core's own bad options do, with a config error.
        try await expectError("config") { _ = try self.server.client(timeoutMs: -1) }
        try await expectError("config") {
            _ = try client.withOptions(options: CallOptions(maxRetries: -1))
        }
        let log = try await server.log()
        XCTAssertTrue(log.isEmpty, "\(log)")
    }

    func testA422FromTheServerIsAValidationErrorTriedOnce() async throws {
        try await server.fault(
            #"{"method":"POST","path":"/v1/users","kind":"status","status":422}"#)
        let error = try await expectError("validation") {
            _ = try await self.client.createUser(params: CreateUserParams(email: "v@example.com"))
        }
        XCTAssertEqual(error.status, 422)
        XCTAssertEqual(error.code, "VALIDATION_ERROR")
        let attempts = try await server.requests("POST", "/v1/users")
        XCTAssertEqual(attempts.count, 1)
    }

    func testALongRetryAfterIsRaisedAsARateLimitWithTheWait() async throws {
        try await server.fault(
            #"{"path":"/v1/users/*","kind":"status","status":429,"retry_after":"120"}"#)
        let error = try await expectError("rate_limit") {
            _ = try await self.client.getUser(idOrEmail: "a@example.com")
        }
        guard case let .RateLimit(_, status, _, _, _, retryAfterMs) = error else {
            return XCTFail("not a RateLimit case: \(error)")
        }
        XCTAssertEqual(retryAfterMs, 120_000)
        XCTAssertEqual(status, 429)
        let attempts = try await server.requests("GET", "/v1/users/")
        XCTAssertEqual(attempts.count, 1, "a wait over the cap is not slept through")
    }

    func test5xxIsRetriedUpToTheLimitThenAServerError() async throws {
        try await server.fault(#"{"path":"/v1/users/*","kind":"status","status":503,"count":10}"#)
        let c = try server.client(maxRetries: 2)
        let error = try await expectError("server") {
            _ = try await c.getUser(idOrEmail: "a@example.com")
        }
        guard case .Server = error else { return XCTFail("not a Server case: \(error)") }
        XCTAssertEqual(error.status, 503)
        let attempts = try await server.requests("GET", "/v1/users/")
        XCTAssertEqual(attempts.count, 3)
    }

    func testRetriesOfACreateCarryOneIdempotencyKeyAndCreateOneUser() async throws {
        try await server.fault(
            #"{"method":"POST","path":"/v1/users","kind":"status","status":503,"count":2}"#)
        let c = try server.client(maxRetries: 3)
        _ = try await c.createUser(params: CreateUserParams(email: "once@example.com"))
        let attempts = try await server.requests("POST", "/v1/users")
        XCTAssertEqual(attempts.count, 3)
        let keys = Set(attempts.map { $0["idempotency_key"] as? String })
        XCTAssertEqual(keys.count, 1)
        XCTAssertNotNil(keys.first ?? nil)
        let total = try await client.listUsers().total
        XCTAssertEqual(total, 1)
    }

    func testNoAnswerIsATransportError() async throws {
        let c = try LumnisClient(
            apiKey: KEY, options: ClientOptions(baseUrl: "http://127.0.0.1:9", maxRetries: 0))
        let error = try await expectError("transport") {
            _ = try await c.getUser(idOrEmail: "a@example.com")
        }
        XCTAssertNil(error.status)
        XCTAssertNil(error.requestId)
    }

    func testASlowAnswerIsATimeout() async throws {
        try await server.fault(#"{"path":"/v1/users/*","kind":"delay","delay_ms":2000}"#)
        let c = try server.client(maxRetries: 0, timeoutMs: 200)
        let started = Date()
        try await expectError("timeout") { _ = try await c.getUser(idOrEmail: "a@example.com") }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5)
    }

    func testAnInvokePastItsDeadlineIsATimeoutNamingTheResponse() async throws {
        try await users("a@example.com")
        try await server.settings(#"{"agent_latency_ms":5000}"#)
        let error = try await expectError("timeout") {
            _ = try await self.client.invoke(
                prompt: "slow", options: InvokeOptions(userId: "a@example.com", maxWaitMs: 300))
        }
        guard case let .Timeout(_, _, _, _, _, responseId) = error else {
            return XCTFail("not a Timeout case: \(error)")
        }
        let id = try XCTUnwrap(responseId)
        let response = try await client.getResponse(responseId: id)
        XCTAssertNotEqual(response.status, .succeeded, "the run goes on past the deadline")
    }

    func testMalformedAndWronglyTypedJSONAreDecodeErrorsAndTheClientStillWorks() async throws {
        try await users("d@example.com")
        for kind in ["invalid_json", "wrong_type"] {
            try await server.fault(#"{"path":"/v1/users/*","kind":"\#(kind)"}"#)
            try await expectError("decode") {
                _ = try await self.client.getUser(idOrEmail: "d@example.com")
            }
        }
        let user = try await client.getUser(idOrEmail: "d@example.com")
        XCTAssertEqual(user.email, "d@example.com")
    }

    func testAnEndlessBodyIsCutAtTheLimit() async throws {
        try await server.fault(#"{"path":"/v1/users/*","kind":"endless"}"#)
        let c = try server.client(maxRetries: 0, maxResponseBytes: 4096)
        try await expectError("body_too_large") {
            _ = try await c.getUser(idOrEmail: "a@example.com")
        }
    }

    func testAClientWithoutAKeyOrWithABadURLIsAConfigError() async throws {
        let baseUrl = server.baseUrl
        try await expectError("config") {
            _ = try LumnisClient(apiKey: "  ", options: ClientOptions(baseUrl: baseUrl))
        }
        let error = try await expectError("config") {
            _ = try LumnisClient(apiKey: KEY, options: ClientOptions(baseUrl: "ftp://x"))
        }
        XCTAssertNil(error.status)
        // A root certificate text with no certificate in it.
        let options = ClientOptions(baseUrl: baseUrl, rootCertificates: ["not a PEM"])
        try await expectError("config") { _ = try LumnisClient(apiKey: KEY, options: options) }
    }

    func testAnUnreadablePathIsAnIoError() async throws {
        let error = try await expectError("io") {
            _ = try await self.client.uploadFilePath(path: "/nonexistent/dir/file.txt")
        }
        XCTAssertNil(error.status)
        XCTAssertFalse(error.message.isEmpty)
        let details = error.details as? [String: Any]
        XCTAssertEqual(details?["reason"] as? String, "not_found")
        XCTAssertEqual(details?["path"] as? String, "/nonexistent/dir/file.txt")
    }

    func testAConflictCarriesItsDetailsAsJSON() async throws {
        let bytes = Data("same name".utf8)
        let first = try await client.uploadFile(
            bytes: bytes, options: UploadOptions(fileName: "dup.txt"))
        let error = try await expectError("validation") {
            _ = try await self.client.uploadFile(
                bytes: bytes,
                options: UploadOptions(fileName: "dup.txt", duplicateHandling: .error))
        }
        XCTAssertEqual(error.status, 409)
        XCTAssertEqual(error.code, "CONFLICT")
        // The contract's rule for 4xx: the details are the whole error body.
        let body = try XCTUnwrap(error.details as? [String: Any], "\(error)")
        let inner = try XCTUnwrap(body["error"] as? [String: Any], "\(body)")
        XCTAssertEqual(inner["code"] as? String, "CONFLICT")
        let details = try XCTUnwrap(inner["details"] as? [String: Any], "\(body)")
        XCTAssertEqual(details["file_id"] as? String, first.fileId)
    }

    func testTheSharedFieldsReadEveryCase() throws {
        let cases: [(LumnisError, String)] = [
            (.Authentication(message: "m", status: 401, requestId: "r", code: "c",
                             detailsJson: nil), "authentication"),
            (.RateLimit(message: "m", status: 429, requestId: "r", code: "c",
                        detailsJson: #"{"a":[1]}"#, retryAfterMs: 5), "rate_limit"),
            (.Timeout(message: "m", status: nil, requestId: nil, code: nil, detailsJson: "7",
                      responseId: "resp"), "timeout"),
            (.Io(message: "m", status: nil, requestId: nil, code: nil, detailsJson: "{nope"),
             "io"),
        ]
        for (error, kind) in cases {
            XCTAssertEqual(error.kind, kind)
            XCTAssertEqual(error.message, "m")
        }
        XCTAssertEqual(cases[0].0.status, 401)
        XCTAssertEqual(cases[0].0.requestId, "r")
        XCTAssertEqual(cases[0].0.code, "c")
        XCTAssertNil(cases[0].0.details)
        let nested = try XCTUnwrap(cases[1].0.details as? [String: [Int]])
        XCTAssertEqual(nested, ["a": [1]])
        XCTAssertEqual(cases[2].0.details as? Int, 7)
        XCTAssertNil(cases[3].0.details, "details that are not JSON read as nil")
        // What an app shows is the sentence, not the reflected enum.
        let io = LumnisError.Io(message: "cannot read /x", status: nil, requestId: nil,
                                code: nil, detailsJson: nil)
        XCTAssertEqual(io.localizedDescription, "cannot read /x")
        let gone = LumnisError.NotFound(message: "User not found", status: 404,
                                        requestId: "req_1", code: nil, detailsJson: nil)
        XCTAssertEqual(gone.localizedDescription, "User not found (HTTP 404, request req_1)")
    }
}
