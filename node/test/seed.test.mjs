// Every snippet of the user's documentation (test/seed/*.ts, copied line for line from
// shared/seed), type-checked with TypeScript and run against a seeded local server, with its
// output asserted. A test may put setup lines before a snippet (a client, a `fileStream`) and
// wrap alternatives that redeclare a name in blocks; it never changes a snippet's lines.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { LumnisClient, NotFoundError } from 'lumnisai'
import { startServer, runNode, PACKAGE_DIR } from './helpers.mjs'

const SNIPPETS = path.join(PACKAGE_DIR, 'test', 'seed')
const OUT = path.join(PACKAGE_DIR, 'test', '.seed-out')
const SEED_DIR =
  process.env.LUMNISAI_SEED_DIR ?? path.resolve(PACKAGE_DIR, '..', '..', 'shared', 'seed')
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

const CLIENT_SETUP = [
  "import { LumnisClient } from 'lumnisai'",
  'const client = new LumnisClient({ apiKey: process.env.LUMNISAI_API_KEY! })',
]

let server
let client

before(async () => {
  server = await startServer({ agentLatencyMs: 50 })
  client = new LumnisClient({ apiKey: server.apiKey, baseUrl: server.baseUrl })
  fs.rmSync(OUT, { recursive: true, force: true })
  fs.mkdirSync(OUT, { recursive: true })
})
after(() => server.stop())

/** The program run for a snippet: setup lines, then its lines with blocks around ranges. */
function assemble(name, { setup = [], blocks = [] }) {
  const lines = fs.readFileSync(path.join(SNIPPETS, `${name}.ts`), 'utf8').trimEnd().split('\n')
  const out = [...setup]
  lines.forEach((line, i) => {
    if (blocks.some(([start]) => start === i + 1)) out.push('{')
    out.push(line)
    if (blocks.some(([, end]) => end === i + 1)) out.push('}')
  })
  return out.join('\n') + '\n'
}

const CASES = {
  '01-create-user': {
    check: ({ lines }) => {
      assert.match(lines[0], new RegExp(`^User ID: ${UUID}$`))
      assert.deepEqual(lines.slice(1), ['Email: user@example.com'])
    },
  },
  '02-get-user': {
    setup: CLIENT_SETUP,
    // Two alternatives that each declare `user`: one block each.
    blocks: [
      [1, 2],
      [3, 5],
    ],
    seed: () => client.createUser({ email: 'user@example.com', firstName: 'John' }),
    // The fixed uuid names no user of this server: the snippet ends in a NotFoundError.
    check: ({ run }) => {
      assert.equal(run.code, 1)
      assert.equal(run.stdout, '')
      assert.match(run.stderr, /NotFoundError/)
      assert.match(run.stderr, /statusCode: 404/)
    },
  },
  '03-list-users': {
    setup: CLIENT_SETUP,
    seed: async () => {
      await client.createUser({
        email: 'user@example.com',
        firstName: 'John',
        lastName: 'Doe',
        metadata: { plan_tier: 'pro', signUp: { viaEmail: true } },
      })
      await client.createUser({ email: 'jane@example.com', firstName: 'Jane', lastName: 'Roe' })
    },
    check: ({ lines }) => {
      assert.equal(lines[0], 'Total users: 2')
      assert.deepEqual(lines.slice(1).sort(), [
        ' Metadata: {"plan_tier":"pro","signUp":{"viaEmail":true}}',
        'jane@example.com: Jane Roe',
        'user@example.com: John Doe',
      ])
      const john = lines.indexOf('user@example.com: John Doe')
      assert.equal(lines[john + 1], ' Metadata: {"plan_tier":"pro","signUp":{"viaEmail":true}}')
    },
  },
  '04-update-user': {
    setup: CLIENT_SETUP,
    seed: () =>
      client.createUser({ email: 'user@example.com', firstName: 'John', lastName: 'Doe' }),
    check: ({ lines }) => assert.deepEqual(lines, ['Updated: Jane Smith']),
  },
  '05-delete-user': {
    setup: CLIENT_SETUP,
    seed: () => client.createUser({ email: 'user@example.com' }),
    check: async ({ lines }) => {
      assert.deepEqual(lines, [])
      await assert.rejects(client.getUser('user@example.com'), NotFoundError)
    },
  },
  '06-for-user': {
    setup: [
      "import fs from 'node:fs'",
      'const fileStream = fs.createReadStream(process.env.SEED_UPLOAD_FILE!)',
    ],
    seed: () => client.createUser({ email: 'user@example.com' }),
    check: async ({ lines }) => {
      assert.deepEqual(lines, [])
      const user = client.forUser('user@example.com')
      const files = await user.files.list()
      assert.deepEqual(files.files.map((f) => [f.fileName, f.fileScope]), [['notes.txt', 'user']])
      assert.equal((await user.listThreads()).threads.length, 1)
    },
  },
  '07-multi-user': {
    check: ({ lines }) => {
      assert.equal(lines[0], "Thread: What's the weather like?")
      // The snippet reads the thread right after creating both runs: each answer is either
      // done or still running (null), depending on timing.
      assert.match(lines[1], /^Alice: (null|Answer to: What's the weather like\?)$/)
      assert.match(lines[2], /^Bob: (null|Answer to: What about tomorrow\?)$/)
      assert.equal(lines.length, 3)
    },
  },
  '08-complete-example': {
    check: ({ lines }) => {
      assert.deepEqual(lines, [
        'Created: alice@example.com',
        'Created: bob@example.com',
        'Created: charlie@example.com',
        '',
        'Total users: 3',
        '',
        "Alice's response: Answer to: What are the latest AI trends?...",
        'Alice has 1 threads',
        '',
        'Updated user: Robert Smith',
        'Retrieved by ID: bob@example.com',
      ])
    },
  },
  '09-error-handling': {
    check: async ({ lines }) => {
      assert.deepEqual(lines, ['Created user: nonexistent@example.com'])
      assert.equal((await client.getUser('nonexistent@example.com')).firstName, 'New')
    },
  },
  '10-pagination': {
    setup: CLIENT_SETUP,
    seed: async () => {
      for (let i = 0; i < 120; i++) await client.createUser({ email: `u${i}@example.com` })
    },
    check: ({ lines }) => assert.deepEqual(lines, ['Total users retrieved: 120']),
  },
  '11-user-scoping': {
    setup: CLIENT_SETUP,
    blocks: [
      [1, 5],
      [6, 8],
    ],
    seed: () => client.createUser({ email: 'user@example.com' }),
    check: async ({ lines }) => {
      assert.deepEqual(lines, [])
      const runs = await client.forUser('user@example.com').responses.list()
      const answers = runs.responses.map((r) => r.outputText)
      assert.deepEqual(answers, ['Answer to: Hello!', 'Answer to: Hello!'])
    },
  },
}

test('the snippets are the seed documentation, line for line', () => {
  const seed = fs
    .readdirSync(SEED_DIR)
    .map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'))
    .join('\n')
  const seedLines = new Set(seed.split('\n'))
  const names = fs.readdirSync(SNIPPETS).filter((f) => f.endsWith('.ts'))
  assert.deepEqual(names.map((n) => n.slice(0, -3)).sort(), Object.keys(CASES).sort())
  for (const name of names) {
    for (const line of fs.readFileSync(path.join(SNIPPETS, name), 'utf8').trimEnd().split('\n')) {
      // The page glues a snippet's last line to the next heading; the line is its start.
      const found = seedLines.has(line) || [...seedLines].some((l) => l.startsWith(line))
      assert.ok(found, `${name}: ${line}`)
    }
  }
})

test('the snippets type-check against index.d.ts', () => {
  const files = Object.entries(CASES).map(([name, spec]) => {
    const file = path.join(OUT, `${name}.mts`)
    fs.writeFileSync(file, assemble(name, spec))
    return file
  })
  // strictNullChecks is off: the page reads nullable fields (`outputText`, `userId`) directly.
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    strictNullChecks: false,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  })
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}: ` : ''
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n')
  })
  assert.deepEqual(diagnostics, [])
})

for (const [name, spec] of Object.entries(CASES)) {
  test(`seed snippet ${name} runs as written`, async () => {
    await server.reset()
    if (spec.seed) await spec.seed()
    const { outputText } = ts.transpileModule(assemble(name, spec), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    })
    const file = path.join(OUT, `${name}.mjs`)
    fs.writeFileSync(file, outputText)
    const upload = path.join(OUT, 'notes.txt')
    fs.writeFileSync(upload, 'notes for the agent\n')
    const run = await runNode([file], {
      env: {
        LUMNISAI_API_KEY: server.apiKey,
        LUMNISAI_BASE_URL: server.baseUrl,
        SEED_UPLOAD_FILE: upload,
      },
    })
    if (name !== '02-get-user') assert.equal(run.code, 0, run.stderr)
    const lines = run.stdout === '' ? [] : run.stdout.replace(/\n$/, '').split('\n')
    await spec.check({ run, lines })
  })
}
