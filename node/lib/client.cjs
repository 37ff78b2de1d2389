'use strict'
// `LumnisClient`: the facade of the package. It holds a native client (the connection pool,
// the key, retries and scoping all live in the Rust core) and never the key itself.

const util = require('node:util')
const { addon, encode, run, sync, iterate, awaitable, id } = require('./call.cjs')
const { ConfigurationError } = require('./errors.cjs')
const { Users, Threads, Responses, Files } = require('./resources.cjs')
const { addBeyond, addBeyondCalls } = require('./beyond.cjs')
const { ProgressTracker, progressLines } = require('./progress.cjs')

// Lets `forUser` build a client around a native view without a public constructor form.
const FROM_NATIVE = Symbol('lumnisai.fromNative')

// The states of the entry the core adds when a run ends.
const FINAL_STATES = new Set(['completed', 'failed', 'cancelled'])

const OPTION_NAMES = ['apiKey', 'baseUrl', 'tenantId', 'timeoutMs', 'maxRetries', 'scope', 'ca']

// `ca` as `tls.connect` takes it (one PEM text or buffer, or a list of them), as PEM texts.
function caTexts(ca) {
  if (ca === undefined || ca === null) return undefined
  const text = (pem) => {
    if (typeof pem === 'string') return pem
    if (pem instanceof Uint8Array) return Buffer.from(pem).toString('latin1')
    throw new ConfigurationError('ca must be PEM text or a Buffer, or a list of them', {
      kind: 'config',
    })
  }
  return Array.isArray(ca) ? ca.map(text) : [text(ca)]
}

// A misspelt option would be dropped, and the client would quietly use the default (for
// `base_url`, the hosted API), so an unknown name is refused.
function checkOptionNames(options) {
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError('LumnisClient options must be an object', { kind: 'config' })
  }
  for (const key of Object.keys(options)) {
    if (OPTION_NAMES.includes(key)) continue
    const camel = key.replace(/_+([a-z0-9])/gi, (_, c) => c.toUpperCase())
    const hint = OPTION_NAMES.includes(camel)
      ? `; did you mean ${camel}?`
      : ` (known: ${OPTION_NAMES.join(', ')})`
    throw new ConfigurationError(`unknown LumnisClient option ${key}${hint}`, { kind: 'config' })
  }
}

class LumnisClient {
  #native

  /**
   * Options left out come from LUMNISAI_API_KEY, LUMNISAI_BASE_URL and LUMNISAI_TENANT_ID.
   */
  constructor(options = {}) {
    if (options?.[FROM_NATIVE]) {
      this.#native = options[FROM_NATIVE]
    } else {
      checkOptionNames(options ?? {})
      // A setting the client cannot be built with is a ConfigurationError, as a missing key is.
      let settings
      try {
        settings = encode({ ...options, ca: caTexts(options?.ca) }, 'LumnisClient options')
      } catch (error) {
        throw new ConfigurationError(error.message, { kind: 'config' })
      }
      this.#native = sync(() => new addon.NativeClient(settings))
    }
    // Non-enumerable, so that spreading or logging a client shows its description only.
    for (const [name, Resource] of [
      ['users', Users],
      ['threads', Threads],
      ['responses', Responses],
      ['files', Files],
    ]) {
      Object.defineProperty(this, name, { value: new Resource(this.#native), enumerable: false })
    }
  }

  /** A client bound to one user (an email or a uuid), sharing this client's connections. */
  forUser(user) {
    return new LumnisClient({ [FROM_NATIVE]: this.#native.forUser(id(user, 'user')) })
  }

  /** Where the client points, its bound user and scope; never the key. */
  get config() {
    return JSON.parse(this.#native.describe())
  }

  /** The tenant given in the options or LUMNISAI_TENANT_ID, as the official client has it. */
  get tenantId() {
    return this.config.tenantId ?? undefined
  }

  createUser(params) {
    return this.users.create(params)
  }

  getUser(idOrEmail, options) {
    return this.users.get(idOrEmail, options)
  }

  listUsers(params) {
    return this.users.list(params)
  }

  updateUser(idOrEmail, params) {
    return this.users.update(idOrEmail, params)
  }

  deleteUser(idOrEmail, options) {
    return this.users.delete(idOrEmail, options)
  }

  listThreads(params) {
    return this.threads.list(params)
  }

  getThread(threadId, options) {
    return this.threads.get(threadId, options)
  }

  createThread(params) {
    return this.threads.create(params)
  }

  deleteThread(threadId, options) {
    return this.threads.delete(threadId, options)
  }

  /** `GET /v1/health`. */
  health(options) {
    return run(options?.signal, (t) => this.#native.health(t))
  }

  /**
   * Creates a response and resolves with it once final; with `stream: true`, an async
   * iterator of its progress entries instead, which is also a promise of itself; with
   * `showProgress`, prints them as they come.
   */
  invoke(input, options) {
    const { stream, showProgress, signal, ...rest } =
      options !== null && typeof options === 'object' ? options : {}
    const params = () => encode({ ...rest, input }, 'invoke options')
    if (stream) {
      return awaitable(iterate(() => this.#native.invokeStream(params()), signal))
    }
    if (showProgress) {
      return this.#invokeShowingProgress(params, signal)
    }
    return run(signal, (t) => this.#native.invoke(params(), t))
  }

  async #invokeShowingProgress(params, signal) {
    let progress
    const entries = iterate(() => (progress = this.#native.invokeStream(params())), signal)
    const tracker = new ProgressTracker()
    for await (const entry of entries) {
      // The closing entry the core adds once the run is over is not printed, as in Python:
      // the official SDKs print the server's entries only.
      if (FINAL_STATES.has(entry.state) && progress.response() !== null) continue
      const text = progressLines(tracker, entry)
      if (text !== null) process.stdout.write(`${text}\n`)
    }
    return JSON.parse(progress.response())
  }

  toString() {
    const { baseUrl, user } = this.config
    return user ? `LumnisClient(${baseUrl}, user ${user})` : `LumnisClient(${baseUrl})`
  }

  toJSON() {
    return this.config
  }

  [util.inspect.custom](depth, options, inspect) {
    const shown = (inspect ?? util.inspect)(this.config, options)
    return `LumnisClient ${shown}`
  }
}

addBeyond(LumnisClient)
addBeyondCalls(Users, 'users')
addBeyondCalls(Files, 'files')
addBeyondCalls(Responses, 'responses')

module.exports = { LumnisClient }
