// A type test: the public surface as a strict TypeScript user writes it, including what the
// compiler must reject (each `@ts-expect-error` fails the check if the line compiles).

import fs from 'node:fs'
import {
  LumnisClient,
  LumnisError,
  NotFoundError,
  RateLimitError,
  LumnisTimeoutError,
  NotImplementedYetError,
  type AgentConfig,
  type ArtifactList,
  type FeedbackCreated,
  type FeedbackList,
  type FeedbackListResponse,
  type FileStatus,
  type InvokeOptions,
  type InvokeStreamOptions,
  type Json,
  type ProgressEntry,
  type Response,
  type User,
  type UserList,
  type ResponseObject,
  type UserResponse,
  type LumnisClientOptions,
} from 'lumnisai'

const client = new LumnisClient({ apiKey: process.env.LUMNISAI_API_KEY!, maxRetries: 2 })
const alice: LumnisClient = client.forUser('alice@example.com')

const config: AgentConfig = { coordinatorModelName: 'openai:gpt-4.1', useCognitiveTools: true }
// @ts-expect-error: not a model type
const badConfig: AgentConfig = { plannerModelType: 'BIG_MODEL' }

export async function sample(): Promise<void> {
  const user: User = await client.createUser({ email: 'a@example.com', metadata: { k: 1 } })
  const name: string | null = user.firstName
  const list: UserList = await client.listUsers({ page: 1, pageSize: 10 })
  const total: number = list.total + list.pagination.totalPages
  for await (const each of client.users.iterate({ pageSize: 100 })) {
    const email: string = each.email
  }

  const response: Response = await alice.invoke('Hi', { agentConfig: config, maxWaitMs: 1000 })
  const text: string | null = response.outputText
  const answer = await alice.invoke([{ role: 'user', content: 'Hi' }], { responseFormat: {} })
  const status: 'queued' | 'in_progress' | 'succeeded' | 'failed' | 'cancelled' | 'unknown' =
    answer.status
  for await (const entry of alice.invoke('Hi', { stream: true })) {
    const progress: ProgressEntry = entry
  }
  // @ts-expect-error: a stream is not a promise of a response
  const wrong: Response = alice.invoke('Hi', { stream: true })
  // Written for the official client, whose invoke is async: a promise of the stream.
  for await (const entry of await alice.invoke('Hi', { stream: true })) {
    const progress: ProgressEntry = entry
  }
  const awaited: AsyncGenerator<ProgressEntry, void, undefined> = await alice.invoke('Hi', {
    stream: true,
  })
  const firstEntry: Promise<IteratorResult<ProgressEntry, void>> = alice
    .invoke('Hi', { stream: true })
    .then((stream) => stream.next())
  // @ts-expect-error: awaiting a stream gives the stream, not a response
  const notAResponse: Response = await alice.invoke('Hi', { stream: true })
  // Options typed as the exported InvokeOptions, or a stream flag known only as a boolean.
  const opts: InvokeOptions = { userId: 'a@example.com' }
  const typed: Response = await client.invoke('x', opts)
  const streamOpts: InvokeStreamOptions = { stream: true, userId: 'a@example.com' }
  for await (const entry of client.invoke('x', streamOpts)) console.log(entry.state)
  const flag: boolean = Math.random() > 0.5
  const either = client.invoke('x', { stream: flag })
  if (!(Symbol.asyncIterator in either)) {
    const narrowed: Response = await either
  }

  const since = await client.responses.list({ startDate: '2020-01-01', endDate: new Date() })
  const artifacts: ArtifactList = await client.responses.listArtifacts(response.responseId, {
    limit: 5,
  })
  const firstArtifact: Json = artifacts.artifacts[0]
  const feedback: FeedbackCreated = await alice.responses.createFeedback(response.responseId, {
    feedbackText: 'shorter, please',
    feedbackType: 'guidance',
  })
  const allFeedback: FeedbackList = await alice.responses.listFeedback(response.responseId, {
    progressId: 'step-1',
  })
  const unread: number = allFeedback.unconsumedCount
  const feedbackText: string = allFeedback.feedback[0].feedbackText
  const official: FeedbackListResponse = allFeedback
  const bad = { feedbackText: 'x', feedbackType: 'praise' }
  // @ts-expect-error: not a feedback type
  await alice.responses.createFeedback(response.responseId, bad)

  const threads = await alice.listThreads({ limit: 10 })
  const first = threads.threads[0]
  const responses: Response[] = await client.threads.getResponses(first.threadId)
  await client.threads.update(first.threadId, { title: 'x' })
  await client.responses.cancel(responses[0].responseId, { signal: AbortSignal.timeout(100) })

  const uploaded = await alice.files.upload(fs.createReadStream('a.txt'), { scope: 'user' })
  await alice.files.upload(Buffer.from('x'), { tags: ['t'], duplicateHandling: 'replace' })
  await alice.files.upload(Buffer.from('x'), { tags: 'q3,finance' })
  await alice.files.upload(new Blob(['x']))
  const bytes: Buffer = await alice.files.download(uploaded.fileId)
  const written: number = await alice.files.download(uploaded.fileId, { path: 'copy.txt' })
  const processing: FileStatus = await alice.files.getStatus(uploaded.fileId)
  const percent: number | null = processing.progressPercentage
  // @ts-expect-error: not an upload source
  await alice.files.upload(42)

  try {
    await client.getUser('nobody@example.com')
  } catch (error) {
    if (error instanceof NotFoundError) {
      const code: string = error.code
      const statusCode: number | undefined = error.statusCode
      const requestId: string | undefined = error.requestId
    } else if (error instanceof RateLimitError) {
      const wait: number | undefined = error.retryAfter
    } else if (error instanceof LumnisTimeoutError) {
      const id: string | undefined = error.responseId
    } else if (error instanceof LumnisError) {
      const kind: string = error.kind
    }
  }
}

// Code written against the official SDK: its type names, its error constructors, and its
// calls beyond the contract, which compile and reject at run time.
export async function official(options: LumnisClientOptions): Promise<void> {
  const official = new LumnisClient(options)
  const user: UserResponse = await official.getUser('a@example.com')
  const run: ResponseObject = await official.invoke('hi', { userId: user.id })
  const stub = new NotFoundError('no such user', { statusCode: 404 })
  const limited = new RateLimitError({ retryAfter: 5 })
  const tenant: string | undefined = official.tenantId
  await official.listApps().catch((e: unknown) => e instanceof NotImplementedYetError)
  await official.skills.list()
  // @ts-expect-error: tags are strings
  await official.files.upload(Buffer.from('x'), { tags: 7 })
}
