// invoke (one call, a stream, printed progress), responses.* and threads.*, scoping by
// forUser, and free-form JSON (schemas, structured answers, tool calls) kept exactly.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  LumnisClient,
  MissingUserIdError,
  LocalFileNotSupportedError,
  ProgressTracker,
  displayProgress,
  formatProgressEntry,
} from 'lumnisai'
import { startServer, runNode } from './helpers.mjs'

let server
let client
let alice

before(async () => {
  server = await startServer({ agentLatencyMs: 300 })
  client = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl })
  await client.createUser({ email: 'alice@example.com', firstName: 'Alice' })
  await client.createUser({ email: 'bob@example.com', firstName: 'Bob' })
  alice = client.forUser('alice@example.com')
})
after(() => server.stop())

test('invoke resolves with the final response', async () => {
  const response = await alice.invoke('What are the latest AI trends?', {
    agentConfig: { coordinatorModelName: 'openai:gpt-4.1', useCognitiveTools: true },
  })
  assert.equal(response.status, 'succeeded')
  assert.equal(response.outputText, 'Answer to: What are the latest AI trends?')
  assert.match(response.threadId, /^[0-9a-f-]{36}$/)
  assert.ok(response.progress.length >= 3)
  assert.equal(response.inputMessages[0].content, 'What are the latest AI trends?')
  const user = await client.getUser('alice@example.com')
  assert.equal(response.userId, user.id)
})

test('invoke sends agentConfig in the wire names', async () => {
  const response = await client.invoke('hi', {
    userId: 'alice@example.com',
    agentConfig: {
      coordinatorModelName: 'openai:gpt-4.1',
      agentMode: 'single_agent',
      // Not a field of this version's AgentConfig: sent in the wire's name all the same.
      fastModelName: 'openai:gpt-4.1-mini',
    },
  })
  const stored = await client.responses.get(response.responseId)
  assert.equal(stored.status, 'succeeded')
  const options = JSON.stringify(stored.options ?? {})
  assert.ok(!options.includes('coordinatorModelName'), options)
  assert.equal(stored.options.agent_config.coordinator_model_name, 'openai:gpt-4.1')
  assert.equal(stored.options.agent_config.fast_model_name, 'openai:gpt-4.1-mini')
})

test('a responseFormat schema and its structured answer keep their keys, in order', async () => {
  const responseFormat = {
    type: 'object',
    properties: { snake_case: { type: 'string' }, camelCase: { type: 'integer' } },
    required: ['snake_case', 'camelCase'],
  }
  const response = await alice.invoke('structure this', { responseFormat })
  assert.deepEqual(Object.keys(response.structuredResponse), ['snake_case', 'camelCase'])
  const sent = response.options.response_format
  assert.equal(JSON.stringify(sent), JSON.stringify(responseFormat))
  assert.equal(response.structuredResponse.snake_case, 'snake_case:structure this')
})

test('options this version does not know are warned about, not sent', async () => {
  const warnings = []
  const listen = (warning) => warnings.push(warning)
  process.on('warning', listen)
  const unknownOptions = { specializedAgent: 'quick_people_search', options: { depth: 1 } }
  const response = await alice.invoke('unknown options', unknownOptions)
  await alice.invoke('the same again: warned once', unknownOptions)
  await alice.responses.create({ messages: [{ role: 'user', content: 'x' }], toolChoice: 'a' })
  await new Promise((resolve) => setTimeout(resolve, 50))
  process.off('warning', listen)
  assert.equal(response.status, 'succeeded')
  assert.equal(response.options?.specializedAgent, undefined)
  const messages = warnings.filter((w) => w.name === 'LumnisWarning').map((w) => w.message)
  const unknown = 'ignores options this version does not know'
  const invokeWarning = `invoke ${unknown}: specializedAgent, options`
  assert.equal(messages.filter((m) => m === invokeWarning).length, 1, String(messages))
  assert.ok(messages.includes(`responses.create ${unknown}: toolChoice`), String(messages))
})

test('a failed run is an answer, not an error', async () => {
  const response = await alice.invoke('please [fail]')
  assert.equal(response.status, 'failed')
  assert.equal(response.error.code, 'AGENT_FAILED')
})

test('invoke with stream: true yields entries as they arrive, then completed', async () => {
  const started = Date.now()
  const entries = []
  for await (const entry of alice.invoke('stream me', { stream: true })) {
    entries.push({ ...entry, at: Date.now() - started })
  }
  const states = entries.map((e) => e.state)
  assert.equal(states[0], 'processing')
  assert.ok(states.includes('tool_call'))
  assert.equal(states.at(-1), 'completed')
  assert.equal(entries.at(-1).outputText, 'Answer to: stream me')
  assert.ok(entries[0].at < entries.at(-1).at, 'entries came over time, not all at the end')
  const calls = entries.filter((e) => e.toolCalls).flatMap((e) => e.toolCalls)
  assert.ok(calls.length >= 2)
  assert.ok(calls.every((c) => typeof c === 'object'))
})

test('a stream is also a promise of itself, as the official async invoke returns', async () => {
  const stream = alice.invoke('awaited stream', { stream: true })
  assert.equal(Object.prototype.toString.call(stream), '[object ProgressStream]')
  const awaited = await stream
  assert.equal(typeof awaited.then, 'undefined', 'what it resolves with is not thenable again')
  const states = []
  for await (const entry of awaited) states.push(entry.state)
  assert.equal(states.at(-1), 'completed')

  const viaThen = await alice
    .invoke('then stream', { stream: true })
    .then(async (entries) => {
      const all = []
      for await (const entry of entries) all.push(entry)
      return all
    })
  assert.equal(viaThen.at(-1).outputText, 'Answer to: then stream')

  // A bad option still rejects where the entries are read, in both forms.
  const bad = await alice.invoke('x', { stream: true, agentConfig: 5 })
  await assert.rejects(() => bad.next(), { name: 'ValidationError' })
})

test('breaking out of a stream early stops polling', async () => {
  for await (const entry of alice.invoke('leave early', { stream: true })) {
    assert.equal(entry.state, 'processing')
    break
  }
  await server.clearLog()
  await new Promise((r) => setTimeout(r, 600))
  const reads = (await server.log()).filter((r) => r.path.startsWith('/v1/responses/'))
  assert.equal(reads.length, 0)
})

test('showProgress prints progress lines and resolves with the response', async () => {
  const script = `
    import { LumnisClient } from 'lumnisai'
    const client = new LumnisClient({ apiKey: '${server.apiKey}', baseUrl: '${server.baseUrl}' })
    const r = await client.invoke('show me', { userId: 'alice@example.com', showProgress: true })
    console.log('final', r.status, r.outputText)
  `
  const run = await runNode(['--input-type=module', '-e', script])
  assert.equal(run.code, 0, run.stderr)
  const lines = run.stdout.trim().split('\n')
  assert.equal(lines[0], 'PROCESSING: Reading the request')
  assert.ok(lines.includes('\t→ local_search(query="show me")'), run.stdout)
  // A tool call added to an earlier message prints under it, alone, as the official SDK's.
  assert.ok(lines.includes('\t→ local_summarize(chars=7)'), run.stdout)
  assert.ok(!run.stdout.includes('TOOL_UPDATE'), run.stdout)
  assert.equal(new Set(lines).size, lines.length, 'each line once')
  assert.ok(!lines.some((l) => l.startsWith('COMPLETED')), run.stdout)
  assert.equal(lines.at(-1), 'final succeeded Answer to: show me')
})

test('the official progress helpers format as the official SDK does', async (t) => {
  const calls = [{ name: 'search', args: { q: 'x', n: 2 } }, { name: 'bare' }]
  assert.equal(
    formatProgressEntry('processing', 'Reading', calls),
    'PROCESSING: Reading\n\t→ search(q="x", n=2)\n\t→ bare',
  )
  const tracker = new ProgressTracker()
  const first = tracker.formatNewEntries('processing', 'Reading', calls.slice(0, 1))
  assert.equal(first, 'PROCESSING: Reading\n\t→ search(q="x", n=2)')
  assert.equal(tracker.formatNewEntries('processing', 'Reading', calls.slice(0, 1)), null)
  assert.equal(tracker.formatNewEntries('processing', 'Reading', calls), '\t→ bare')
  tracker.reset()
  assert.equal(tracker.formatNewEntries('processing', 'Reading'), 'PROCESSING: Reading')
  const printed = []
  t.mock.method(console, 'log', (line) => printed.push(line))
  displayProgress({ state: 'tool_call', message: 'Searching', toolCalls: calls })
  displayProgress({ state: 'tool_update', message: '[x]', toolCalls: calls.slice(1) }, '  ')
  const expected = ['TOOL_CALL - Searching', '\t→ search(q="x", n=2)', '\t→ bare', '  → bare']
  assert.deepEqual(printed, expected)
})

test('invoke latency tracks the agent run (long poll, no fixed sleep)', async () => {
  const started = performance.now()
  await alice.invoke('timed')
  const elapsed = performance.now() - started
  assert.ok(elapsed >= 300, `${elapsed}`)
  // Far below the official SDK's fixed 2 s poll, with room for a loaded machine.
  assert.ok(elapsed < 300 + 400, `invoke took ${elapsed} ms for a 300 ms run`)
})

test('maxWaitMs raises a timeout error naming the response', async () => {
  await server.settings({ agent_latency_ms: 3000 })
  try {
    await assert.rejects(alice.invoke('slow', { maxWaitMs: 300 }), (error) => {
      assert.equal(error.name, 'LumnisTimeoutError')
      assert.match(error.responseId, /^[0-9a-f-]{36}$/)
      return true
    })
  } finally {
    await server.settings({ agent_latency_ms: 300 })
  }
})

test('responses.create, get (with wait), list, iterate and cancel', async () => {
  const created = await client.responses.create({
    messages: [{ role: 'user', content: "What's the weather like?" }],
    userId: 'alice@example.com',
  })
  assert.equal(created.status, 'queued')
  assert.match(created.threadId, /^[0-9a-f-]{36}$/)
  const read = await client.responses.get(created.responseId, { wait: 2 })
  assert.notEqual(read.status, 'queued')

  const list = await alice.responses.list({ limit: 100 })
  assert.ok(list.responses.some((r) => r.responseId === created.responseId))
  const done = await alice.responses.list({ status: 'succeeded', limit: 100 })
  assert.ok(done.responses.every((r) => r.status === 'succeeded'))
  // A typo is named, not read as the catch-all status.
  await assert.rejects(alice.responses.list({ status: 'Succeeded' }), {
    name: 'ValidationError',
    message: /status: unknown response status "Succeeded" \(known: queued, in_progress/,
  })
  let seen = 0
  for await (const r of alice.responses.iterate({ limit: 2 })) {
    assert.ok(r.responseId)
    seen += 1
  }
  assert.equal(seen, list.total)

  const slow = await client.responses.create({
    messages: [{ role: 'user', content: 'cancel me' }],
    userId: 'bob@example.com',
  })
  const cancelled = await client.responses.cancel(slow.responseId)
  assert.equal(cancelled.status, 'cancelled')
})

test('multi-user thread: two users, one thread, responses oldest first', async () => {
  const r1 = await client.invoke("What's the weather like?", { userId: 'alice@example.com' })
  const r2 = await client.invoke('What about tomorrow?', {
    userId: 'bob@example.com',
    threadId: r1.threadId,
  })
  assert.equal(r2.threadId, r1.threadId)
  const thread = await client.getThread(r1.threadId)
  assert.equal(thread.title, "What's the weather like?")
  assert.equal(thread.responseCount, 2)
  const all = await client.threads.getResponses(r1.threadId)
  assert.deepEqual(all.map((r) => r.outputText), [
    "Answer to: What's the weather like?",
    'Answer to: What about tomorrow?',
  ])
  const names = []
  for (const resp of all) names.push((await client.getUser(resp.userId)).firstName)
  assert.deepEqual(names, ['Alice', 'Bob'])
})

test('threads: create, list (scoped), update, iterate, delete', async () => {
  const bob = client.forUser('bob@example.com')
  const made = await bob.createThread({ title: 'Plans' })
  assert.equal(made.title, 'Plans')
  const bobs = await bob.listThreads()
  assert.ok(bobs.threads.some((t) => t.threadId === made.threadId))
  const alices = await alice.listThreads()
  assert.ok(!alices.threads.some((t) => t.threadId === made.threadId), 'forUser scopes threads')

  const renamed = await client.threads.update(made.threadId, { title: 'New plans' })
  assert.equal(renamed.title, 'New plans')
  let count = 0
  for await (const t of bob.threads.iterate({ limit: 1 })) count += t.threadId ? 1 : 0
  assert.equal(count, bobs.total)

  await bob.deleteThread(made.threadId)
  await assert.rejects(client.getThread(made.threadId), { name: 'NotFoundError' })
  const viaResource = await bob.threads.create({})
  await bob.threads.delete(viaResource.threadId)
})

test('user scope with no user, and local paths, fail before any request', async () => {
  await server.clearLog()
  await assert.rejects(client.invoke('x', { scope: 'user' }), MissingUserIdError)
  await assert.rejects(
    alice.invoke('x', { files: ['./report.pdf'] }),
    LocalFileNotSupportedError,
  )
  await assert.rejects(client.responses.create({ messages: [] }), { name: 'ValidationError' })
  assert.deepEqual(await server.log(), [])
})

test('an idempotency key makes a repeated invoke one run', async () => {
  const a = await alice.invoke('once', { idempotencyKey: 'node-invoke-1' })
  const b = await alice.invoke('once', { idempotencyKey: 'node-invoke-1' })
  assert.equal(a.responseId, b.responseId)
})

test('an idempotency key makes a repeated responses.create or createUser one object', async () => {
  const messages = [{ role: 'user', content: 'create once' }]
  const params = { messages, userId: 'alice@example.com', idempotencyKey: 'node-create-1' }
  const a = await client.responses.create(params)
  const b = await client.responses.create(params)
  assert.equal(a.responseId, b.responseId)
  const email = 'keyed@example.com'
  await server.clearLog()
  const first = await client.createUser({ email, idempotencyKey: 'node-user-1' })
  const again = await client.createUser({ email, idempotencyKey: 'node-user-1' })
  assert.equal(first.id, again.id)
  const posts = (await server.log()).filter((r) => r.method === 'POST')
  assert.deepEqual(posts.map((r) => r.idempotency_key), ['node-user-1', 'node-user-1'])
  await assert.rejects(client.createUser({ email, idempotencyKey: ' ' }), {
    name: 'ValidationError',
    message: /the idempotency key must not be blank/,
  })
})

test('responses.listArtifacts, createFeedback and listFeedback', async () => {
  const run = await alice.invoke('make an artifact')
  const artifacts = await alice.responses.listArtifacts(run.responseId, { limit: 5 })
  // The answer's keys in camelCase, as the official client gives them.
  assert.equal(artifacts.responseId, run.responseId)
  assert.equal(artifacts.response_id, undefined)
  assert.equal(artifacts.limit, 5)
  assert.ok(Array.isArray(artifacts.artifacts))

  const given = await alice.responses.createFeedback(run.responseId, {
    feedbackText: 'shorter, please',
    toolArgsUpdate: { some_key: 1 },
  })
  assert.match(given.feedbackId, /^[0-9a-f-]{36}$/)
  await client.responses.createFeedback(run.responseId, {
    feedbackText: 'from bob',
    feedbackType: 'correction',
    userId: 'bob@example.com',
    progressId: 'Step-2',
  })
  const listed = await client.responses.listFeedback(run.responseId)
  assert.deepEqual(
    listed.feedback.map((f) => [f.feedbackText, f.feedbackType]),
    [
      ['shorter, please', 'suggestion'],
      ['from bob', 'correction'],
    ],
  )
  assert.equal(listed.responseId, run.responseId)
  assert.deepEqual([listed.totalFeedback, listed.consumedCount, listed.unconsumedCount], [2, 0, 2])
  assert.equal(listed.progressIdFilter, null)
  // A free-form value keeps its own keys.
  assert.deepEqual(listed.feedback[0].toolArgsUpdate, { some_key: 1 })
  assert.equal(listed.feedback[0].isConsumed, false)

  const step = await client.responses.listFeedback(run.responseId, { progressId: 'step-2' })
  assert.deepEqual(step.feedback.map((f) => f.feedbackText), ['from bob'])
  assert.equal(step.totalFeedback, 1)
  assert.equal(step.progressIdFilter, 'step-2')

  await assert.rejects(
    alice.responses.createFeedback(run.responseId, { feedbackText: 'x', feedbackType: 'praise' }),
    (e) => e.name === 'ValidationError' && /feedbackType: unknown variant `praise`/.test(e.message),
  )
  await assert.rejects(
    client.responses.listFeedback('00000000-0000-0000-0000-000000000000'),
    { name: 'NotFoundError' },
  )
  await assert.rejects(client.responses.listFeedback(run.responseId, { progressId: 7 }), {
    name: 'ValidationError',
  })
})
