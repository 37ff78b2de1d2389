// The README's Swift example, as written there but for the client, which is the local
// server's instead of the environment's.
import Foundation
import LumnisAI
import XCTest

final class ReadmeTests: ServerTestCase {
    func testTheReadmeExample() async throws {
        let client = self.client!
        var printed: [String] = []
        let user = try await client.createUser(
            params: CreateUserParams(email: "alice@example.com", firstName: "Alice"))
        let alice = client.forUser(user: user.email)
        let response = try await alice.invoke(
            prompt: "Latest AI trends?", options: InvokeOptions(agentConfig: AgentConfig(
                coordinatorModelName: "openai:gpt-4.1", useCognitiveTools: true)))
        printed.append(response.outputText ?? "")
        for try await entry in try alice.invokeStream(prompt: "Summarize my notes", options: nil)
            .entries {
            printed.append("\(entry.state): \(entry.message)")
        }
        do {
            _ = try await client.getUser(idOrEmail: "nobody@example.com")
        } catch let error as LumnisError where error.kind == "not_found" {
            printed.append("not found (request \(error.requestId ?? "-"))")
        }
        XCTAssertEqual(printed.first, "Answer to: Latest AI trends?")
        XCTAssertEqual(printed.dropFirst().first?.hasPrefix("processing: "), true)
        XCTAssertTrue(printed.contains { $0.hasPrefix("completed: ") }, "\(printed)")
        XCTAssertTrue(printed.last?.hasPrefix("not found (request ") == true, "\(printed)")
    }
}
