// JS values the binding cannot convert for the core: ids that are not strings, values with no
// JSON form, non-finite numbers, unknown client options, dates, and invoke inputs. Each is a
// ValidationError (ConfigurationError for the constructor) naming the argument, through the
// call's promise, before any request is sent.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { LumnisClient, ValidationError, ConfigurationError } from 'lumnisai'
import { startServer } from './helpers.mjs'

let server
let client
let alice

before(async () => {
  server = await startServer({ agentLatencyMs: 20 })
  client = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl })
  await client.createUser({ email: 'alice@example.com' })
  alice = client.forUser('alice@example.com')
})
after(() => server.stop())

/** Calls `call()`, which must return a promise that rejects, and sends no request. */
async function refused(call, pattern) {
  await server.clearLog()
  let returned
  assert.doesNotThrow(() => {
    returned = call()
  }, 'the failure must come through the promise')
  assert.ok(returned instanceof Promise, 'the call returns a promise')
  await assert.rejects(returned, (error) => {
    assert.ok(error instanceof ValidationError, `${error.name}: ${error.message}`)
    assert.match(error.message, pattern)
    return true
  })
  assert.deepEqual(await server.log(), [], 'no request is sent')
}

test('an id that is not a string is refused, for every method that takes one', async () => {
  const ID = '00000000-0000-0000-0000-000000000000'
  for (const bad of [123, { email: 'alice@example.com' }, null, undefined]) {
    await refused(() => client.getUser(bad), /^userId must be a string/)
    await refused(() => client.users.get(bad), /^userId must be a string/)
    await refused(() => client.updateUser(bad, { firstName: 'x' }), /^userId must be/)
    await refused(() => client.deleteUser(bad), /^userId must be a string/)
    await refused(() => client.getThread(bad), /^threadId must be a string/)
    await refused(() => client.deleteThread(bad), /^threadId must be a string/)
    await refused(() => client.threads.getResponses(bad), /^threadId must be a string/)
    await refused(() => client.threads.update(bad, { title: 'x' }), /^threadId must be/)
    await refused(() => client.responses.get(bad), /^responseId must be a string/)
    await refused(() => client.responses.cancel(bad), /^responseId must be a string/)
    await refused(() => client.responses.listArtifacts(bad), /^responseId must be/)
    await refused(() => client.responses.listFeedback(bad), /^responseId must be/)
    await refused(
      () => alice.responses.createFeedback(bad, { feedbackText: 'x' }),
      /^responseId must be/,
    )
    for (const method of ['get', 'getContent', 'download', 'delete', 'getStatus']) {
      await refused(() => client.files[method](bad), /^fileId must be a string/)
    }
  }
  // The message says what it got.
  await refused(() => client.getUser(123), /not number 123/)
  await refused(() => client.getUser({ email: 'a@example.com' }), /not an object/)
  // A string id still goes out.
  await assert.rejects(client.getThread(ID), { name: 'NotFoundError' })
})

test('forUser with an id that is not a string throws at once', () => {
  for (const bad of [undefined, null, 42, {}]) {
    assert.throws(() => client.forUser(bad), (e) => e instanceof ValidationError)
  }
})

test('values with no JSON form reject with a ValidationError naming the field', async () => {
  const circular = {}
  circular.self = circular
  await refused(
    () => client.createUser({ email: 'b@example.com', metadata: { n: 10n } }),
    /^metadata cannot be sent as JSON: .*BigInt/,
  )
  await refused(
    () => client.createUser({ email: 'b@example.com', metadata: circular }),
    /^metadata cannot be sent as JSON: .*circular/i,
  )
  await refused(() => client.updateUser('alice@example.com', { metadata: circular }), /^metadata/)
  await refused(() => alice.invoke('x', { responseFormat: { a: 1n } }), /^responseFormat cannot/)
  await refused(
    () =>
      alice.responses.create({ messages: [{ role: 'user', content: 'x' }], agentConfig: circular }),
    /^agentConfig cannot be sent as JSON/,
  )
  await refused(() => alice.invoke(10n), /^input cannot be sent as JSON/)
  // A stream's or an iteration's bad argument rejects its first step instead of throwing.
  const stream = alice.invoke('x', { stream: true, responseFormat: circular })
  await assert.rejects(stream.next(), /^ValidationError: responseFormat cannot/)
  const pages = client.users.iterate({ pageSize: 'x' })
  await assert.rejects(
    pages.next(),
    (e) => e instanceof ValidationError && /pageSize/.test(e.message),
  )
})

test('NaN and Infinity in numeric options are refused, not replaced by defaults', async () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    await refused(() => client.listUsers({ pageSize: bad }), /^pageSize must be a finite number/)
    await refused(() => client.listUsers({ page: bad }), /^page must be a finite number/)
    await refused(() => client.listThreads({ limit: bad }), /^limit must be a finite number/)
    await refused(() => client.listThreads({ offset: bad }), /^offset must be a finite/)
    await refused(() => client.files.list({ limit: bad }), /^limit must be a finite number/)
    await refused(() => alice.invoke('x', { pollIntervalMs: bad }), /^pollIntervalMs must be/)
    await refused(() => alice.invoke('x', { maxWaitMs: bad }), /^maxWaitMs must be/)
    await refused(() => alice.invoke('x', { waitMs: bad }), /^waitMs must be a finite/)
    await refused(() => client.responses.get('x', { wait: bad }), /^wait must be a finite/)
    assert.throws(
      () => new LumnisClient({ apiKey: 'k', baseUrl: server.baseUrl, timeoutMs: bad }),
      (e) => e instanceof ConfigurationError && /^timeoutMs must be a finite/.test(e.message),
    )
  }
  // A number the option's type cannot hold names the option rather than a position.
  await refused(() => client.listUsers({ pageSize: 2.5 }), /pageSize: invalid type: floating/)
  await refused(() => client.listUsers({ page: 2 ** 32 }), /page: invalid value/)
  await refused(() => client.listUsers({ pageSize: '10' }), /pageSize: invalid type: string/)
  assert.doesNotMatch(
    (await client.listUsers({ pageSize: 2.5 }).catch((e) => e)).message,
    /line \d+ column/,
  )
  // A zero duration reaches the core as zero, not as the default (with which this run would
  // succeed): the core either times out at once or refuses zero.
  await assert.rejects(alice.invoke('x', { maxWaitMs: 0 }), (e) =>
    ['LumnisTimeoutError', 'ValidationError'].includes(e.name),
  )
})

test('a params argument that is not an object is refused', async () => {
  await refused(() => client.listUsers('x'), /^listUsers params must be an object/)
  await refused(() => client.createUser(5), /^createUser params must be an object/)
})

test('responses.list takes a date alone, a date-time or a Date; a bad one is named', async () => {
  await alice.invoke('dated')
  const since = await alice.responses.list({ startDate: '2020-01-01' })
  assert.ok(since.responses.length >= 1)
  const none = await alice.responses.list({ startDate: '2999-01-01' })
  assert.equal(none.responses.length, 0)
  const until = await alice.responses.list({ endDate: '2020-01-01T00:00:00Z' })
  assert.equal(until.responses.length, 0)
  const byDate = await alice.responses.list({ startDate: new Date(Date.now() - 3600e3) })
  assert.ok(byDate.responses.length >= 1)
  // A date alone as the end takes in that whole day, as the API reads the official SDK's.
  const today = new Date().toISOString().slice(0, 10)
  const throughToday = await alice.responses.list({ startDate: today, endDate: today })
  assert.equal(throughToday.responses.length, since.responses.length)
  await server.clearLog()
  await alice.responses.list({ startDate: '2020-01-01' })
  const [sent] = await server.log()
  assert.match(decodeURIComponent(sent.query), /start_date=2020-01-01T00:00:00/)

  await refused(
    () => alice.responses.list({ startDate: 'yesterday' }),
    /startDate: expected a date/,
  )
  await refused(() => alice.responses.list({ endDate: '2020-13-45' }), /^invalid .*endDate:/)
  await refused(
    () => alice.responses.list({ startDate: new Date('nope') }),
    /^startDate is an invalid/,
  )
})

test('invoke says what input it takes', async () => {
  for (const [bad, got] of [
    [42, /not a number \(42\)/],
    [undefined, /not undefined or null/],
    [null, /not undefined or null/],
    [true, /not a boolean/],
  ]) {
    await refused(
      () => alice.invoke(bad),
      new RegExp(`^invoke input must be a string, a message .* array of messages, ${got.source}`),
    )
  }
  await refused(() => alice.invoke([{ role: 'bot', content: 'x' }]), /^invalid invoke input: .*bot/)
})

test('an unknown client option is a ConfigurationError naming it', () => {
  const build = (options) => () => new LumnisClient({ apiKey: 'k', ...options })
  assert.throws(build({ base_url: 'http://127.0.0.1:9' }), (e) => {
    assert.ok(e instanceof ConfigurationError)
    assert.equal(e.message, 'unknown LumnisClient option base_url; did you mean baseUrl?')
    return true
  })
  assert.throws(build({ max_retries: 1 }), /option max_retries; did you mean maxRetries\?/)
  assert.throws(build({ timeout: 5 }), (e) => {
    assert.ok(e instanceof ConfigurationError)
    assert.match(e.message, /^unknown LumnisClient option timeout \(known: apiKey, baseUrl,/)
    return true
  })
  // The known names, and no options at all, still build a client.
  const ok = new LumnisClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', scope: 'tenant' })
  assert.equal(ok.config.baseUrl, 'http://127.0.0.1:9')
})
