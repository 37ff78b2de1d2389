'use strict'
// The resource objects of a client: `users`, `threads`, `responses` and `files`, with the
// official SDK's method names. Each holds the native client (user-bound or not) it calls.

const { encode, run, iterate, id } = require('./call.cjs')
const { upload } = require('./upload.cjs')

// `{ signal }` or a bare user id, as the second argument of calls that take an id.
function callOptions(options) {
  return typeof options === 'string' ? { userId: options } : options
}

class Users {
  #native
  constructor(native) {
    this.#native = native
  }

  create(params) {
    return run(params?.signal, (t) =>
      this.#native.createUser(encode(params, 'createUser params'), t),
    )
  }

  get(idOrEmail, options) {
    return run(options?.signal, (t) => this.#native.getUser(id(idOrEmail, 'userId'), t))
  }

  list(params) {
    return run(params?.signal, (t) => this.#native.listUsers(encode(params, 'listUsers params'), t))
  }

  update(idOrEmail, params) {
    return run(params?.signal, (t) =>
      this.#native.updateUser(id(idOrEmail, 'userId'), encode(params, 'updateUser params'), t),
    )
  }

  delete(idOrEmail, options) {
    return run(options?.signal, (t) => this.#native.deleteUser(id(idOrEmail, 'userId'), t))
  }

  iterate(params) {
    return iterate(
      () => this.#native.iterateUsers(encode(params, 'users.iterate params')),
      params?.signal,
    )
  }
}

class Threads {
  #native
  constructor(native) {
    this.#native = native
  }

  create(params) {
    return run(params?.signal, (t) =>
      this.#native.createThread(encode(params, 'createThread params'), t),
    )
  }

  list(params) {
    return run(params?.signal, (t) =>
      this.#native.listThreads(encode(params, 'listThreads params'), t),
    )
  }

  iterate(params) {
    return iterate(
      () => this.#native.iterateThreads(encode(params, 'threads.iterate params')),
      params?.signal,
    )
  }

  get(threadId, options) {
    return run(options?.signal, (t) => this.#native.getThread(id(threadId, 'threadId'), t))
  }

  getResponses(threadId, params) {
    return run(params?.signal, (t) =>
      this.#native.getThreadResponses(id(threadId, 'threadId'), encode(params), t),
    )
  }

  update(threadId, params) {
    return run(params?.signal, (t) =>
      this.#native.updateThread(id(threadId, 'threadId'), encode(params), t),
    )
  }

  delete(threadId, options) {
    return run(options?.signal, (t) => this.#native.deleteThread(id(threadId, 'threadId'), t))
  }
}

class Responses {
  #native
  constructor(native) {
    this.#native = native
  }

  create(params) {
    return run(params?.signal, (t) =>
      this.#native.createResponse(encode(params, 'responses.create params'), t),
    )
  }

  get(responseId, options) {
    return run(options?.signal, (t) =>
      this.#native.getResponse(id(responseId, 'responseId'), encode(options), t),
    )
  }

  cancel(responseId, options) {
    return run(options?.signal, (t) =>
      this.#native.cancelResponse(id(responseId, 'responseId'), t),
    )
  }

  list(params) {
    return run(params?.signal, (t) =>
      this.#native.listResponses(encode(params, 'responses.list params'), t),
    )
  }

  /** The run's artifacts, as the server sent them (`{ limit, offset }`: 50 and 0). */
  listArtifacts(responseId, params) {
    return run(params?.signal, (t) =>
      this.#native.listArtifacts(id(responseId, 'responseId'), encode(params), t),
    )
  }

  /** Feedback on a run (`feedbackType` is `suggestion` unless given). */
  createFeedback(responseId, params) {
    return run(params?.signal, (t) =>
      this.#native.createFeedback(
        id(responseId, 'responseId'),
        encode(params, 'responses.createFeedback params'),
        t,
      ),
    )
  }

  /** The feedback given on a run, with its counts; `{ progressId }` narrows it to one step's. */
  listFeedback(responseId, options) {
    return run(options?.signal, (t) =>
      this.#native.listFeedback(
        id(responseId, 'responseId'),
        encode(options, 'responses.listFeedback options'),
        t,
      ),
    )
  }

  iterate(params) {
    return iterate(
      () => this.#native.iterateResponses(encode(params, 'responses.iterate params')),
      params?.signal,
    )
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
    return run(params?.signal, (t) =>
      this.#native.listFiles(encode(params, 'files.list params'), t),
    )
  }

  /** Every file, page after page (`limit` per page), fetched as the loop goes. */
  iterate(params) {
    return iterate(
      () => this.#native.iterateFiles(encode(params, 'files.iterate params')),
      params?.signal,
    )
  }

  get(fileId, options) {
    const o = callOptions(options)
    return run(o?.signal, (t) => this.#native.getFile(id(fileId, 'fileId'), encode(o), t))
  }

  getContent(fileId, options) {
    const o = callOptions(options)
    return run(o?.signal, (t) =>
      this.#native.getFileContent(id(fileId, 'fileId'), encode(o), t),
    )
  }

  /** The file's bytes as a Buffer; with `{ path }`, streamed to that file (the byte count). */
  download(fileId, options) {
    const o = callOptions(options)
    return run(o?.signal, (t) => this.#native.downloadFile(id(fileId, 'fileId'), encode(o), t))
  }

  /** Where the file's processing stands. */
  getStatus(fileId, options) {
    return run(options?.signal, (t) => this.#native.getFileStatus(id(fileId, 'fileId'), t))
  }

  delete(fileId, options) {
    const o = callOptions(options)
    return run(o?.signal, (t) => this.#native.deleteFile(id(fileId, 'fileId'), encode(o), t))
  }
}

module.exports = { Users, Threads, Responses, Files }
