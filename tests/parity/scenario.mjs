// The parity scenario in Node (see README.md): the seed's user-management examples through
// the lumnisai npm package in ../../node, one line per step. Reads LUMNISAI_BASE_URL and
// LUMNISAI_API_KEY.

import { LumnisClient, NotFoundError, ValidationError } from '../../node/index.mjs'

const name = (value) => value ?? ''

const client = new LumnisClient()

const people = [
  ['alice@example.com', 'Alice', 'Johnson'],
  ['bob@example.com', 'Bob', 'Smith'],
  ['charlie@example.com', 'Charlie', 'Brown'],
]
for (const [email, firstName, lastName] of people) {
  const user = await client.createUser({ email, firstName, lastName })
  console.log(`Created: ${user.email} ${user.id}`)
}

const again = await client.createUser({ email: 'ALICE@example.com', firstName: 'Other' })
console.log(`Upsert again: ${again.email} ${again.id}`)

console.log(`Total users: ${(await client.listUsers({ page: 1, pageSize: 100 })).total}`)

const alice = client.forUser('alice@example.com')
const response = await alice.invoke('What are the latest AI trends?', {
  agentConfig: { coordinatorModelName: 'openai:gpt-4.1', useCognitiveTools: true },
})
const text = [...name(response.outputText)].slice(0, 100).join('')
console.log(`Alice's response: ${text}... (${response.status})`)

const threads = await alice.listThreads()
console.log(`Alice has ${threads.threads.length} threads`)

const updated = await client.updateUser('bob@example.com', { firstName: 'Robert' })
console.log(`Updated user: ${name(updated.firstName)} ${name(updated.lastName)}`)

const user = await client.getUser(updated.id)
console.log(`Retrieved by ID: ${user.email} ${user.id}`)

const r1 = await client.invoke("What's the weather like?", { userId: 'alice@example.com' })
const r2 = await client.invoke('What about tomorrow?', {
  userId: 'bob@example.com',
  threadId: r1.threadId,
})
console.log(`Conversation: ${r1.status} ${r2.status} same thread: ${r1.threadId === r2.threadId}`)

const thread = await client.getThread(r1.threadId)
console.log(`Thread: ${name(thread.title)} (${thread.responseCount} responses)`)
for (const resp of await client.threads.getResponses(r1.threadId)) {
  const author = await client.getUser(resp.userId)
  console.log(`${name(author.firstName)}: ${name(resp.outputText)}`)
}

try {
  await client.getUser('nonexistent@example.com')
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error
  console.log('Not found: nonexistent@example.com')
  const created = await client.createUser({
    email: 'nonexistent@example.com',
    firstName: 'New',
    lastName: 'User',
  })
  console.log(`Created user: ${created.email}`)
}

try {
  await client.createUser({ email: 'not-an-email' })
} catch (error) {
  if (!(error instanceof ValidationError)) throw error
  console.log(`Validation error: ${error.kind}`)
}

await client.deleteUser('charlie@example.com')
console.log(`After delete: ${(await client.listUsers({ pageSize: 100 })).total} users`)
console.log('Done')
