// files.*: uploads from a path, a Buffer, a Uint8Array, a Blob, a File and a Node stream (a
// large one streamed, not buffered whole), downloads to memory and to a path, and scoping.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import {
  LumnisClient,
  LumnisError,
  NotFoundError,
  MissingUserIdError,
  BodyTooLargeError,
  IOError,
} from 'lumnisai'
import { startServer } from './helpers.mjs'

let server
let client
let alice
let dir

before(async () => {
  server = await startServer()
  client = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl })
  await client.createUser({ email: 'alice@example.com' })
  await client.createUser({ email: 'bob@example.com' })
  alice = client.forUser('alice@example.com')
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumnisai-node-'))
})
after(async () => {
  await server.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const sha = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex')

test('upload from a path, then get, getContent, download and delete', async () => {
  const file = path.join(dir, 'notes.txt')
  fs.writeFileSync(file, 'line one\nline two\n')
  const up = await alice.files.upload(file, { tags: ['a', 'b'] })
  assert.equal(up.fileName, 'notes.txt')
  const meta = await alice.files.get(up.fileId)
  assert.equal(meta.fileScope, 'user')
  assert.equal(meta.fileSize, 18)
  assert.deepEqual(meta.tags, ['a', 'b'])
  assert.equal(meta.mimeType, 'text/plain')
  const content = await alice.files.getContent(up.fileId)
  assert.match(content.text, /line two/)
  const bytes = await alice.files.download(up.fileId)
  assert.ok(Buffer.isBuffer(bytes))
  assert.equal(bytes.toString(), 'line one\nline two\n')
  const listed = await alice.files.list()
  assert.ok(listed.files.some((f) => f.id === up.fileId))
  await alice.files.delete(up.fileId, { hardDelete: true })
  await assert.rejects(alice.files.get(up.fileId), NotFoundError)
})

test('a user-scoped file is invisible to another user', async () => {
  const up = await alice.files.upload(Buffer.from('private'), { fileName: 'p.txt' })
  const bob = client.forUser('bob@example.com')
  await assert.rejects(bob.files.get(up.fileId), NotFoundError)
  const mine = await client.files.get(up.fileId, 'alice@example.com')
  assert.equal(mine.fileName, 'p.txt')
})

test('upload from a Buffer, a Uint8Array, a Blob and a File', async () => {
  const a = await client.files.upload(Buffer.from('buffer body'), { fileName: 'a.txt' })
  const u8 = new TextEncoder().encode('typed array body')
  const b = await client.files.upload(u8, { fileName: 'b.txt' })
  const blob = new Blob(['blob body'], { type: 'text/plain' })
  const c = await client.files.upload(blob, { fileName: 'c.txt' })
  const d = await client.files.upload(new File(['file body'], 'd.md'))
  assert.equal(d.fileName, 'd.md')
  const got = await Promise.all([a, b, c, d].map((f) => client.files.download(f.fileId)))
  assert.deepEqual(got.map(String), ['buffer body', 'typed array body', 'blob body', 'file body'])
  const meta = await client.files.get(a.fileId)
  assert.equal(meta.fileScope, 'tenant')
})

test('upload from fs.createReadStream with scope user, as in the seed', async () => {
  const file = path.join(dir, 'report.csv')
  fs.writeFileSync(file, 'a,b\n1,2\n')
  const fileStream = fs.createReadStream(file)
  const up = await alice.files.upload(fileStream, { scope: 'user' })
  assert.equal(up.fileName, 'report.csv')
  assert.equal(String(await alice.files.download(up.fileId)), 'a,b\n1,2\n')
})

test('a missing path is an IOError whose details say why, before any request', async () => {
  await server.clearLog()
  const missing = path.join(dir, 'missing.pdf')
  await assert.rejects(alice.files.upload(missing), (err) => {
    assert.ok(err instanceof IOError)
    assert.deepEqual(err.details, { path: missing, reason: 'not_found' })
    return true
  })
  assert.deepEqual(await server.log(), [])
})

test('a user-scoped upload with no user fails before any request', async () => {
  await server.clearLog()
  await assert.rejects(client.files.upload(Buffer.from('x'), { scope: 'user' }), MissingUserIdError)
  assert.deepEqual(await server.log(), [])
})

test('a large stream upload is streamed and its bytes come back equal', async () => {
  // Over the 64 MiB body limit, so that the download into memory must refuse it.
  const size = 128 * 1024 * 1024
  const file = path.join(dir, 'big.bin')
  const chunk = crypto.randomBytes(1024 * 1024)
  const out = fs.openSync(file, 'w')
  for (let i = 0; i < size / chunk.length; i++) fs.writeSync(out, chunk)
  fs.closeSync(out)

  const rssBefore = process.memoryUsage().rss
  const up = await client.files.upload(fs.createReadStream(file), { fileName: 'big.bin' })
  const rssGrowth = process.memoryUsage().rss - rssBefore
  // Buffering the file whole would grow RSS by at least its size; streaming costs a constant.
  assert.ok(rssGrowth < size * 0.75, `upload grew RSS by ${rssGrowth} bytes`)

  const target = path.join(dir, 'big-copy.bin')
  const written = await client.files.download(up.fileId, { path: target })
  assert.equal(written, size)
  assert.equal(sha(fs.readFileSync(target)), sha(fs.readFileSync(file)))
  await assert.rejects(client.files.download(up.fileId), BodyTooLargeError)
  fs.rmSync(file)
  fs.rmSync(target)
})

test('an upload cut at half: bytes are resent whole, a stream is not replayed', async () => {
  const body = crypto.randomBytes(512 * 1024)
  await server.fault({ method: 'POST', path: '/v1/files/upload', kind: 'cut_upload' })
  const resent = await client.files.upload(body, { fileName: 'resent.bin' })
  assert.equal(sha(await client.files.download(resent.fileId)), sha(body))

  await server.fault({ method: 'POST', path: '/v1/files/upload', kind: 'cut_upload' })
  await assert.rejects(
    client.files.upload(Readable.from([body]), { fileName: 'once.bin' }),
    (error) => error instanceof LumnisError,
  )
  const { files } = await client.files.list({ limit: 100 })
  assert.deepEqual(files.filter((f) => f.fileName === 'once.bin'), [])
  assert.equal(files.filter((f) => f.fileName === 'resent.bin').length, 1)
})

test('an upload of a Blob or File cut at half is resent whole', async () => {
  const body = crypto.randomBytes(512 * 1024)
  for (const [name, source] of [
    ['blob.bin', new Blob([body])],
    ['file.bin', new File([body], 'file.bin', { type: 'application/octet-stream' })],
  ]) {
    await server.fault({ method: 'POST', path: '/v1/files/upload', kind: 'cut_upload' })
    await server.clearLog()
    const up = await client.files.upload(source, { fileName: name })
    const tries = (await server.log()).filter((r) => r.path === '/v1/files/upload')
    assert.equal(tries.length, 2)
    assert.equal(tries[0].idempotency_key, tries[1].idempotency_key)
    assert.equal(sha(await client.files.download(up.fileId)), sha(body))
    const stored = await client.files.get(up.fileId)
    assert.equal(stored.fileName, name)
  }
  const typed = await client.files.upload(new File(['hi'], 'typed.txt', { type: 'text/plain' }))
  assert.equal((await client.files.get(typed.fileId)).mimeType, 'text/plain')
})

test('files.getStatus says where processing stands', async () => {
  const up = await alice.files.upload(Buffer.from('status, please'), { fileName: 'status.txt' })
  const status = await alice.files.getStatus(up.fileId)
  assert.equal(typeof status.status, 'string')
  assert.ok('progressPercentage' in status && 'errorMessage' in status)
  await assert.rejects(alice.files.getStatus('00000000-0000-0000-0000-000000000000'), {
    name: 'NotFoundError',
  })
})

test('a generic async iterable (no known length) uploads too', async () => {
  async function* parts() {
    yield 'part one, '
    yield Buffer.from('part two')
  }
  const up = await client.files.upload(Readable.from(parts()), { fileName: 'parts.txt' })
  assert.equal(String(await client.files.download(up.fileId)), 'part one, part two')
})

test('a source stream that fails fails the upload with its error', async () => {
  const failing = new Readable({
    read() {
      this.destroy(new Error('disk went away'))
    },
  })
  const error = await client.files.upload(failing, { fileName: 'x.bin' }).catch((e) => e)
  // An IOError, as a path's failure is, whose cause is the source's own error.
  assert.ok(error instanceof IOError, String(error))
  assert.match(error.message, /disk went away/)
  assert.equal(error.cause?.message, 'disk went away')
  const missing = path.join(dir, 'not-there.txt')
  const gone = await client.files.upload(fs.createReadStream(missing)).catch((e) => e)
  assert.ok(gone instanceof IOError, String(gone))
  assert.deepEqual(gone.details, { reason: 'not_found', path: missing })
  async function* numbers() {
    yield 42
  }
  const odd = await client.files.upload(numbers(), { fileName: 'n.bin' }).catch((e) => e)
  assert.equal(odd.name, 'ValidationError')
  assert.match(odd.message, /must yield Buffers, Uint8Arrays or strings, not number/)
  const ok = await client.files.upload(Buffer.from('still works'), { fileName: 'ok.txt' })
  assert.ok(ok.fileId)
})

test('an unsupported source is a ValidationError', async () => {
  await assert.rejects(client.files.upload(42), { name: 'ValidationError' })
})

test('delete removes the bytes unless hardDelete is false, as in the official SDKs', async () => {
  const hard = await alice.files.upload(Buffer.from('gone'), { fileName: 'hard.txt' })
  const soft = await alice.files.upload(Buffer.from('hidden'), { fileName: 'soft.txt' })
  await server.clearLog()
  await alice.files.delete(hard.fileId)
  await alice.files.delete(soft.fileId, { hardDelete: false })
  const [first, second] = await server.log()
  assert.match(first.query, /(^|&)hard_delete=true(&|$)/)
  assert.doesNotMatch(second.query ?? '', /hard_delete/)
  await assert.rejects(alice.files.get(hard.fileId), NotFoundError)
  await assert.rejects(alice.files.get(soft.fileId), NotFoundError)
})

test('an option a call does not take is refused before any request, not dropped', async () => {
  // Dropped, `hard_delete: false` would have deleted the bytes, and `user_id` would have
  // listed every user's threads.
  const kept = await alice.files.upload(Buffer.from('kept'), { fileName: 'kept.txt' })
  await server.clearLog()
  await assert.rejects(alice.files.delete(kept.fileId, { hard_delete: false }), {
    name: 'ValidationError',
    message: /unknown field `hard_delete`.*; did you mean hardDelete\?$/,
  })
  await assert.rejects(client.listThreads({ user_id: 'alice@example.com' }), {
    name: 'ValidationError',
    message: /did you mean userId\?/,
  })
  await assert.rejects(client.listUsers({ pageSize: 5, limit: 1 }), /unknown field `limit`/)
  assert.deepEqual(await server.log(), [])
  assert.equal((await alice.files.get(kept.fileId)).fileName, 'kept.txt')
})

test('files.iterate walks every page', async () => {
  const bob = client.forUser('bob@example.com')
  for (const n of [1, 2, 3]) await bob.files.upload(Buffer.from(`b${n}`), { fileName: `b${n}.txt` })
  await server.clearLog()
  const names = []
  for await (const file of bob.files.iterate({ scope: 'user', limit: 2 })) {
    names.push(file.fileName)
  }
  assert.deepEqual(names.sort(), ['b1.txt', 'b2.txt', 'b3.txt'])
  const pages = (await server.log()).filter((r) => r.path === '/v1/files')
  assert.equal(pages.length, 2)
})

test('tags go as a list or as one comma-separated string', async () => {
  const tags = 'q3, finance'
  const up = await alice.files.upload(Buffer.from('t'), { fileName: 't.txt', tags })
  assert.deepEqual((await alice.files.get(up.fileId)).tags, ['q3', 'finance'])
  const listed = await alice.files.list({ tags: 'finance' })
  assert.deepEqual(listed.files.map((f) => f.id), [up.fileId])
  const wrong = await alice.files.upload(Buffer.from('t'), { tags: 7 }).catch((e) => e)
  assert.ok(wrong instanceof LumnisError, String(wrong))
  assert.match(wrong.message, /tags must be a string or an array of strings/)
})
