'use strict'
// How every call reaches the addon: options become JSON text, an AbortSignal becomes a native
// cancel token, and the result is parsed back (or the failure rethrown as its class).

const { addon } = require('./native.cjs')
const { abortError, rethrow } = require('./errors.cjs')

function parse(text) {
  return typeof text === 'string' ? JSON.parse(text) : text
}

/** `params` without `signal`, as JSON text; free-form values inside are left as they are. */
function encode(params) {
  if (params === undefined || params === null) return '{}'
  const { signal, ...rest } = params
  return JSON.stringify(rest)
}

/** Starts `start(token)` and settles with its parsed result; `signal` aborts it natively. */
function run(signal, start) {
  if (!signal) return start(undefined).then(parse, rethrow)
  if (signal.aborted) return Promise.reject(abortError())
  const token = addon.cancelToken()
  const onAbort = () => addon.cancel(token)
  signal.addEventListener('abort', onAbort, { once: true })
  return start(token)
    .then(parse, rethrow)
    .finally(() => signal.removeEventListener('abort', onAbort))
}

/** Runs a synchronous native call, rethrowing its failure as its class. */
function sync(fn) {
  try {
    return fn()
  } catch (error) {
    return rethrow(error)
  }
}

/** A native stream as an async iterator; leaving the loop early drops the native stream. */
async function* iterate(stream, signal) {
  try {
    for (;;) {
      const item = await run(signal, (token) => stream.next(token))
      if (item === null) return
      yield item
    }
  } finally {
    stream.close()
  }
}

module.exports = { addon, encode, run, sync, iterate, parse }
