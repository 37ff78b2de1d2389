// Certificate authorities trusted besides the built-in roots: an HTTPS server on 127.0.0.1
// whose certificate a test CA signed (tests/tls/), reached without that CA, with it as the
// `ca` option, and with it in NODE_EXTRA_CA_CERTS, as fetch would reach it.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import https from 'node:https'
import { fileURLToPath } from 'node:url'
import { LumnisClient, TransportError, ConfigurationError } from 'lumnisai'

const fixture = (name) => new URL(`../../tests/tls/${name}`, import.meta.url)
let server
let baseUrl

before(async () => {
  server = https.createServer(
    { cert: fs.readFileSync(fixture('server.pem')), key: fs.readFileSync(fixture('server.key')) },
    (req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end('{"status":"ok"}')
    },
  )
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `https://127.0.0.1:${server.address().port}`
})
after(() => server.close())

const options = { apiKey: 'k', maxRetries: 0 }

test('a server signed by an unknown CA is refused', async () => {
  const error = await new LumnisClient({ ...options, baseUrl }).health().catch((e) => e)
  assert.ok(error instanceof TransportError, String(error))
  assert.match(error.message, /certificate/)
})

test('the ca option trusts a CA, as text, as a Buffer, or in a list', async () => {
  const pem = fs.readFileSync(fixture('ca.pem'))
  for (const ca of [pem.toString(), pem, [pem]]) {
    const client = new LumnisClient({ ...options, baseUrl, ca })
    assert.equal((await client.health()).status, 'ok')
  }
  assert.throws(() => new LumnisClient({ ...options, baseUrl, ca: 42 }), ConfigurationError)
  assert.throws(() => new LumnisClient({ ...options, baseUrl, ca: 'no pem' }), ConfigurationError)
})

test('NODE_EXTRA_CA_CERTS is trusted, as fetch trusts it', async () => {
  process.env.NODE_EXTRA_CA_CERTS = fileURLToPath(fixture('ca.pem'))
  try {
    assert.equal((await new LumnisClient({ ...options, baseUrl }).health()).status, 'ok')
  } finally {
    delete process.env.NODE_EXTRA_CA_CERTS
  }
})
