'use strict'
// The resource objects of a client: `users`, `threads`, `responses` and `files`, with the
// official SDK's method names. Each holds the native client (user-bound or not) it calls.

const { encode, run, sync, iterate } = require('./call.cjs')
const { upload } = require('./upload.cjs')

// `{ signal }` or a bare user id, as the second argument of calls that take an id.
function callOptions(options) {
  return typeof options === 'string' ? { userId: options } : (options ?? {})
}

class Users {
  #native
  constructor(native) {
    this.#native = native
  }

  create(params) {
    return run(params?.signal, (t) => this.#native.createUser(encode(params), t))
  }

  get(idOrEmail, options) {
    return run(options?.signal, (t) => this.#native.getUser(String(idOrEmail ?? ''), t))
  }

  list(params) {
    return run(params?.signal, (t) => this.#native.listUsers(encode(params), t))
  }

  update(idOrEmail, params) {
    const id = String(idOrEmail ?? '')
    return run(params?.signal, (t) => this.#native.updateUser(id, encode(params), t))
  }

  delete(idOrEmail, options) {
    return run(options?.signal, (t) => this.#native.deleteUser(String(idOrEmail ?? ''), t))
  }

  iterate(params) {
    return iterate(sync(() => this.#native.iterateUsers(encode(params))), params?.signal)
  }
}

class Threads {
  #native
  constructor(native) {
    this.#native = native
  }

  create(params) {
    return run(params?.signal, (t) => this.#native.createThread(encode(params), t))
  }

  list(params) {
    return run(params?.signal, (t) => this.#native.listThreads(encode(params), t))
  }

  iterate(params) {
    return iterate(sync(() => this.#native.iterateThreads(encode(params))), params?.signal)
  }

  get(threadId, options) {
    return run(options?.signal, (t) => this.#native.getThread(String(threadId ?? ''), t))
  }

  getResponses(threadId, params) {
    const id = String(threadId ?? '')
    return run(params?.signal, (t) => this.#native.getThreadResponses(id, encode(params), t))
  }

  update(threadId, params) {
    const id = String(threadId ?? '')
    return run(params?.signal, (t) => this.#native.updateThread(id, encode(params), t))
  }

  delete(threadId, options) {
    return run(options?.signal, (t) => this.#native.deleteThread(String(threadId ?? ''), t))
  }
}

class Responses {
  #native
  constructor(native) {
    this.#native = native
  }

  create(params) {
    return run(params?.signal, (t) => this.#native.createResponse(encode(params), t))
  }

  get(responseId, options) {
    const id = String(responseId ?? '')
    return run(options?.signal, (t) => this.#native.getResponse(id, encode(options), t))
  }

  cancel(responseId, options) {
    const id = String(responseId ?? '')
    return run(options?.signal, (t) => this.#native.cancelResponse(id, t))
  }

  list(params) {
    return run(params?.signal, (t) => this.#native.listResponses(encode(params), t))
  }

  iterate(params) {
    return iterate(sync(() => this.#native.iterateResponses(encode(params))), params?.signal)
  }
}

class Files {
  #native
  constructor(native) {
    this.#native = native
  }

  upload(file, options) {
    return upload(this.#native, file, options ?? {})
  }

  list(params) {
    return run(params?.signal, (t) => this.#native.listFiles(encode(params), t))
  }

  get(fileId, options) {
    const o = callOptions(options)
    return run(o.signal, (t) => this.#native.getFile(String(fileId ?? ''), encode(o), t))
  }

  getContent(fileId, options) {
    const o = callOptions(options)
    return run(o.signal, (t) => this.#native.getFileContent(String(fileId ?? ''), encode(o), t))
  }

  /** The file's bytes as a Buffer; with `{ path }`, streamed to that file (the byte count). */
  download(fileId, options) {
    const o = callOptions(options)
    return run(o.signal, (t) => this.#native.downloadFile(String(fileId ?? ''), encode(o), t))
  }

  delete(fileId, options) {
    const o = callOptions(options)
    return run(o.signal, (t) => this.#native.deleteFile(String(fileId ?? ''), encode(o), t))
  }
}

module.exports = { Users, Threads, Responses, Files }
