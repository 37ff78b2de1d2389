// What the native layer adds: AbortSignal cancels the Rust call, worker_threads, the process
// exits on its own, no key in inspect/toString/logs, LUMNISAI_LOG, one pool per client, and
// the CommonJS entry point, and the packed package installed elsewhere.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import util from 'node:util'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { LumnisClient } from 'lumnisai'
import { startServer, runNode } from './helpers.mjs'

const SECRET = 'sk-node-secret-4242'
let server
let client

before(async () => {
  server = await startServer({ args: ['--api-key', SECRET] })
  client = new LumnisClient({ apiKey: SECRET, baseUrl: server.baseUrl })
  await client.createUser({ email: 'known@example.com' })
})
after(() => server.stop())

test('an AbortSignal cancels the native request; no retry; the client goes on', async () => {
  await server.clearLog()
  await server.fault({ method: 'GET', path: '/v1/users/*', kind: 'hang' })
  const controller = new AbortController()
  setTimeout(() => controller.abort(), 150)
  const started = Date.now()
  const error = await client.getUser('known@example.com', { signal: controller.signal })
    .catch((e) => e)
  assert.equal(error.name, 'AbortError')
  assert.ok(Date.now() - started < 1000)
  await new Promise((r) => setTimeout(r, 300))
  await server.clearFaults()
  // The hung attempt is logged once the server sees the connection go, if it has by now.
  const attempts = (await server.log()).filter((r) => r.path.startsWith('/v1/users/'))
  assert.ok(attempts.length <= 1, `${attempts.length} attempts`)
  assert.equal((await client.getUser('known@example.com')).email, 'known@example.com')
})

test('an aborted call rejects with the signal\'s reason, as fetch does', async () => {
  await server.fault({ method: 'GET', path: '/v1/users/*', kind: 'hang', count: 2 })
  const timedOut = await client.getUser('known@example.com', { signal: AbortSignal.timeout(100) })
    .catch((e) => e)
  assert.equal(timedOut.name, 'TimeoutError')
  const reason = new Error('the user left')
  const controller = new AbortController()
  setTimeout(() => controller.abort(reason), 100)
  const left = await client.getUser('known@example.com', { signal: controller.signal })
    .catch((e) => e)
  assert.equal(left, reason)
  await server.clearFaults()
  const already = await client.listUsers({ signal: AbortSignal.abort(reason) }).catch((e) => e)
  assert.equal(already, reason)
})

test('an already-aborted signal rejects without a request', async () => {
  await server.clearLog()
  const error = await client.listUsers({ signal: AbortSignal.abort() }).catch((e) => e)
  assert.equal(error.name, 'AbortError')
  assert.deepEqual(await server.log(), [])
})

test('AbortSignal.timeout stops an invoke and its polling', async () => {
  await server.settings({ agent_latency_ms: 5000 })
  try {
    await server.clearLog()
    const error = await client
      .invoke('long', { userId: 'known@example.com', signal: AbortSignal.timeout(300) })
      .catch((e) => e)
    assert.equal(error.name, 'TimeoutError', 'the signal\'s reason, as fetch gives')
    await new Promise((r) => setTimeout(r, 600))
    // A read held by the server when the abort came may be logged later; none may start
    // after it.
    const log = await server.log()
    const created = log.find((r) => r.method === 'POST' && r.path === '/v1/responses')
    const reads = log.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/responses/'))
    assert.ok(reads.length >= 1)
    for (const read of reads) assert.ok(read.started_ms < created.started_ms + 450, read)
  } finally {
    await server.settings({ agent_latency_ms: 300 })
  }
})

test('an AbortSignal ends a stream iteration', async () => {
  const controller = new AbortController()
  const states = []
  const error = await (async () => {
    for await (const entry of client.invoke('x', {
      userId: 'known@example.com',
      stream: true,
      signal: controller.signal,
    })) {
      states.push(entry.state)
      controller.abort()
    }
  })().catch((e) => e)
  assert.equal(error?.name, 'AbortError')
  assert.deepEqual(states, ['processing'])
})

test('clients work from worker_threads alongside the main thread', async () => {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads')
    const { LumnisClient } = require('lumnisai')
    const client = new LumnisClient({ apiKey: workerData.key, baseUrl: workerData.url })
    ;(async () => {
      const ids = []
      for (let i = 0; i < 20; i++) {
        const u = await client.createUser({ email: 'w' + workerData.n + '-' + i + '@example.com' })
        ids.push(u.id)
      }
      const all = await Promise.all(ids.map((id) => client.getUser(id)))
      parentPort.postMessage(all.length)
    })().catch((e) => parentPort.postMessage(String(e)))
  `
  const workers = [1, 2, 3].map(
    (n) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(source, {
          eval: true,
          workerData: { key: SECRET, url: server.baseUrl, n },
        })
        worker.once('message', resolve)
        worker.once('error', reject)
      }),
  )
  const main = Promise.all(Array.from({ length: 20 }, () => client.getUser('known@example.com')))
  const [counts, mine] = await Promise.all([Promise.all(workers), main])
  assert.deepEqual(counts, [20, 20, 20])
  assert.equal(mine.length, 20)
})

test('the process exits on its own once its calls are done', async () => {
  const script = `
    import { LumnisClient } from 'lumnisai'
    const client = new LumnisClient({ apiKey: '${SECRET}', baseUrl: '${server.baseUrl}' })
    await client.getUser('known@example.com')
    for await (const entry of client.invoke('x', { userId: 'known@example.com', stream: true })) {
      if (entry.state === 'tool_call') break
    }
    await client.getUser('known@example.com', { signal: AbortSignal.timeout(5000) })
    console.log('done')
  `
  const run = await runNode(['--input-type=module', '-e', script], { timeoutMs: 10000 })
  assert.equal(run.code, 0, run.stderr)
  assert.equal(run.stdout.trim(), 'done')
  assert.ok(run.elapsedMs < 3000, `took ${run.elapsedMs} ms`)
})

test('a pending call keeps the process alive until it settles', async () => {
  const script = `
    import { LumnisClient } from 'lumnisai'
    const client = new LumnisClient({ apiKey: '${SECRET}', baseUrl: '${server.baseUrl}' })
    client.invoke('x', { userId: 'known@example.com' }).then((r) => console.log(r.status))
  `
  const run = await runNode(['--input-type=module', '-e', script])
  assert.equal(run.code, 0, run.stderr)
  assert.equal(run.stdout.trim(), 'succeeded')
})

test('inspect, toString and JSON of clients and resources never show the key', () => {
  const bound = client.forUser('known@example.com')
  const shown = [
    util.inspect(client, { showHidden: true, depth: 10 }),
    util.inspect(bound, { showHidden: true, depth: 10 }),
    util.inspect(client.users, { showHidden: true, depth: 10 }),
    util.inspect(client.files, { showHidden: true, depth: 10 }),
    String(client),
    String(bound),
    JSON.stringify(client),
    JSON.stringify({ ...client }),
    Object.values(client).join(' '),
  ].join('\n')
  assert.ok(!shown.includes(SECRET), shown)
  assert.match(util.inspect(bound), /known@example\.com/)
  assert.match(util.inspect(client), /baseUrl/)
  assert.equal(bound.config.scope, 'user')
})

test('LUMNISAI_LOG=debug (or trace) prints request logs to stderr, without the key', async () => {
  const script = `
    import { LumnisClient } from 'lumnisai'
    const client = new LumnisClient({ apiKey: '${SECRET}', baseUrl: '${server.baseUrl}' })
    await client.getUser('known@example.com')
  `
  const quiet = await runNode(['--input-type=module', '-e', script])
  assert.equal(quiet.code, 0, quiet.stderr)
  assert.equal(quiet.stderr, '')
  for (const level of ['debug', 'trace']) {
    const loud = await runNode(['--input-type=module', '-e', script], {
      env: { LUMNISAI_LOG: level },
    })
    assert.equal(loud.code, 0, loud.stderr)
    assert.match(loud.stderr, /\/v1\/users/)
    assert.ok(!loud.stderr.includes(SECRET))
    // A pipe is no terminal: plain text, no colour codes.
    assert.ok(!loud.stderr.includes('\x1b['), JSON.stringify(loud.stderr.slice(0, 80)))
  }
})

test('a tenant-scope run warns by default (a process warning), without debug logs', async () => {
  const script = `
    import { LumnisClient } from 'lumnisai'
    const client = new LumnisClient({ apiKey: '${SECRET}', baseUrl: '${server.baseUrl}' })
    process.on('warning', (w) => console.log('warning', w.name, w.message))
    await client.responses.create({ messages: [{ role: 'user', content: 'tenant run' }] })
    await client.getUser('known@example.com')
    await new Promise((resolve) => setTimeout(resolve, 50))
  `
  const run = await runNode(['--input-type=module', '-e', script])
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stdout, /^warning LumnisWarning .*bypasses user isolation/m)
  assert.match(run.stderr, /LumnisWarning: .*bypasses user isolation/)
  assert.doesNotMatch(run.stderr, /\/v1\/users|DEBUG/)
  assert.ok(!run.stderr.includes(SECRET))
  // With LUMNISAI_LOG, the warning is among the logs on stderr instead, once.
  const logged = await runNode(['--input-type=module', '-e', script], {
    env: { LUMNISAI_LOG: 'warn' },
  })
  assert.equal(logged.code, 0, logged.stderr)
  assert.equal(logged.stderr.match(/bypasses user isolation/g)?.length, 1)
  assert.doesNotMatch(logged.stdout, /LumnisWarning/)
})

test('forUser views share one connection pool', async () => {
  await server.clearLog()
  const alice = client.forUser('known@example.com')
  await client.getUser('known@example.com')
  await alice.getUser('known@example.com')
  await client.forUser('other@example.com').listThreads().catch(() => {})
  const ids = new Set((await server.log()).map((r) => r.connection_id))
  assert.equal(ids.size, 1)
})

test('the CommonJS entry point exports the same classes', async () => {
  const script = `
    const cjs = require('lumnisai')
    import('lumnisai').then((esm) => {
      console.log(cjs.LumnisClient === esm.LumnisClient, cjs.NotFoundError === esm.NotFoundError)
      const client = new cjs.LumnisClient({ apiKey: 'k', baseUrl: '${server.baseUrl}' })
      return client.getUser('nobody@example.com').catch((e) => {
        console.log(e instanceof esm.AuthenticationError, e.statusCode)
      })
    })
  `
  const run = await runNode(['-e', script])
  assert.equal(run.code, 0, run.stderr)
  assert.equal(run.stdout.trim(), 'true true\ntrue 401')
})

test('the packed package installs into another project and loads both ways', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lumnisai-pack-'))
  try {
    const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8' })
    const tarball = npm(['pack', '--silent', '--pack-destination', dir], process.cwd()).trim()
    writeFileSync(join(dir, 'package.json'), '{"name":"consumer","private":true}')
    npm(['install', '--no-audit', '--no-fund', '--offline', `./${tarball}`], dir)
    const script = `
      const { LumnisClient } = require('lumnisai')
      import('lumnisai').then(async (esm) => {
        const client = new esm.LumnisClient({ apiKey: '${SECRET}', baseUrl: '${server.baseUrl}' })
        const user = await client.getUser('known@example.com')
        console.log(LumnisClient === esm.LumnisClient, user.email)
      })
    `
    const run = await runNode(['-e', script], { cwd: dir })
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout.trim(), 'true known@example.com')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
