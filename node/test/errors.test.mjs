// Error classes and their fields, and the faults of RELIABILITY.md as the package sees them:
// retries with one idempotency key, Retry-After, decode errors, timeouts, refused connections.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import * as lumnisai from 'lumnisai'
import {
  LumnisClient,
  LumnisError,
  AuthenticationError,
  NotFoundError,
  ValidationError,
  RateLimitError,
  InternalServerError,
  TransportError,
  LumnisTimeoutError,
  DecodeError,
  ConfigurationError,
} from 'lumnisai'
import { startServer } from './helpers.mjs'

let server
let client

before(async () => {
  server = await startServer()
  client = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl })
  await client.createUser({ email: 'known@example.com' })
})
after(() => server.stop())

function fieldsOf(error) {
  return {
    message: error.message,
    code: error.code,
    statusCode: error.statusCode,
    requestId: error.requestId,
  }
}

test('a 404 is a NotFoundError with status, request id and code', async () => {
  const error = await client.getUser('nobody@example.com').catch((e) => e)
  assert.ok(error instanceof NotFoundError)
  assert.ok(error instanceof LumnisError)
  assert.ok(error instanceof Error)
  assert.equal(error.name, 'NotFoundError')
  assert.equal(error.kind, 'not_found')
  const fields = fieldsOf(error)
  assert.equal(fields.statusCode, 404)
  assert.ok(fields.requestId)
  assert.equal(typeof fields.code, 'string')
  assert.ok(fields.message.length > 0)
  assert.match(error.stack, /NotFoundError/)
})

test('a wrong key is an AuthenticationError that never shows the key', async () => {
  const secret = 'sk-wrong-secret-key-777'
  const bad = new LumnisClient({ apiKey: secret, baseUrl: server.baseUrl })
  const error = await bad.getUser('known@example.com').catch((e) => e)
  assert.ok(error instanceof AuthenticationError)
  assert.equal(error.statusCode, 401)
  const shown = `${error} ${error.stack} ${JSON.stringify(error)} ${JSON.stringify(error.details)}`
  assert.ok(!shown.includes(secret))
})

test('a 422 from the server is a ValidationError with details, tried once', async () => {
  await server.clearLog()
  await server.fault({ method: 'GET', path: '/v1/users/*', kind: 'status', status: 422 })
  const error = await client.getUser('known@example.com').catch((e) => e)
  assert.ok(error instanceof ValidationError)
  assert.equal(error.statusCode, 422)
  assert.notEqual(error.details, undefined)
  assert.equal((await server.log()).length, 1)
})

test('503 twice: retried with one idempotency key, one user created', async () => {
  await server.clearLog()
  await server.fault({ method: 'POST', path: '/v1/users', kind: 'status', status: 503, count: 2 })
  const user = await client.createUser({ email: 'retried@example.com' })
  const attempts = (await server.log()).filter((r) => r.method === 'POST')
  assert.equal(attempts.length, 3)
  assert.ok(attempts[0].idempotency_key)
  assert.ok(attempts.every((a) => a.idempotency_key === attempts[0].idempotency_key))
  const { users } = await client.listUsers({ pageSize: 100 })
  assert.equal(users.filter((u) => u.email === 'retried@example.com').length, 1)
  assert.equal(user.email, 'retried@example.com')
})

test('a connection dropped after the server committed does not create twice', async () => {
  await server.fault({ method: 'POST', path: '/v1/users', kind: 'drop_after_commit' })
  await client.createUser({ email: 'committed@example.com' })
  const { users } = await client.listUsers({ pageSize: 100 })
  assert.equal(users.filter((u) => u.email === 'committed@example.com').length, 1)
})

test('sustained 5xx is an InternalServerError after maxRetries + 1 attempts', async () => {
  const quick = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl, maxRetries: 1 })
  await server.clearLog()
  await server.fault({ method: 'GET', path: '/v1/users/*', kind: 'status', status: 500, count: 5 })
  const error = await quick.getUser('known@example.com').catch((e) => e)
  await server.clearFaults()
  assert.ok(error instanceof InternalServerError)
  assert.equal(error.statusCode, 500)
  assert.equal((await server.log()).length, 2)
})

test('429 with Retry-After: 1 waits, then succeeds', async () => {
  await server.fault({
    method: 'GET',
    path: '/v1/users/*',
    kind: 'status',
    status: 429,
    retry_after: '1',
  })
  const started = Date.now()
  const user = await client.getUser('known@example.com')
  assert.equal(user.email, 'known@example.com')
  assert.ok(Date.now() - started >= 950)
})

test('a Retry-After over the cap is a RateLimitError with retryAfter', async () => {
  await server.fault({
    method: 'GET',
    path: '/v1/users/*',
    kind: 'status',
    status: 429,
    retry_after: '120',
  })
  const started = Date.now()
  const error = await client.getUser('known@example.com').catch((e) => e)
  assert.ok(error instanceof RateLimitError)
  assert.equal(error.retryAfter, 120)
  assert.ok(Date.now() - started < 5000)
})

test('malformed and wrongly typed JSON are DecodeErrors; the client still works', async () => {
  for (const kind of ['invalid_json', 'wrong_type']) {
    await server.fault({ method: 'GET', path: '/v1/users/*', kind, count: 10 })
    const error = await client.getUser('known@example.com').catch((e) => e)
    await server.clearFaults()
    assert.ok(error instanceof DecodeError, `${kind}: ${error}`)
    assert.ok(!error.message.includes(server.apiKey))
  }
  assert.equal((await client.getUser('known@example.com')).email, 'known@example.com')
})

test('a hung server is a LumnisTimeoutError per attempt', async () => {
  const hasty = new LumnisClient({
    apiKey: server.apiKey,
    baseUrl: server.baseUrl,
    timeoutMs: 200,
    maxRetries: 0,
  })
  await server.fault({ method: 'GET', path: '/v1/users/*', kind: 'hang' })
  const started = Date.now()
  const error = await hasty.getUser('known@example.com').catch((e) => e)
  await server.clearFaults()
  assert.ok(error instanceof LumnisTimeoutError, String(error))
  assert.ok(Date.now() - started < 2000)
})

test('a refused connection is a TransportError after the retries', async () => {
  const nowhere = new LumnisClient({
    apiKey: 'k',
    baseUrl: 'http://127.0.0.1:9',
    maxRetries: 1,
  })
  const error = await nowhere.getUser('a@b.co').catch((e) => e)
  assert.ok(error instanceof TransportError, String(error))
  assert.equal(error.statusCode, undefined)
})

test('a client with no key or a bad URL is a ConfigurationError at once', () => {
  // A blank key reads the environment (as the official client's `apiKey || env`): none there.
  const saved = process.env.LUMNISAI_API_KEY
  delete process.env.LUMNISAI_API_KEY
  try {
    assert.throws(() => new LumnisClient({ apiKey: '   ' }), ConfigurationError)
  } finally {
    if (saved !== undefined) process.env.LUMNISAI_API_KEY = saved
  }
  assert.throws(() => new LumnisClient({ apiKey: 'k', baseUrl: 'ftp://x' }), ConfigurationError)
  // A setting it cannot be built with too: the client, not a call, is wrong.
  assert.throws(() => new LumnisClient({ apiKey: 'k', scope: 'team' }), ConfigurationError)
  assert.throws(() => new LumnisClient({ apiKey: 'k', timeoutMs: 1e300 }), ConfigurationError)
  assert.throws(() => new LumnisClient({ apiKey: 'k', maxRetries: -1 }), ConfigurationError)
})

test('blank options read the environment, as the official client does', async () => {
  const saved = { key: process.env.LUMNISAI_API_KEY, url: process.env.LUMNISAI_BASE_URL }
  process.env.LUMNISAI_API_KEY = server.apiKey
  process.env.LUMNISAI_BASE_URL = server.baseUrl
  try {
    const fromEnv = new LumnisClient({ apiKey: '', baseUrl: '' })
    assert.equal(fromEnv.config.baseUrl.replace(/\/$/, ''), server.baseUrl.replace(/\/$/, ''))
    assert.equal(typeof (await fromEnv.listUsers()).total, 'number')
  } finally {
    const names = [['LUMNISAI_API_KEY', saved.key], ['LUMNISAI_BASE_URL', saved.url]]
    for (const [name, value] of names) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
})

test('every core kind has its own exported class', () => {
  const classes = [
    'LumnisError',
    'AuthenticationError',
    'NotFoundError',
    'ValidationError',
    'RateLimitError',
    'InternalServerError',
    'TransportError',
    'LumnisTimeoutError',
    'DecodeError',
    'BodyTooLargeError',
    'MissingUserIdError',
    'TenantScopeUserIdConflictError',
    'LocalFileNotSupportedError',
    'ConfigurationError',
    'IOError',
    'NotImplementedYetError',
  ]
  for (const name of classes) {
    assert.equal(typeof lumnisai[name], 'function', name)
    assert.ok(name === 'LumnisError' || lumnisai[name].prototype instanceof LumnisError, name)
  }
})

test('errors built by hand, as a test stub of the client builds them, read as thrown ones', () => {
  const notFound = new NotFoundError('no such user', { statusCode: 404, requestId: 'req_1' })
  assert.equal(notFound.kind, 'not_found')
  assert.equal(notFound.code, 'NOT_FOUND')
  assert.equal(notFound.statusCode, 404)
  assert.equal(notFound.requestId, 'req_1')
  assert.equal(notFound.message, 'no such user')
  const limited = new RateLimitError({ retryAfter: 5 })
  assert.equal(limited.retryAfter, 5)
  assert.equal(limited.kind, 'rate_limit')
  assert.equal(limited.message, 'Rate limit exceeded')
  const plain = new LumnisError('boom')
  assert.equal(plain.kind, 'unknown')
  assert.equal(plain.statusCode, undefined)
  assert.equal(new lumnisai.NotImplementedYetError().code, 'NOT_IMPLEMENTED')
})

test('errors built by hand get the official classes\' statuses and messages', () => {
  assert.equal(new NotFoundError('x').statusCode, 404)
  assert.equal(new lumnisai.ValidationError('bad').statusCode, 400)
  assert.equal(new lumnisai.AuthenticationError('no key').statusCode, 401)
  assert.equal(new lumnisai.InternalServerError('down').statusCode, 500)
  const limited = new RateLimitError({ retryAfter: '3' })
  assert.deepEqual([limited.message, limited.statusCode, limited.retryAfter], [
    'Rate limit exceeded',
    429,
    3,
  ])
  // A status given wins.
  assert.equal(new lumnisai.ValidationError('gone', { statusCode: 422 }).statusCode, 422)
  const local = new lumnisai.LocalFileNotSupportedError('/tmp/a.pdf')
  assert.match(local.message, /^Local file paths are not supported yet: \/tmp\/a\.pdf\. /)
  assert.equal(local.code, 'LOCAL_FILE_NOT_SUPPORTED')
  assert.ok(local instanceof lumnisai.ValidationError)
  const none = new lumnisai.NoDataSourcesError()
  assert.equal(none.code, 'NO_DATA_SOURCES')
  assert.match(none.message, /No people data sources configured/)
  const missing = new lumnisai.SourcesNotAvailableError('not here', ['PDL'])
  assert.deepEqual([missing.code, missing.availableSources], ['SOURCES_NOT_AVAILABLE', ['PDL']])
})

test('an error the client throws has a status only when a server answered', async () => {
  const early = await client.users.list({ pageSize: 101 }).catch((e) => e)
  assert.equal(early.name, 'ValidationError')
  assert.equal(early.statusCode, undefined, 'no request was made')
  const local = await client.invoke('x', { userId: 'a@example.com', files: ['/etc/passwd'] })
    .catch((e) => e)
  assert.equal(local.name, 'LocalFileNotSupportedError')
  assert.equal(local.statusCode, undefined)
})

test('verifyWebhookSignature checks an HMAC-SHA256 hex signature', async () => {
  const { createHmac } = await import('node:crypto')
  const body = '{"event":"message.received"}'
  const signature = createHmac('sha256', 'shh').update(body).digest('hex')
  const { verifyWebhookSignature } = lumnisai
  assert.equal(verifyWebhookSignature(body, signature, 'shh'), true)
  assert.equal(verifyWebhookSignature(Buffer.from(body), signature, 'shh'), true)
  assert.equal(verifyWebhookSignature(body + ' ', signature, 'shh'), false)
  assert.equal(verifyWebhookSignature(body, signature, 'other'), false)
  assert.equal(verifyWebhookSignature(body, `${signature.slice(0, 63)}z`, 'shh'), false)
  assert.equal(verifyWebhookSignature(body, '', 'shh'), false)
  assert.equal(verifyWebhookSignature(body, signature, ''), false)
})

test('a local file that cannot be read is an IOError', async () => {
  await assert.rejects(client.files.upload('/nonexistent/dir/file.txt'), { name: 'IOError' })
})

test('a native panic is rebuilt as a LumnisError, not a crash', async () => {
  // The addon settles a panicking call with kind "panic" (its Rust unit test shows that);
  // this checks the other half, the one place where such a failure becomes a class.
  const { createRequire } = await import('node:module')
  const { rethrow } = createRequire(import.meta.url)('../lib/errors.cjs')
  const native = new Error('the lumnisai native addon failed: boom')
  native.lumnisai = JSON.stringify({ kind: 'panic', message: native.message })
  assert.throws(() => rethrow(native), (err) => {
    assert.ok(err instanceof LumnisError)
    assert.equal(err.kind, 'panic')
    assert.match(err.message, /boom/)
    return true
  })
})
