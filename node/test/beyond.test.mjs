// The official SDK's calls beyond the wire contract: each exists by name and rejects with a
// NotImplementedYetError naming the call, before any request; the client stays usable.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import util from 'node:util'
import {
  LumnisClient,
  LumnisError,
  NotImplementedYetError,
  ChannelType,
  LINKEDIN_LIMITS,
  MessagingSendError,
  MessagingAPIError,
  getLimits,
  getContentLimit,
} from 'lumnisai'
import { startServer } from './helpers.mjs'

let server
let client

before(async () => {
  server = await startServer()
  client = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl })
})
after(() => server.stop())

async function refused(promise, call) {
  const error = await promise.then(
    () => assert.fail(`${call} resolved`),
    (e) => e,
  )
  assert.ok(error instanceof NotImplementedYetError, `${call}: ${error}`)
  assert.equal(error.kind, 'not_implemented')
  assert.ok(error.message.includes(call), `${error.message} names ${call}`)
  assert.match(error.message, /users, threads, responses and files/)
}

test('client calls outside the contract reject, naming the call', async () => {
  await server.clearLog()
  await refused(client.listApps(), 'client.listApps()')
  await refused(client.createSkill({ name: 's' }), 'client.createSkill()')
  await refused(client.forUser('a@example.com').addApiKey({}), 'client.addApiKey()')
  assert.deepEqual(await server.log(), [], 'no request is sent')
})

test('resources outside the contract reject every call, and print as what they are', async () => {
  await refused(client.skills.list(), 'client.skills.list()')
  await refused(client.mcpServers.create({}), 'client.mcpServers.create()')
  await refused(client.people.search({ query: 'x' }), 'client.people.search()')
  assert.equal(await client.integrations, client.integrations, 'awaiting it does not hang')
  assert.match(util.inspect(client.skills), /not available in this lumnisai package/)
  assert.match(String(client.tenantInfo), /tenantInfo/)
})

test('file and user calls outside the contract reject; the covered ones still work', async () => {
  await refused(client.files.search({ query: 'x' }), 'client.files.search()')
  await refused(client.files.bulkDelete(['f']), 'client.files.bulkDelete()')
  await refused(client.users.getResponses('a@example.com'), 'client.users.getResponses()')
  await refused(client.responses.quickPeopleSearch('engineers'), 'quickPeopleSearch()')
  await refused(client.responses.peopleScoring('x', []), 'client.responses.peopleScoring()')
  const user = await client.createUser({ email: 'still@example.com' })
  assert.equal((await client.users.get(user.id)).email, 'still@example.com')
})

test('tenantId reads the configured tenant, as the official client has it', () => {
  assert.equal(client.tenantId, undefined)
  const tenant = '11111111-2222-4333-8444-555555555555'
  const withTenant = new LumnisClient({ apiKey: 'k', baseUrl: server.baseUrl, tenantId: tenant })
  assert.equal(withTenant.tenantId, tenant)
  assert.doesNotMatch(util.inspect(client), /createSkill|NotInThisPackage/)
})

test('the official exports outside the contract load, and say so when used', () => {
  // Named imports of these would stop the whole module from loading if they were missing.
  const said = (fn, what) =>
    assert.throws(fn, (e) => e instanceof NotImplementedYetError && e.message.startsWith(what))
  said(() => getLimits('basic'), 'getLimits() (LinkedIn limits) is not available here')
  said(() => getContentLimit('linkedin', 'message'), 'getContentLimit()')
  said(() => ChannelType.GMAIL, 'ChannelType.GMAIL (messaging)')
  said(() => LINKEDIN_LIMITS.basic, 'LINKEDIN_LIMITS.basic')
  assert.match(String(ChannelType), /not available in this lumnisai package/)
  assert.match(util.inspect(LINKEDIN_LIMITS), /LINKEDIN_LIMITS: not available/)
  const error = new MessagingSendError('not sent')
  assert.ok(error instanceof MessagingAPIError && error instanceof LumnisError)
  assert.equal(error.message, 'not sent')
})
