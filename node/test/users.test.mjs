// Users through the package: upsert, get by email and id, list, update, delete, iteration,
// and free-form metadata keys kept exactly.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { LumnisClient, NotFoundError, ValidationError } from 'lumnisai'
import { startServer } from './helpers.mjs'

let server
let client

before(async () => {
  server = await startServer()
  client = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl })
})
after(() => server.stop())

test('createUser upserts and returns camelCase fields', async () => {
  const params = { email: 'ada@example.com', firstName: 'Ada', lastName: 'L' }
  const user = await client.createUser(params)
  assert.match(user.id, /^[0-9a-f-]{36}$/)
  assert.equal(user.email, 'ada@example.com')
  assert.equal(user.firstName, 'Ada')
  assert.equal(user.lastName, 'L')
  assert.equal(user.isActive, true)
  assert.ok(!Number.isNaN(Date.parse(user.createdAt)))
  assert.ok('tenantId' in user && 'updatedAt' in user && 'metadata' in user)
  assert.equal(user.first_name, undefined)

  const again = await client.createUser({ email: 'ADA@example.com', firstName: 'Other' })
  assert.equal(again.id, user.id)
})

test('getUser by email and by id', async () => {
  const created = await client.createUser({ email: 'grace@example.com', firstName: 'Grace' })
  const byEmail = await client.getUser('grace@example.com')
  const byId = await client.users.get(created.id)
  assert.equal(byEmail.id, created.id)
  assert.equal(byId.email, 'grace@example.com')
})

test('metadata keys are never re-cased', async () => {
  const metadata = { snake_key: 1, camelKey: { inner_key: [{ DeepKey: true }] }, 'kebab-key': 'x' }
  const user = await client.createUser({ email: 'meta@example.com', metadata })
  assert.deepEqual(user.metadata, metadata)
  const updated = await client.updateUser('meta@example.com', { metadata: { other_key: 2 } })
  assert.deepEqual(updated.metadata, { other_key: 2 })
})

test('listUsers pages with pagination and total', async () => {
  for (let i = 0; i < 5; i++) await client.createUser({ email: `page${i}@example.com` })
  const first = await client.listUsers({ page: 1, pageSize: 2 })
  assert.equal(first.users.length, 2)
  assert.equal(first.pagination.page, 1)
  assert.equal(first.pagination.pageSize, 2)
  assert.equal(first.pagination.hasNext, true)
  assert.equal(first.total, first.pagination.total)
  assert.ok(first.total >= 5)
  const all = await client.listUsers()
  assert.equal(all.pagination.pageSize, 20)
})

test('users.iterate walks every page', async () => {
  const { total } = await client.listUsers({ pageSize: 100 })
  const emails = []
  for await (const user of client.users.iterate({ pageSize: 2 })) emails.push(user.email)
  assert.equal(emails.length, total)
  assert.equal(new Set(emails).size, total)
})

test('leaving an iteration early stops reading pages', async () => {
  await server.clearLog()
  for await (const user of client.users.iterate({ pageSize: 1 })) {
    assert.ok(user.email)
    break
  }
  const pages = (await server.log()).filter((r) => r.path === '/v1/users')
  assert.equal(pages.length, 1)
})

test('updateUser changes only the fields given', async () => {
  await client.createUser({ email: 'bob@example.com', firstName: 'Bob', lastName: 'Smith' })
  const updated = await client.updateUser('bob@example.com', { firstName: 'Robert' })
  assert.equal(updated.firstName, 'Robert')
  assert.equal(updated.lastName, 'Smith')
})

test('deleteUser soft-deletes: get is then a NotFoundError', async () => {
  await client.createUser({ email: 'gone@example.com' })
  const result = await client.deleteUser('gone@example.com')
  assert.equal(typeof result.message, 'string')
  await assert.rejects(client.getUser('gone@example.com'), NotFoundError)
})

test('an invalid email is a ValidationError raised before any request', async () => {
  await server.clearLog()
  await assert.rejects(client.createUser({ email: 'not-an-email' }), ValidationError)
  await assert.rejects(client.listUsers({ pageSize: 101 }), ValidationError)
  await assert.rejects(client.listUsers({ pageSize: 0 }), ValidationError)
  assert.deepEqual(await server.log(), [])
})
