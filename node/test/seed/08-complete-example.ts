import { LumnisClient, type AgentConfig } from 'lumnisai'
// Initialize client
const client = new LumnisClient({ apiKey: process.env.LUMNISAI_API_KEY! })
// Create multiple users
const userData = [
{ email: "alice@example.com", firstName: "Alice", lastName: "Johnson" },
{ email: "bob@example.com", firstName: "Bob", lastName: "Smith" },
{ email: "charlie@example.com", firstName: "Charlie", lastName: "Brown" }
]
for (const data of userData) {
const user = await client.createUser(data)
console.log(`Created: ${user.email}`)
}
// List all users
const allUsers = await client.listUsers({ pageSize: 100 })
console.log(`\nTotal users: ${allUsers.total}`)
// Perform operations for specific user
const aliceClient = client.forUser("alice@example.com")
// Create response for Alice
const response = await aliceClient.invoke(
"What are the latest AI trends?",
{
agentConfig: {
coordinatorModelName: "openai:gpt-4.1",
useCognitiveTools: true
}
}
)
console.log(`\nAlice's response: ${response.outputText.substring(0, 100)}...`)
// List Alice's threads
const threads = await aliceClient.listThreads()
console.log(`Alice has ${threads.threads.length} threads`)
// Update user information
const updated = await client.updateUser(
"bob@example.com",
{ firstName: "Robert" }
)
console.log(`\nUpdated user: ${updated.firstName} ${updated.lastName}`)
// Get user by ID
const user = await client.getUser(updated.id)
console.log(`Retrieved by ID: ${user.email}`)
