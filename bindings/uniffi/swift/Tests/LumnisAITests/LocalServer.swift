// The local Lumnis server as a test fixture: one lumnis-local process for the whole test run
// (from $LUMNIS_LOCAL_BIN, else <repo>/target/debug/lumnis-local), started on 127.0.0.1 with
// fault injection, plus its control API (faults, request log, reset, settings).
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LumnisAI
import XCTest

let KEY = "lumnis-local-key"

/// A failed control call: the test cannot trust the server's state after it.
struct ControlError: Error, CustomStringConvertible {
    let description: String
}

final class LocalServer: NSObject, XCTestObservation, @unchecked Sendable {
    /// Started on first use; stopped when the test bundle finishes.
    static let shared = LocalServer()

    let baseUrl: String
    private let process = Process()
    private let session = URLSession(configuration: .ephemeral)

    private override init() {
        // This file is <repo>/bindings/uniffi/swift/Tests/LumnisAITests/LocalServer.swift.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 { root.deleteLastPathComponent() }
        let env = ProcessInfo.processInfo.environment
        let bin = env["LUMNIS_LOCAL_BIN"] ?? root.path + "/target/debug/lumnis-local"
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["--addr", "127.0.0.1:0", "--faults"]
        let out = Pipe()
        process.standardOutput = out
        // The server logs at warn to stderr; nothing a test reads, and a pipe nobody drains
        // could fill and block it.
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            fatalError("cannot start \(bin): \(error)")
        }
        let first = LocalServer.readLine(out.fileHandleForReading)
        guard first.hasPrefix("listening on ") else {
            fatalError("lumnis-local printed \(first.debugDescription), not its address")
        }
        baseUrl = String(first.dropFirst("listening on ".count))
        // Drain the rest so the server never blocks on a full pipe.
        let reader = out.fileHandleForReading
        Foundation.Thread.detachNewThread {
            while !reader.availableData.isEmpty {}
        }
        super.init()
        XCTestObservationCenter.shared.addTestObserver(self)
    }

    /// The first line, read byte by byte so nothing after it is consumed.
    private static func readLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 1), let byte = chunk.first,
              byte != UInt8(ascii: "\n")
        {
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func testBundleDidFinish(_ testBundle: Bundle) {
        // SIGKILL, not terminate(): Foundation's Process on Linux starts the child with the
        // parent thread's signal mask, where SIGTERM and SIGINT are blocked, so the server
        // would never see them. Its state is in memory, so nothing is lost.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A client of this server; `maxRetries` and a short backoff keep fault tests fast.
    func client(
        key: String = KEY,
        maxRetries: Int32? = nil,
        timeoutMs: Int64? = nil,
        maxResponseBytes: Int64? = nil,
        scope: Scope? = nil
    ) throws -> LumnisClient {
        try LumnisClient(
            apiKey: key,
            options: ClientOptions(
                baseUrl: baseUrl,
                timeoutMs: timeoutMs,
                maxRetries: maxRetries,
                backoffInitialMs: 20,
                scope: scope,
                maxResponseBytes: maxResponseBytes
            )
        )
    }

    @discardableResult
    private func send(_ method: String, _ path: String, _ body: String? = nil) async throws
        -> Data
    {
        var request = URLRequest(url: URL(string: baseUrl + path)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body?.data(using: .utf8)
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status < 300 else {
            let text = String(decoding: data, as: UTF8.self)
            throw ControlError(description: "\(method) \(path): \(status) \(text)")
        }
        return data
    }

    /// Queues a fault: a JSON spec of method, path glob, kind, status, count, delay_ms, ...
    func fault(_ spec: String) async throws {
        try await send("POST", "/_control/faults", spec)
    }

    func settings(_ spec: String) async throws {
        try await send("PUT", "/_control/settings", spec)
    }

    /// Forgets every object, fault, logged request and setting.
    func reset() async throws {
        try await send("POST", "/_control/reset")
        try await send("DELETE", "/_control/faults")
        try await send("DELETE", "/_control/log")
    }

    /// The logged requests (control calls excluded), oldest first.
    func log() async throws -> [[String: Any]] {
        let data = try await send("GET", "/_control/log")
        let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(body["requests"] as? [[String: Any]])
    }

    /// The logged requests of one method whose path starts with `prefix`.
    func requests(_ method: String, _ prefix: String) async throws -> [[String: Any]] {
        try await log().filter {
            ($0["method"] as? String) == method && (($0["path"] as? String) ?? "").hasPrefix(prefix)
        }
    }
}
