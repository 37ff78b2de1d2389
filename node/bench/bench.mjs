// `make bench-node`: the package against raw fetch (undici) making the same HTTP requests to
// one local server, in the same run; prints a markdown table of medians.
//
// Run with LUMNIS_LOCAL_BIN pointing at a release lumnis-local (the Makefile does).

import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer } from '../test/helpers.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const PACKAGE = path.resolve(here, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const CALLS = 1000
const AGENT_MS = 300

const loadStarted = performance.now()
const { LumnisClient } = await import('lumnisai')
const inProcessLoadMs = performance.now() - loadStarted

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function timed(fn) {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

async function runs(fn) {
  await fn() // warm-up: connections opened, code paths compiled
  const times = []
  for (let i = 0; i < RUNS; i++) times.push(await timed(fn))
  return median(times)
}

const server = await startServer({ agentLatencyMs: AGENT_MS })
const client = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl })
const headers = { 'X-API-Key': server.apiKey, 'content-type': 'application/json' }
const raw = {
  getUser: (id) =>
    fetch(`${server.baseUrl}/v1/users/${id}`, { headers }).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`)
      return r.json()
    }),
  listUsers: () =>
    fetch(`${server.baseUrl}/v1/users?page=1&page_size=100`, { headers }).then((r) => r.json()),
  async invoke(content) {
    const created = await fetch(`${server.baseUrl}/v1/responses`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ messages: [{ role: 'user', content }], user_id: 'bench@example.com' }),
    }).then((r) => r.json())
    for (;;) {
      const url = `${server.baseUrl}/v1/responses/${created.response_id}?wait=10`
      const response = await fetch(url, { headers }).then((r) => r.json())
      if (['succeeded', 'failed', 'cancelled'].includes(response.status)) return response
    }
  },
}

const users = []
users.push(await client.createUser({ email: 'bench@example.com' }))
for (let i = 1; i < 100; i++) users.push(await client.createUser({ email: `b${i}@example.com` }))
const ids = Array.from({ length: CALLS }, (_, i) => users[i % users.length].id)

const rows = []
function row(measure, ours, theirs, unit, target) {
  rows.push({ measure, ours, theirs, unit, target })
}

// Throughput, as calls per second.
const seqOurs = await runs(async () => {
  for (const id of ids) await client.getUser(id)
})
const seqRaw = await runs(async () => {
  for (const id of ids) await raw.getUser(id)
})
const perSecond = (ms) => (CALLS / ms) * 1e3
row('1,000 sequential getUser', perSecond(seqOurs), perSecond(seqRaw), 'calls/s', '>= 1.0x')

const concOurs = await runs(() => Promise.all(ids.map((id) => client.getUser(id))))
const concRaw = await runs(() => Promise.all(ids.map((id) => raw.getUser(id))))
row('1,000 concurrent getUser', perSecond(concOurs), perSecond(concRaw), 'calls/s', '>= 1.5x')

// Latency of one call, median over 100 sequential ones per run.
const listOurs = await runs(async () => {
  for (let i = 0; i < 100; i++) await client.listUsers({ pageSize: 100 })
})
const listRaw = await runs(async () => {
  for (let i = 0; i < 100; i++) await raw.listUsers()
})
row('listUsers({ pageSize: 100 }), 100 users', listOurs / 100, listRaw / 100, 'ms/call', '')

const invokeOurs = await runs(() => client.invoke('bench', { userId: 'bench@example.com' }))
const invokeRaw = await runs(() => raw.invoke('bench'))
row(`invoke, ${AGENT_MS} ms agent run`, invokeOurs, invokeRaw, 'ms', `<= ${AGENT_MS + 20} ms`)

const rss = process.memoryUsage().rss / 2 ** 20
await server.stop()

// A fresh process per measurement: the addon load, and the RSS of one client and one call.
function child(source) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: PACKAGE,
    encoding: 'utf8',
  })
  return Number(out.trim())
}
const LOAD =
  'const t = performance.now(); await import("lumnisai"); console.log(performance.now() - t)'
const loads = Array.from({ length: RUNS }, () => child(LOAD))
const bareRss = Array.from({ length: RUNS }, () =>
  child('await fetch("data:,x"); console.log(process.memoryUsage().rss / 2 ** 20)'),
)
const loadedRss = Array.from({ length: RUNS }, () =>
  child(`const { LumnisClient } = await import('lumnisai')
    new LumnisClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' })
    console.log(process.memoryUsage().rss / 2 ** 20)`),
)

const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(2))
console.log(`Node ${process.version}, ${RUNS} runs each (medians), lumnis-local release build\n`)
console.log('| measure | lumnisai | raw fetch | ratio | target |')
console.log('| --- | --- | --- | --- | --- |')
for (const r of rows) {
  const ratio = r.unit === 'calls/s' ? r.ours / r.theirs : r.theirs / r.ours
  const rendered = `${fmt(r.ours)} ${r.unit} | ${fmt(r.theirs)} ${r.unit} | ${ratio.toFixed(2)}x`
  console.log(`| ${r.measure} | ${rendered} | ${r.target} |`)
}
console.log(
  `| invoke overhead over the agent run | ${fmt(invokeOurs - AGENT_MS)} ms | ` +
    `${fmt(invokeRaw - AGENT_MS)} ms | | <= 20 ms |`,
)
console.log(`| addon load (fresh process) | ${fmt(median(loads))} ms | | | |`)
console.log(`| addon load (this process, first import) | ${fmt(inProcessLoadMs)} ms | | | |`)
console.log(
  `| RSS, fresh process with a client vs with fetch | ${fmt(median(loadedRss))} MiB | ` +
    `${fmt(median(bareRss))} MiB | | |`,
)
console.log(`| RSS after the benchmark (both clients) | ${fmt(rss)} MiB | | | |`)
