'use strict'
// `files.upload(source)`: a path goes to the core as a path (streamed from disk there), bytes
// as bytes, and a Node or web stream is pumped chunk by chunk into a native sink, with
// backpressure, so a large file is never held whole in memory. A Blob or File up to
// BLOB_BUFFER_LIMIT is read into bytes first: bytes can be sent again, so an upload cut off
// midway is retried like a Buffer's; a larger one is streamed, and a cut is not retried.

const fs = require('node:fs')
const path = require('node:path')
const { fileURLToPath } = require('node:url')
const { addon, encode, run } = require('./call.cjs')
const { IOError, LumnisError, ValidationError } = require('./errors.cjs')

// 64 MiB: the largest Blob held whole in memory so that its upload can be retried.
const BLOB_BUFFER_LIMIT = 64 * 1024 * 1024

function isBytes(value) {
  return value instanceof Uint8Array || value instanceof ArrayBuffer
}

function toBuffer(chunk) {
  if (Buffer.isBuffer(chunk)) return chunk
  if (typeof chunk === 'string') return Buffer.from(chunk)
  if (chunk instanceof ArrayBuffer) return Buffer.from(chunk)
  if (ArrayBuffer.isView(chunk)) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  }
  throw new ValidationError(
    `an upload stream must yield Buffers, Uint8Arrays or strings, not ${typeof chunk}`,
    { kind: 'validation' },
  )
}

// The reasons a path upload's IOError gives, from a stream's own failure.
const REASONS = { ENOENT: 'not_found', EACCES: 'permission_denied', EISDIR: 'is_a_directory' }

// A source that fails (a read stream of a missing file, say) is an IOError, as a path's
// failure is, with the source's own error as its `cause`.
function sourceError(error, source) {
  if (error instanceof LumnisError) return error
  const details = { reason: REASONS[error?.code] ?? 'other' }
  if (typeof source?.path === 'string') details.path = source.path
  const message = `the upload's source failed: ${error?.message ?? String(error)}`
  return new IOError(message, { kind: 'io', details, cause: error })
}

// What can be known of a stream's name and length before reading it.
async function describeStream(source) {
  const info = {}
  const file = typeof source.path === 'string' ? source.path : undefined
  if (file) {
    info.fileName = path.basename(file)
    // Only a whole-file read stream has the file's length.
    if (source.start === undefined && source.end === undefined) {
      try {
        info.size = (await fs.promises.stat(file)).size
      } catch {
        // The stream reports the real failure when it is read.
      }
    }
  }
  return info
}

async function pump(chunks, sink) {
  try {
    for await (const chunk of chunks) {
      if (!(await sink.write(toBuffer(chunk)))) break
    }
    sink.end()
  } catch (error) {
    sink.fail(String(error?.message ?? error))
    throw sourceError(error, chunks)
  }
}

async function uploadStream(native, chunks, params, signal) {
  const sink = new addon.UploadSink()
  const sending = run(signal, (t) =>
    native.uploadStream(sink, encode(params, 'files.upload options'), t),
  )
  const [sent, pumped] = await Promise.allSettled([sending, pump(chunks, sink)])
  // A failed source explains a failed upload better than the upload's own error.
  if (sent.status === 'rejected') {
    throw pumped.status === 'rejected' ? pumped.reason : sent.reason
  }
  return sent.value
}

function uploadBytes(native, bytes, params, signal) {
  return run(signal, (t) =>
    native.uploadBytes(toBuffer(bytes), encode(params, 'files.upload options'), t),
  )
}

async function upload(native, source, options) {
  const { signal, ...params } = options !== null && typeof options === 'object' ? options : {}
  if (typeof source === 'string' || source instanceof URL) {
    const file = source instanceof URL ? fileURLToPath(source) : source
    return run(signal, (t) => native.uploadPath(file, encode(params, 'files.upload options'), t))
  }
  if (isBytes(source)) {
    return uploadBytes(native, source, params, signal)
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const info = {}
    if (typeof source.name === 'string' && source.name) info.fileName = source.name
    if (source.type) info.mimeType = source.type
    if (source.size <= BLOB_BUFFER_LIMIT) {
      const bytes = new Uint8Array(await source.arrayBuffer())
      return uploadBytes(native, bytes, { ...info, ...params }, signal)
    }
    return uploadStream(native, source.stream(), { ...info, size: source.size, ...params }, signal)
  }
  if (source && typeof source[Symbol.asyncIterator] === 'function') {
    const info = await describeStream(source)
    return uploadStream(native, source, { ...info, ...params }, signal)
  }
  throw new ValidationError(
    'files.upload takes a path, a Buffer or Uint8Array, a Blob or File, or a readable stream',
    { kind: 'validation' },
  )
}

module.exports = { upload }
