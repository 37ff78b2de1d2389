// The parity scenario in Swift (see ../README.md): the seed's user-management examples,
// printing one line per step. Reads LUMNISAI_BASE_URL and LUMNISAI_API_KEY.
import Foundation
import LumnisAI

let client = try LumnisClient.fromEnv()
let people = [
    ("alice@example.com", "Alice", "Johnson"),
    ("bob@example.com", "Bob", "Smith"),
    ("charlie@example.com", "Charlie", "Brown"),
]
for (email, first, last) in people {
    let params = CreateUserParams(email: email, firstName: first, lastName: last)
    let user = try await client.createUser(params: params)
    print("Created: \(user.email) \(user.id)")
}

let other = CreateUserParams(email: "ALICE@example.com", firstName: "Other")
let again = try await client.createUser(params: other)
print("Upsert again: \(again.email) \(again.id)")

print("Total users: \(try await client.listUsers(pageSize: 100).total)")

let alice = client.forUser(user: "alice@example.com")
let config = AgentConfig(coordinatorModelName: "openai:gpt-4.1", useCognitiveTools: true)
let response = try await alice.invoke(
    prompt: "What are the latest AI trends?", options: InvokeOptions(agentConfig: config))
let text = String((response.outputText ?? "").prefix(100))
print("Alice's response: \(text)... (\(response.status.wireName))")
print("Alice has \(try await alice.listThreads().threads.count) threads")

let renamed = UpdateUserParams(firstName: "Robert")
let updated = try await client.updateUser(idOrEmail: "bob@example.com", params: renamed)
print("Updated user: \(updated.firstName ?? "") \(updated.lastName ?? "")")

let user = try await client.getUser(idOrEmail: updated.id)
print("Retrieved by ID: \(user.email) \(user.id)")

let r1 = try await client.invoke(
    prompt: "What's the weather like?", options: InvokeOptions(userId: "alice@example.com"))
let r2 = try await client.invoke(
    prompt: "What about tomorrow?",
    options: InvokeOptions(userId: "bob@example.com", threadId: r1.threadId))
let same = r1.threadId == r2.threadId
print("Conversation: \(r1.status.wireName) \(r2.status.wireName) same thread: \(same)")

let threadId = r1.threadId
let thread = try await client.getThread(threadId: threadId)
print("Thread: \(thread.title ?? "") (\(thread.responseCount) responses)")

for resp in try await client.getThreadResponses(threadId: threadId) {
    guard let userId = resp.userId else { fatalError("a response has no user") }
    let author = try await client.getUser(idOrEmail: userId)
    print("\(author.firstName ?? ""): \(resp.outputText ?? "")")
}

do {
    _ = try await client.getUser(idOrEmail: "nonexistent@example.com")
} catch LumnisError.NotFound {
    print("Not found: nonexistent@example.com")
    let params = CreateUserParams(
        email: "nonexistent@example.com", firstName: "New", lastName: "User")
    let created = try await client.createUser(params: params)
    print("Created user: \(created.email)")
}

do {
    _ = try await client.createUser(params: CreateUserParams(email: "not-an-email"))
} catch let error as LumnisError {
    guard case .Validation = error else { throw error }
    print("Validation error: \(error.kind)")
}

_ = try await client.deleteUser(idOrEmail: "charlie@example.com")
print("After delete: \(try await client.listUsers(pageSize: 100).total) users")
print("Done")

