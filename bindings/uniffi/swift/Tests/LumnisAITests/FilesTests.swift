// Files through the binding: upload from bytes and from a path, read back, download (to
// memory and to a path), scoping of user files, a replayed upload after a cut, delete.
import Foundation
import LumnisAI
import XCTest

final class FilesTests: ServerTestCase {
    private let bytes = Data("line one\nline two\nline three\n".utf8)

    override func setUp() async throws {
        try await super.setUp()
        try await users("alice@example.com", "bob@example.com")
    }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("lumnis-swift-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testBytesGoUpAndComeBackExactly() async throws {
        let alice = client.forUser(user: "alice@example.com")
        let options = UploadOptions(fileName: "notes.txt", tags: ["a"])
        let up = try await alice.uploadFile(bytes: bytes, options: options)
        XCTAssertEqual(up.fileName, "notes.txt")
        let meta = try await alice.getFile(fileId: up.fileId)
        XCTAssertEqual(meta.fileName, "notes.txt")
        XCTAssertEqual(meta.fileSize, Int64(bytes.count))
        XCTAssertEqual(meta.fileScope, "user")
        XCTAssertEqual(meta.tags, ["a"])
        XCTAssertEqual(meta.blobUrl, "local://files/\(up.fileId)")
        XCTAssertNil(meta.deletedAt)
        let downloaded = try await alice.downloadFile(fileId: up.fileId)
        XCTAssertEqual(downloaded, bytes)
        let content = try await alice.getFileContent(fileId: up.fileId)
        XCTAssertTrue(try XCTUnwrap(content.text).contains("line two"))
        let contentMeta = try XCTUnwrap(content.metadata as? [String: Any])
        XCTAssertEqual(contentMeta["file_name"] as? String, "notes.txt")
        let listed = try await alice.listFiles().totalCount
        XCTAssertEqual(listed, 1)
        let status = try await alice.getFileStatus(fileId: up.fileId)
        XCTAssertFalse(status.status.isEmpty)

        let target = try temporaryDirectory().appendingPathComponent("copy.txt")
        let written = try await alice.downloadFileTo(fileId: up.fileId, path: target.path)
        XCTAssertEqual(written, Int64(bytes.count))
        XCTAssertEqual(try Data(contentsOf: target), bytes)

        _ = try await alice.deleteFile(fileId: up.fileId, hardDelete: true)
        let after = try await alice.listFiles().totalCount
        XCTAssertEqual(after, 0)
    }

    func testDeleteRemovesTheBytesUnlessHardDeleteIsFalse() async throws {
        let named = { (name: String) in UploadOptions(fileName: name) }
        let hard = try await client.uploadFile(bytes: bytes, options: named("h.txt"))
        let soft = try await client.uploadFile(bytes: bytes, options: named("s.txt"))
        _ = try await client.deleteFile(fileId: hard.fileId)
        _ = try await client.deleteFile(fileId: soft.fileId, hardDelete: false)
        let queries = try await server.requests("DELETE", "/v1/files/").map {
            $0["query"] as? String ?? ""
        }
        XCTAssertEqual(queries.count, 2, "\(queries)")
        XCTAssertTrue(queries[0].contains("hard_delete=true"), queries[0])
        XCTAssertFalse(queries[1].contains("hard_delete"), queries[1])
        let left = try await client.listFiles().totalCount
        XCTAssertEqual(left, 0)
    }

    func testAPathIsUploadedUnderItsFileName() async throws {
        let path = try temporaryDirectory().appendingPathComponent("report.md")
        try bytes.write(to: path)
        let up = try await client.uploadFilePath(path: path.path)
        XCTAssertEqual(up.fileName, "report.md")
        let downloaded = try await client.downloadFile(fileId: up.fileId)
        XCTAssertEqual(downloaded, bytes)
        let meta = try await client.getFile(fileId: up.fileId)
        XCTAssertEqual(meta.fileScope, "tenant")
    }

    func testAUsersFileIsInvisibleToAnotherUser() async throws {
        let alice = client.forUser(user: "alice@example.com")
        let bob = client.forUser(user: "bob@example.com")
        let up = try await alice.uploadFile(
            bytes: bytes, options: UploadOptions(fileName: "private.txt"))
        let bobs = try await bob.listFiles().totalCount
        XCTAssertEqual(bobs, 0)
        try await expectError("not_found") { _ = try await bob.getFile(fileId: up.fileId) }
        try await expectError("not_found") { _ = try await bob.downloadFile(fileId: up.fileId) }
        let own = try await alice.getFile(fileId: up.fileId)
        XCTAssertEqual(own.id, up.fileId)
    }

    func testAnUploadCutHalfwayIsResentWholeWithTheSameKey() async throws {
        let big = Data((0..<(256 * 1024)).map { UInt8($0 % 251) })
        try await server.fault(#"""
            {"method":"POST","path":"/v1/files/upload","kind":"cut_upload","after_bytes":65536}
            """#)
        let up = try await client.uploadFile(
            bytes: big, options: UploadOptions(fileName: "big.bin"))
        let downloaded = try await client.downloadFile(fileId: up.fileId)
        XCTAssertEqual(downloaded, big)
        let attempts = try await server.requests("POST", "/v1/files/upload")
        XCTAssertEqual(attempts.count, 2)
        XCTAssertEqual(Set(attempts.map { $0["idempotency_key"] as? String }).count, 1)
        let total = try await client.listFiles().totalCount
        XCTAssertEqual(total, 1)
    }
}
