// Type declarations of `lumnisai`, written by hand for the public surface (the addon's own
// generated declarations stay internal). Timestamps are ISO-8601 strings, ids uuid strings.
// Free-form values (`metadata`, `structuredResponse`, tool calls, `responseFormat`, `error`,
// `options`, `artifacts`) keep the keys they were given.

import type { Readable } from 'node:stream'

/** Any JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

/** Who a call acts for: the whole tenant, or one of its users. */
export type Scope = 'tenant' | 'user'

export interface ClientOptions {
  /** The API key; `LUMNISAI_API_KEY` when left out. */
  apiKey?: string
  /** The API's address; `LUMNISAI_BASE_URL`, else https://api.lumnis.ai, when left out. */
  baseUrl?: string
  /** The tenant id (informational: the key implies it); `LUMNISAI_TENANT_ID` when left out. */
  tenantId?: string
  /** How long one attempt may take, in milliseconds (60,000 unless set). */
  timeoutMs?: number
  /** How many times a failed request is retried (3 unless set). */
  maxRetries?: number
  /** The scope of calls that name none (`tenant` unless set). */
  scope?: Scope
  /**
   * PEM certificate authorities trusted besides the built-in roots, as `tls.connect`'s `ca`
   * (a TLS-inspecting proxy's, a private deployment's). The files of `NODE_EXTRA_CA_CERTS`
   * and `SSL_CERT_FILE` are trusted too.
   */
  ca?: string | Uint8Array | Array<string | Uint8Array>
}

/** What a client shows of itself: never the key. */
export interface ClientConfig {
  baseUrl: string
  tenantId: string | null
  user: string | null
  scope: Scope
}

/** Per-call options every method takes. */
export interface RequestOptions {
  /**
   * Aborts the call: the native request is dropped and the promise rejects with the signal's
   * reason, as fetch does (an `AbortError` DOMException for a bare `abort()`).
   */
  signal?: AbortSignal
}

export interface User {
  id: string
  email: string
  firstName: string | null
  lastName: string | null
  tenantId: string | null
  isActive: boolean
  createdAt: string
  updatedAt: string | null
  metadata: { [key: string]: Json } | null
}

export interface CreateUserParams extends RequestOptions {
  email: string
  firstName?: string
  lastName?: string
  metadata?: { [key: string]: Json }
  /** The key of the create request, so that a repeated create makes one user. */
  idempotencyKey?: string
}

export interface UpdateUserParams extends RequestOptions {
  firstName?: string
  lastName?: string
  metadata?: { [key: string]: Json }
}

export interface ListUsersParams extends RequestOptions {
  /** The page, from 1. */
  page?: number
  /** Users per page, 1 to 100 (20 unless set; 100 for `users.iterate`). */
  pageSize?: number
}

export interface Pagination {
  page: number
  pageSize: number
  total: number
  totalPages: number
  hasNext: boolean
  hasPrev: boolean
}

export interface UserList {
  users: User[]
  pagination: Pagination
  total: number
}

export interface DeleteResult {
  message: string | null
}

export interface Thread {
  threadId: string
  tenantId: string | null
  userId: string | null
  title: string | null
  createdAt: string
  updatedAt: string | null
  responseCount: number
  lastResponseAt: string | null
}

export interface ThreadList {
  threads: Thread[]
  total: number
  limit: number
  offset: number
}

export interface CreateThreadParams extends RequestOptions {
  /** The owner (uuid or email); the bound user when left out. */
  userId?: string
  title?: string
}

export interface ListThreadsParams extends RequestOptions {
  /** Only this user's threads; the bound user when left out. */
  userId?: string
  limit?: number
  offset?: number
}

export interface PageParams extends RequestOptions {
  limit?: number
  offset?: number
}

export interface UpdateThreadParams extends RequestOptions {
  /** At most 500 characters. */
  title?: string
}

export type ModelType =
  | 'SMART_MODEL'
  | 'REASONING_MODEL'
  | 'VISION_MODEL'
  | 'CHEAP_MODEL'
  | 'FAST_MODEL'

/** Which agent, models and features a run uses; every field is optional. */
export interface AgentConfig {
  orchestratorModelType?: ModelType
  plannerModelType?: ModelType
  coordinatorModelType?: ModelType
  /** A model name such as `openai:gpt-4.1`. */
  orchestratorModelName?: string
  plannerModelName?: string
  coordinatorModelName?: string
  finalResponseModelName?: string
  /** The official SDK's field, beyond the contract: sent as `fast_model_name`. */
  fastModelName?: string
  useCognitiveTools?: boolean
  enableTaskValidation?: boolean
  generateComprehensiveOutput?: boolean
  agentMode?: 'auto' | 'single_agent' | 'multi_agent'
  skillIds?: string[]
}

export type Role = 'system' | 'user' | 'assistant'

export interface Message {
  role: Role
  content: string
}

/** A message read back: `unknown` stands for a role from a newer server. */
export interface ReadMessage {
  role: Role | 'unknown'
  content: string
}

/** `unknown` stands for a status from a newer server that this version cannot name. */
export type ResponseStatus =
  | 'queued'
  | 'in_progress'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'unknown'

/**
 * What `invoke` with `stream: true` returns: the entries as an async iterator, which is also a
 * promise of that iterator (the official client's `invoke` is async), so that `for await` over
 * the call, over `await` of it, and `.then(...)` all work.
 */
export interface ProgressStream extends ProgressIterator, PromiseLike<ProgressIterator> {
  then<A = ProgressIterator, B = never>(
    onFulfilled?: ((stream: ProgressIterator) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>
  catch<T = never>(
    onRejected?: ((reason: unknown) => T | PromiseLike<T>) | null,
  ): Promise<ProgressIterator | T>
  finally(onFinally?: (() => void) | null): Promise<ProgressIterator>
}

/** The progress entries of one invoke, as they come. */
export type ProgressIterator = AsyncGenerator<ProgressEntry, void, undefined>

export interface ProgressEntry {
  ts: string
  /** `processing`, `tool_call`, …; the final entry is `completed`, `failed` or `cancelled`. */
  state: string
  message: string
  outputText?: string
  toolCalls?: Json[]
}

/** An agent run. A failed or cancelled run is an answer: read `status` and `error`. */
export interface Response {
  responseId: string
  threadId: string
  tenantId: string | null
  userId: string | null
  status: ResponseStatus
  progress: ProgressEntry[]
  inputMessages: ReadMessage[]
  outputText: string | null
  structuredResponse: Json | null
  artifacts: Json | null
  error: Json | null
  options: Json | null
  responseTitle: string | null
  createdAt: string
  completedAt: string | null
}

export interface CreatedResponse {
  responseId: string
  threadId: string
  status: ResponseStatus
  tenantId: string | null
  createdAt: string | null
}

export interface CancelResult {
  status: string
  message: string | null
}

export interface ResponseList {
  responses: Response[]
  total: number
  limit: number
  offset: number
}

/** What a run is started with, besides its messages. */
export interface RunOptions {
  /** The user (uuid or email); the bound user when left out. */
  userId?: string
  scope?: Scope
  /** The thread to continue; a new one when left out. */
  threadId?: string
  agentConfig?: AgentConfig
  /** A JSON Schema the answer follows, sent as given. */
  responseFormat?: { [key: string]: Json }
  responseFormatInstructions?: string
  modelOverrides?: { [key: string]: string }
  /** Artifact ids or remote URIs; a local path is a LocalFileNotSupportedError. */
  files?: string[]
}

export interface CreateResponseParams extends RunOptions, RequestOptions {
  messages: Message[]
  /** The key of the create request, so that a repeated create starts one run. */
  idempotencyKey?: string
}

export interface GetResponseOptions extends RequestOptions {
  /** Seconds the server may hold the read until the response changes (long poll). */
  wait?: number
}

export interface ListResponsesParams extends RequestOptions {
  userId?: string
  /** One of the wire names; `'unknown'` stands for none of them and cannot be listed by. */
  status?: Exclude<ResponseStatus, 'unknown'>
  /** A Date, an ISO-8601 date-time, or a date alone (`2020-01-01`: its midnight UTC). */
  startDate?: string | Date
  /** As `startDate`, but a date alone takes in its whole UTC day, as the API reads it. */
  endDate?: string | Date
  limit?: number
  offset?: number
}

export type FeedbackType = 'suggestion' | 'correction' | 'guidance'

export interface CreateFeedbackParams extends RequestOptions {
  feedbackText: string
  /** `suggestion` unless given. */
  feedbackType?: FeedbackType
  /** The author (uuid or email); the bound user when left out. */
  userId?: string
  /** The progress entry the feedback is about. */
  progressId?: string
  /** The tool call the feedback is about. */
  toolCallId?: string
  /** New arguments for that tool call, sent as given. */
  toolArgsUpdate?: { [key: string]: Json }
}

/** `responses.listFeedback` options. */
export interface ListFeedbackOptions extends RequestOptions {
  /** Only the feedback on this progress entry (ids compared without case). */
  progressId?: string
}

/** One piece of feedback on a run. */
export interface Feedback {
  feedbackId: string
  responseId: string
  tenantId: string | null
  userId: string | null
  feedbackText: string
  /** `suggestion`, `correction` or `guidance`; a kind the server adds later reads too. */
  feedbackType: FeedbackType | (string & {})
  progressId: string | null
  toolCallId: string | null
  /** Verbatim, as given. */
  toolArgsUpdate: { [key: string]: Json } | null
  isConsumed: boolean
  consumedAt: string | null
  createdAt: string | null
}

/** The feedback on a run, or on one step of it (`progressIdFilter`), with its counts. */
export interface FeedbackList {
  responseId: string
  progressIdFilter: string | null
  totalFeedback: number
  consumedCount: number
  unconsumedCount: number
  feedback: Feedback[]
  /** The server's note on what the list holds, when it sends one. */
  note?: string
}

/**
 * A page of a run's artifacts. The answer's own keys are camelCase; each artifact is
 * free-form JSON, verbatim, as a response's `artifacts` are.
 */
export interface ArtifactList {
  responseId?: string
  artifacts: Json[]
  total?: number
  limit?: number
  offset?: number
  [key: string]: Json | undefined
}

export interface FeedbackCreated {
  feedbackId: string
  createdAt: string | null
}

export interface InvokeOptions extends RunOptions, RequestOptions {
  /** The key of the create request, so that a repeated invoke starts one run. */
  idempotencyKey?: string
  /**
   * Yield progress entries as they come instead of resolving with the response. Options
   * typed `InvokeOptions` resolve with the response, as the official `InvokeOptions` (which
   * has no `stream`) does; `{ stream: true }` is an `InvokeStreamOptions`.
   */
  stream?: false
  /** Print each progress entry to stdout as it comes. */
  showProgress?: boolean
  /** The pause between reads when the server does not hold them (1,000 unless set). */
  pollIntervalMs?: number
  /** How long each read asks the server to hold, in milliseconds (10,000 unless set). */
  waitMs?: number
  /** How long to wait in all for a final status (300,000 unless set). */
  maxWaitMs?: number
}

/** The options of `invoke(input, { stream: true })`, which yields progress entries. */
export interface InvokeStreamOptions extends Omit<InvokeOptions, 'stream'> {
  stream: true
}

export type InvokeInput = string | Message | Message[]

export type FileScope = 'user' | 'tenant'
export type DuplicateHandling = 'error' | 'skip' | 'replace' | 'suffix'

export interface FileMetadata {
  id: string
  tenantId: string | null
  userId: string | null
  fileName: string
  originalFileName: string | null
  fileType: string | null
  mimeType: string | null
  fileSize: number
  /** `unknown` stands for a scope from a newer server. */
  fileScope: FileScope | 'unknown' | null
  blobUrl: string | null
  processingStatus: string | null
  errorMessage: string | null
  totalChunks: number | null
  chunksEmbedded: number | null
  tags: string[]
  createdAt: string
  updatedAt: string | null
  deletedAt: string | null
}

export interface FileUploadResult {
  fileId: string
  fileName: string
  status: string | null
  message: string | null
}

export interface FileList {
  files: FileMetadata[]
  totalCount: number
  page: number
  limit: number
  hasMore: boolean
}

export interface FileContent {
  fileId: string
  contentType: string | null
  text: string | null
  metadata: Json | null
  startLine: number | null
  endLine: number | null
  totalLines: number | null
}

/** Where a file's processing stands. */
export interface FileStatus {
  status: string
  /** 0 to 100. */
  progressPercentage: number | null
  chunksEmbedded: number | null
  totalChunks: number | null
  estimatedTimeRemainingSeconds: number | null
  errorMessage: string | null
}

/**
 * A path, bytes, a Blob or File, or a readable stream (streamed, never buffered whole). A Blob
 * of up to 64 MiB is read into memory first, so that an upload cut off midway is retried, as
 * a path's or a Buffer's is; a larger Blob, and any stream, is sent once, without retries.
 */
export type UploadSource =
  | string
  | URL
  | Uint8Array
  | ArrayBuffer
  | Blob
  | Readable
  | AsyncIterable<Uint8Array | string>

export interface UploadOptions extends RequestOptions {
  /** `user` (needs a user: `userId` or a bound client) or `tenant`. */
  scope?: FileScope
  userId?: string
  /** A list, or one string of comma-separated tags (`'q3,finance'`). */
  tags?: string[] | string
  duplicateHandling?: DuplicateHandling
  /** The name to store; the path's or File's name, else `upload.bin`. */
  fileName?: string
  /** The MIME type; guessed from the name when left out. */
  mimeType?: string
}

export interface ListFilesParams extends RequestOptions {
  userId?: string
  scope?: FileScope
  fileType?: string
  status?: string
  /** Files with these tags: a list, or one comma-separated string. */
  tags?: string[] | string
  page?: number
  limit?: number
}

export interface FileCallOptions extends RequestOptions {
  /** The file's user; the bound user when left out. */
  userId?: string
}

export interface FileContentOptions extends FileCallOptions {
  contentType?: string
  startLine?: number
  endLine?: number
}

export interface DownloadOptions extends FileCallOptions {
  /** Stream the bytes to this file instead of returning them. */
  path?: string
}

export interface DeleteFileOptions extends FileCallOptions {
  /** Removes the bytes too (`true` unless set, as in the official SDKs); `false` hides it. */
  hardDelete?: boolean
}

/** `client.users`. */
export interface Users {
  /** Creates a user, or returns the active one with this email (an upsert). */
  create(params: CreateUserParams): Promise<User>
  /** A user, by id or email. */
  get(idOrEmail: string, options?: RequestOptions): Promise<User>
  /** One page of active users (`page` from 1, `pageSize` 1 to 100, 20 unless set). */
  list(params?: ListUsersParams): Promise<UserList>
  /** Changes the given fields of a user. */
  update(idOrEmail: string, params: UpdateUserParams): Promise<User>
  /** Soft-deletes a user: it leaves the lists, and its email may be created again. */
  delete(idOrEmail: string, options?: RequestOptions): Promise<DeleteResult>
  /** Every user, page after page. */
  iterate(params?: ListUsersParams): AsyncGenerator<User, void, undefined>
  /** @deprecated Not in this package (a user's responses): use `responses.list({ userId })`. */
  getResponses(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (a user's threads): use `threads.list({ userId })`. */
  getThreads(...args: unknown[]): Promise<never>
}

/** `client.threads`. */
export interface Threads {
  /** Creates a thread for a user (the bound one unless `userId` is given). */
  create(params?: CreateThreadParams): Promise<Thread>
  /** One page of threads (`limit` 1 to 100, 50 unless set) of the user given or bound. */
  list(params?: ListThreadsParams): Promise<ThreadList>
  /** Every thread, page after page. */
  iterate(params?: ListThreadsParams): AsyncGenerator<Thread, void, undefined>
  /** A thread, by id. */
  get(threadId: string, options?: RequestOptions): Promise<Thread>
  /** The thread's responses, oldest first. */
  getResponses(threadId: string, params?: PageParams): Promise<Response[]>
  /** Renames a thread (a title of at most 500 characters). */
  update(threadId: string, params: UpdateThreadParams): Promise<Thread>
  /** Deletes a thread and its responses. */
  delete(threadId: string, options?: RequestOptions): Promise<DeleteResult>
}

/** `client.responses`. */
export interface Responses {
  /** Starts an agent run and returns at once (`status: 'queued'`); `invoke` also waits for it. */
  create(params: CreateResponseParams): Promise<CreatedResponse>
  /** A response; with `wait`, the server holds the read until it changes or ends. */
  get(responseId: string, options?: GetResponseOptions): Promise<Response>
  /** Cancels a run that has not ended. */
  cancel(responseId: string, options?: RequestOptions): Promise<CancelResult>
  /** One page of responses (`limit` 1 to 100, 50 unless set). */
  list(params?: ListResponsesParams): Promise<ResponseList>
  /** Every response, page after page. */
  iterate(params?: ListResponsesParams): AsyncGenerator<Response, void, undefined>
  /** The run's artifacts, as the server sent them. */
  listArtifacts(responseId: string, params?: PageParams): Promise<ArtifactList>
  /** Gives feedback on a run (a suggestion unless `feedbackType` says otherwise). */
  createFeedback(responseId: string, params: CreateFeedbackParams): Promise<FeedbackCreated>
  /** The feedback given on the run, as the server sent it. */
  listFeedback(responseId: string, options?: ListFeedbackOptions): Promise<FeedbackList>
  /** @deprecated Not in this package (people search): rejects with NotImplementedYetError. */
  quickPeopleSearch(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (people search): rejects with NotImplementedYetError. */
  deepPeopleSearch(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (people scoring): rejects with NotImplementedYetError. */
  peopleScoring(...args: unknown[]): Promise<never>
}

/** `client.files`. */
export interface Files {
  /** Uploads a file for the agent to use (user-scoped on a bound client). */
  upload(file: UploadSource, options?: UploadOptions): Promise<FileUploadResult>
  /** One page of the files the user given or bound may see. */
  list(params?: ListFilesParams): Promise<FileList>
  /** Every file, page after page (`limit` per page), fetched as the loop goes. */
  iterate(params?: ListFilesParams): AsyncGenerator<FileMetadata, void, undefined>
  /** A file's metadata; the second argument may be the user id alone. */
  get(fileId: string, options?: FileCallOptions | string): Promise<FileMetadata>
  /** A file's extracted text, whole or a range of lines. */
  getContent(fileId: string, options?: FileContentOptions | string): Promise<FileContent>
  /**
   * Streams a file's bytes to `path` (complete, or not there at all); resolves with the
   * byte count.
   */
  download(fileId: string, options: DownloadOptions & { path: string }): Promise<number>
  /** A file's bytes. */
  download(fileId: string, options?: FileCallOptions | string): Promise<Buffer>
  /** Deletes a file with its bytes (`hardDelete: false` only hides it). */
  delete(fileId: string, options?: DeleteFileOptions | string): Promise<DeleteResult>
  /** Where the file's processing (chunking, embedding) stands. */
  getStatus(fileId: string, options?: RequestOptions): Promise<FileStatus>
  /** @deprecated Not in this package (bulk upload): rejects with NotImplementedYetError. */
  bulkUpload(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (bulk delete): rejects with NotImplementedYetError. */
  bulkDelete(...args: unknown[]): Promise<never>
  /**
   * @deprecated Not in this package (changing a file's scope): rejects with
   * NotImplementedYetError.
   */
  updateScope(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (file search): rejects with NotImplementedYetError. */
  search(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (file statistics): rejects with NotImplementedYetError. */
  getStatistics(...args: unknown[]): Promise<never>
}

/**
 * A resource of the official SDK outside the Lumnis wire contract (skills, MCP servers,
 * integrations, ...): every call on it rejects with NotImplementedYetError.
 */
export interface NotInThisPackage {
  readonly [method: string]: (...args: unknown[]) => Promise<never>
}

export declare class LumnisClient {
  /**
   * Options left out come from `LUMNISAI_API_KEY`, `LUMNISAI_BASE_URL` and `LUMNISAI_TENANT_ID`;
   * an unknown or out-of-range option is a `ConfigurationError`.
   */
  constructor(options?: ClientOptions)
  /** Users: create (an upsert), get, list, update, delete. */
  readonly users: Users
  /** Threads of responses, shared by the users who take part. */
  readonly threads: Threads
  /** Agent runs: create, read (long-polled), cancel, list, artifacts, feedback. */
  readonly responses: Responses
  /** Files for the agent to use: upload, list, read, download, delete. */
  readonly files: Files
  /** Where the client points, its bound user and scope; never the key. */
  readonly config: ClientConfig
  /** The tenant given in the options or LUMNISAI_TENANT_ID. */
  readonly tenantId: string | undefined
  /** A client bound to one user (an email or a uuid), sharing this client's connections. */
  forUser(user: string): LumnisClient
  /** `users.create`: creates a user, or returns the active one with this email. */
  createUser(params: CreateUserParams): Promise<User>
  /** `users.get`: a user, by id or email. */
  getUser(idOrEmail: string, options?: RequestOptions): Promise<User>
  /** `users.list`: one page of active users. */
  listUsers(params?: ListUsersParams): Promise<UserList>
  /** `users.update`: changes the given fields of a user. */
  updateUser(idOrEmail: string, params: UpdateUserParams): Promise<User>
  /** `users.delete`: soft-deletes a user. */
  deleteUser(idOrEmail: string, options?: RequestOptions): Promise<DeleteResult>
  /** `threads.list`: one page of threads. */
  listThreads(params?: ListThreadsParams): Promise<ThreadList>
  /** `threads.get`: a thread, by id. */
  getThread(threadId: string, options?: RequestOptions): Promise<Thread>
  /** `threads.create`: creates a thread. */
  createThread(params?: CreateThreadParams): Promise<Thread>
  /** `threads.delete`: deletes a thread and its responses. */
  deleteThread(threadId: string, options?: RequestOptions): Promise<DeleteResult>
  /** The server's health answer. */
  health(options?: RequestOptions): Promise<Json>
  /** Runs an agent and yields its progress entries as they come, then a final entry. */
  invoke(input: InvokeInput, options: InvokeStreamOptions): ProgressStream
  /**
   * Runs an agent and resolves with the final response (a failed run is an answer, not an
   * error; running past `maxWaitMs` is a `LumnisTimeoutError`).
   */
  invoke(input: InvokeInput, options?: InvokeOptions): Promise<Response>
  /** Options whose `stream` is only known to be a boolean. */
  invoke(
    input: InvokeInput,
    options?: Omit<InvokeOptions, 'stream'> & { stream?: boolean },
  ): Promise<Response> | ProgressStream
  toString(): string
  toJSON(): ClientConfig

  // The official client's calls outside the Lumnis wire contract: each rejects with a
  // NotImplementedYetError that says so.
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly tenantInfo: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly externalApiKeys: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly integrations: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly modelPreferences: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly mcpServers: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly skills: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly people: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly messaging: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly sequences: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly campaigns: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly contactRelationships: NotInThisPackage
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  readonly enrichment: NotInThisPackage
  /** @deprecated Not in this package (skills): rejects with NotImplementedYetError. */
  createSkill(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  getSkill(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  listSkills(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  updateSkill(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  deleteSkill(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (MCP servers): rejects with NotImplementedYetError. */
  createMcpServer(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  getMcpServer(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  listMcpServers(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  updateMcpServer(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  deleteMcpServer(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  listMcpServerTools(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  testMcpServer(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (integrations): rejects with NotImplementedYetError. */
  listApps(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  listProviders(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  isAppEnabled(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  setAppEnabled(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  initiateConnection(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  getConnectionStatus(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  getConnectionsBatch(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  listConnections(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  getIntegrationTools(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  disconnect(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (model preferences): rejects with NotImplementedYetError. */
  getModelPreferences(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  updateModelPreferences(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package (external API keys): rejects with NotImplementedYetError. */
  addApiKey(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  listApiKeys(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  getApiKey(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  deleteApiKey(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  getApiKeyMode(...args: unknown[]): Promise<never>
  /** @deprecated Not in this package: rejects with NotImplementedYetError. */
  setApiKeyMode(...args: unknown[]): Promise<never>
}

/** What an error is built with; the client fills these in from the server's answer. */
export interface LumnisErrorOptions {
  message?: string
  /** The kind; the class's own when left out (`not_found` for NotFoundError). */
  kind?: string
  code?: string
  statusCode?: number
  requestId?: string
  details?: Json
}

/** The base of every error the client throws (an aborted call rejects with the signal's reason). */
export declare class LumnisError extends Error {
  /**
   * For code that builds these errors itself, such as a test's stand-in for the client; a
   * message left out is the class's own description.
   */
  constructor(message?: string, options?: LumnisErrorOptions)
  constructor(options: LumnisErrorOptions)
  /** The stable kind: `not_found`, `validation`, `rate_limit`, `server`, `transport`, … */
  readonly kind: string
  /** The server's error code, else the kind in capitals (`NOT_FOUND`). */
  readonly code: string
  /** The HTTP status, when the server answered. */
  readonly statusCode: number | undefined
  /** The server's X-Request-ID, when the server answered. */
  readonly requestId: string | undefined
  /** The server's error details, as JSON. */
  readonly details: Json | undefined
}
/** 401 or 403 (401 when built by hand with no status). */
export declare class AuthenticationError extends LumnisError {}
/** 404. */
export declare class NotFoundError extends LumnisError {}
/** Other 4xx, or a bad argument caught before any request (400 when built by hand). */
export declare class ValidationError extends LumnisError {}
/** 429 after the retries; built by hand, `Rate limit exceeded`. */
export declare class RateLimitError extends LumnisError {
  constructor(message?: string, options?: LumnisErrorOptions & { retryAfter?: number | string })
  constructor(options: LumnisErrorOptions & { retryAfter?: number | string })
  /** Seconds the server asked to wait (a count given by hand as text reads as its number). */
  readonly retryAfter: number | undefined
}
/** 5xx after the retries (500 when built by hand). */
export declare class InternalServerError extends LumnisError {}
/** No answer: refused, reset, or closed mid-body, after the retries. */
export declare class TransportError extends LumnisError {}
/** An attempt, or an invoke's `maxWaitMs`, ran out. */
export declare class LumnisTimeoutError extends LumnisError {
  constructor(message?: string, options?: LumnisErrorOptions & { responseId?: string })
  constructor(options: LumnisErrorOptions & { responseId?: string })
  /** The response an invoke was waiting for; it may still be running. */
  readonly responseId: string | undefined
}
/** A body that is not the JSON the API promises. */
export declare class DecodeError extends LumnisError {}
/** A response body over the client's limit. */
export declare class BodyTooLargeError extends LumnisError {}
/** User scope with no user. */
export declare class MissingUserIdError extends ValidationError {}
/** Never thrown: a user switches a call to user scope. Kept for `instanceof` checks. */
export declare class TenantScopeUserIdConflictError extends ValidationError {}
/** A local path where a file id or remote URI is expected. */
export declare class LocalFileNotSupportedError extends ValidationError {
  /** Built by hand from the path alone, the message is the official SDK's. */
  constructor(filePath: string)
  constructor(message?: string, options?: LumnisErrorOptions)
}
/** The official SDK's people-search error; never thrown here (that call is not in it). */
export declare class NoDataSourcesError extends ValidationError {
  constructor(message?: string)
}
/** The official SDK's people-search error; never thrown here (that call is not in it). */
export declare class SourcesNotAvailableError extends ValidationError {
  constructor(message: string, availableSources: string[])
  readonly availableSources: string[]
}
/** A client that cannot be built: no API key, a bad base URL, a setting out of range. */
export declare class ConfigurationError extends LumnisError {}
/** A local file could not be read or written. */
export declare class IOError extends LumnisError {}
/** Prints a streamed entry (`STATE - message`) and its tool calls, as the official SDK does. */
export declare function displayProgress(update: ProgressEntry, indent?: string): void
/** `STATE: message`, then one indented line per tool call. */
export declare function formatProgressEntry(
  state: string,
  message: string,
  toolCalls?: Json[] | null,
): string
/** Remembers the messages and tool calls already shown, so that each is shown once. */
export declare class ProgressTracker {
  /** The lines of this entry not shown yet, or null when there is nothing new. */
  formatNewEntries(state: string, message: string, toolCalls?: Json[] | null): string | null
  /** Forgets everything shown. */
  reset(): void
}

/**
 * Whether `signature` (the hex `x-webhook-signature` header) is the HMAC-SHA256 of the raw
 * request body under the shared secret, compared in constant time.
 */
export declare function verifyWebhookSignature(
  payload: string | Buffer,
  signature: string,
  secret: string,
): boolean

/** A call of the official SDK outside the Lumnis wire contract, which this package lacks. */
export declare class NotImplementedYetError extends LumnisError {}

/**
 * A value the official package exports outside the Lumnis wire contract (LinkedIn limits,
 * outreach enums, ...): reading any member throws a NotImplementedYetError.
 */
export interface NotInThisPackageValue {
  readonly [member: string]: never
}

/** The official messaging errors; never thrown here (that API is not in this package). */
export declare class MessagingAPIError extends LumnisError {}
export declare class MessagingNotFoundError extends MessagingAPIError {}
export declare class MessagingValidationError extends MessagingAPIError {}
export declare class MessagingSendError extends MessagingAPIError {}
export declare class MessagingConnectionError extends MessagingAPIError {}

// The official package's LinkedIn and sequence limits: each call throws NotImplementedYetError.
export declare function normalizeAction(...args: unknown[]): never
export declare function getRateLimit(...args: unknown[]): never
export declare function getDefaultDailyLimits(...args: unknown[]): never
export declare function getLimits(...args: unknown[]): never
export declare function getConnectionRequestLimit(...args: unknown[]): never
export declare function getMessageLimit(...args: unknown[]): never
export declare function getInmailAllowance(...args: unknown[]): never
export declare function canSendInmail(...args: unknown[]): never
export declare function hasOpenProfileMessages(...args: unknown[]): never
export declare function getBestSubscriptionForAction(...args: unknown[]): never
export declare function getDailyInmailLimit(...args: unknown[]): never
export declare function isRecruiterSubscription(...args: unknown[]): never
export declare function getContentLimit(...args: unknown[]): never

// Its limit tables: reading a member throws NotImplementedYetError.
export declare const LINKEDIN_LIMITS: NotInThisPackageValue
export declare const UNIPILE_SAFE_LIMITS: NotInThisPackageValue
export declare const DEFAULT_SUBSCRIPTION_TYPE: NotInThisPackageValue
export declare const SEQUENCE_RATE_LIMITS: NotInThisPackageValue
export declare const RATE_LIMIT_COOLDOWNS: NotInThisPackageValue
export declare const UNIPILE_RATE_LIMIT_ERRORS: NotInThisPackageValue
export declare const ACTION_DELAYS: NotInThisPackageValue
export declare const DAILY_INMAIL_LIMITS: NotInThisPackageValue
export declare const CONTENT_LIMITS: NotInThisPackageValue
export declare const CONTENT_LIMITS_MAP: NotInThisPackageValue
export declare const VALID_EVENT_TYPES: NotInThisPackageValue

// Its outreach and people-search enums: as values, reading a member throws; as types, text.
export declare const SharePermission: NotInThisPackageValue
export type SharePermission = string
export declare const ProviderType: NotInThisPackageValue
export type ProviderType = string
export declare const ChannelType: NotInThisPackageValue
export type ChannelType = string
export declare const OutreachMethod: NotInThisPackageValue
export type OutreachMethod = string
export declare const ConversationStatus: NotInThisPackageValue
export type ConversationStatus = string
export declare const MessageType: NotInThisPackageValue
export type MessageType = string
export declare const DraftStatus: NotInThisPackageValue
export type DraftStatus = string
export declare const SyncJobStatus: NotInThisPackageValue
export type SyncJobStatus = string
export declare const BatchJobStatus: NotInThisPackageValue
export type BatchJobStatus = string
export declare const QueueItemStatus: NotInThisPackageValue
export type QueueItemStatus = string
export declare const LinkedInSubscriptionType: NotInThisPackageValue
export type LinkedInSubscriptionType = string
export declare const NetworkDistance: NotInThisPackageValue
export type NetworkDistance = string
export declare const PeopleDataSource: NotInThisPackageValue
export type PeopleDataSource = string

// The official SDK's names for the same types, so that code written against it compiles.
export type LumnisClientOptions = ClientOptions
export type UserResponse = User
export type UserListResponse = UserList
export type UserCreateRequest = CreateUserParams
export type UserUpdateRequest = UpdateUserParams
export type UserDeleteResponse = DeleteResult
export type PaginationInfo = Pagination
export type ThreadObject = Thread
export type ThreadListResponse = ThreadList
export type CreateThreadRequest = CreateThreadParams
export type UpdateThreadRequest = UpdateThreadParams
export type ResponseObject = Response
export type ResponseListResponse = ResponseList
export type CreateResponseRequest = CreateResponseParams
export type CreateResponseResponse = CreatedResponse
export type CancelResponseResponse = CancelResult
export type FileUploadResponse = FileUploadResult
export type FileListResponse = FileList
export type FileContentResponse = FileContent
export type ProcessingStatusResponse = FileStatus
export type CreateFeedbackResponse = FeedbackCreated
export type FeedbackObject = Feedback
export type FeedbackListResponse = FeedbackList
export type ArtifactsListResponse = ArtifactList
