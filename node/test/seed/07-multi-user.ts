import { LumnisClient } from 'lumnisai'
const client = new LumnisClient({ apiKey: process.env.LUMNISAI_API_KEY! })
// Create users
const alice = await client.createUser({
email: "alice@example.com",
firstName: "Alice"
})
const bob = await client.createUser({
email: "bob@example.com",
firstName: "Bob"
})
// Alice starts a conversation
const response1 = await client.responses.create({
messages: [{ role: 'user', content: "What's the weather like?" }],
userId: alice.email
})
const threadId = response1.threadId
// Bob continues the conversation
const response2 = await client.responses.create({
threadId,
messages: [{ role: 'user', content: "What about tomorrow?" }],
userId: bob.email
})
// Get full conversation
const thread = await client.getThread(threadId)
const allResponses = await client.threads.getResponses(threadId)
console.log(`Thread: ${thread.title}`)
for (const resp of allResponses) {
const user = await client.getUser(resp.userId)
console.log(`${user.firstName}: ${resp.outputText}`)
}
