// The hand-written declarations against the runtime: every value index.d.ts exports exists,
// every runtime export is declared, and the declared methods of the client and its resources
// are the ones the objects have, so the types cannot drift from the code.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import * as lumnisai from 'lumnisai'
import { PACKAGE_DIR } from './helpers.mjs'

const source = ts.createSourceFile(
  'index.d.ts',
  fs.readFileSync(path.join(PACKAGE_DIR, 'index.d.ts'), 'utf8'),
  ts.ScriptTarget.ES2022,
)

function declared() {
  const values = []
  const members = {}
  for (const node of source.statements) {
    const name = node.name?.text
    if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) {
      members[name] = node.members
        .filter((m) => ts.isMethodDeclaration(m) || ts.isMethodSignature(m))
        .map((m) => m.name.text)
    }
    if (ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node)) values.push(name)
    if (ts.isVariableStatement(node)) {
      values.push(...node.declarationList.declarations.map((d) => d.name.text))
    }
  }
  return { values: [...new Set(values)].sort(), members }
}

const methodsOf = (object) =>
  Object.getOwnPropertyNames(Object.getPrototypeOf(object)).filter(
    (n) => n !== 'constructor' && typeof object[n] === 'function',
  )

test('index.d.ts declares exactly the runtime exports', () => {
  const runtime = Object.keys(lumnisai).filter((k) => k !== 'default').sort()
  assert.deepEqual(declared().values, runtime)
})

test('the declared methods are the client and resource methods', () => {
  const { members } = declared()
  const client = new lumnisai.LumnisClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' })
  const unique = (names) => [...new Set(names)].sort()
  assert.deepEqual(unique(members.LumnisClient), unique(methodsOf(client)))
  for (const [name, resource] of [
    ['Users', client.users],
    ['Threads', client.threads],
    ['Responses', client.responses],
    ['Files', client.files],
  ]) {
    assert.deepEqual(unique(members[name]), unique(methodsOf(resource)), name)
  }
})
