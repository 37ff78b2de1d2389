'use strict'
// How every call reaches the addon: options become JSON text, an AbortSignal becomes a native
// cancel token, and the result is parsed back (or the failure rethrown as its class).
//
// A JS value that has no JSON form (a BigInt, a circular object, NaN) or an id that is not a
// string cannot be converted for the core, so it is refused here, as a ValidationError that
// names the field, and always through the call's promise rather than thrown.

const { addon } = require('./native.cjs')
const { ValidationError, abortError, rethrow } = require('./errors.cjs')

function invalid(message) {
  return new ValidationError(message, { kind: 'validation' })
}

function describe(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}

/** `value` if it is a string; else a ValidationError naming the argument. */
function id(value, name) {
  if (typeof value === 'string') return value
  throw invalid(`${name} must be a string, not ${describe(value)}`)
}

function parse(text) {
  return typeof text === 'string' ? JSON.parse(text) : text
}

// One option's JSON text, or undefined for a value JSON leaves out (undefined, a function).
function encodeField(key, value) {
  // JSON.stringify would send these as null, which the core reads as "not given".
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw invalid(`${key} must be a finite number, not ${value}`)
  }
  if (value instanceof Date && Number.isNaN(value.getTime())) {
    throw invalid(`${key} is an invalid Date`)
  }
  try {
    return JSON.stringify(value)
  } catch (error) {
    throw invalid(`${key} cannot be sent as JSON: ${error.message}`)
  }
}

/** `params` without `signal`, as JSON text; free-form values inside are left as they are. */
function encode(params, what = 'options') {
  if (params === undefined || params === null) return '{}'
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw invalid(`${what} must be an object, not ${describe(params)}`)
  }
  const fields = []
  for (const [key, value] of Object.entries(params)) {
    if (key === 'signal') continue
    const text = encodeField(key, value)
    if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`)
  }
  return `{${fields.join(',')}}`
}

/** Starts `start(token)` and settles with its parsed result; `signal` aborts it natively. */
function run(signal, start) {
  if (signal?.aborted) return Promise.reject(abortError(signal))
  const token = signal ? addon.cancelToken() : undefined
  let started
  try {
    started = start(token)
  } catch (error) {
    // A bad argument, found while converting it, rejects like any other failure.
    if (token !== undefined) addon.releaseToken(token)
    return Promise.reject(error).catch(rethrow)
  }
  if (!signal) return started.then(parse, rethrow)
  const onAbort = () => addon.cancel(token)
  signal.addEventListener('abort', onAbort, { once: true })
  return started
    .then(parse, (error) => rethrow(error, signal))
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

/**
 * The native stream `open()` makes, as an async iterator; leaving the loop early drops it. It
 * is opened at the first `next()`, so that a bad argument rejects that promise.
 */
async function* iterate(open, signal) {
  const stream = sync(open)
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

/**
 * `iterator` as itself and as a promise of itself. The official client's `invoke` is an async
 * function, so its users write `await client.invoke(input, { stream: true })` or `.then(...)`;
 * `for await` straight over the call works too. The promise resolves with the iterator itself:
 * it has no `then` of its own, so awaiting it does not loop.
 */
function awaitable(iterator) {
  const settled = () => Promise.resolve(iterator)
  const stream = {
    next: (...args) => iterator.next(...args),
    return: (value) => iterator.return(value),
    throw: (error) => iterator.throw(error),
    [Symbol.asyncIterator]() {
      return this
    },
    then: (onFulfilled, onRejected) => settled().then(onFulfilled, onRejected),
    catch: (onRejected) => settled().catch(onRejected),
    finally: (onFinally) => settled().finally(onFinally),
    [Symbol.toStringTag]: 'ProgressStream',
  }
  // Where the runtime gives generators `await using` support, the stream has it too.
  if (Symbol.asyncDispose !== undefined && iterator[Symbol.asyncDispose] !== undefined) {
    stream[Symbol.asyncDispose] = () => iterator[Symbol.asyncDispose]()
  }
  return stream
}

module.exports = { addon, encode, run, sync, iterate, awaitable, parse, id, invalid }
