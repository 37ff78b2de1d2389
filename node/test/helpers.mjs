// Test fixtures: a fresh lumnis-local server per suite (on 127.0.0.1, with fault injection),
// its control API, and a child-process runner for the tests that need a process of their own.

import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const PACKAGE_DIR = path.resolve(here, '..')
const REPO = path.resolve(PACKAGE_DIR, '..')
const BIN = process.env.LUMNIS_LOCAL_BIN || path.join(REPO, 'target', 'debug', 'lumnis-local')

export const API_KEY = 'lumnis-local-key'

/** Starts lumnis-local and resolves once it prints its address. */
export async function startServer({ agentLatencyMs = 300, args = [] } = {}) {
  const child = spawn(
    BIN,
    ['--addr', '127.0.0.1:0', '--faults', '--agent-latency-ms', String(agentLatencyMs), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const lines = createInterface({ input: child.stdout })
  const baseUrl = await new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`lumnis-local exited with ${code}`)))
    lines.once('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match) resolve(match[1])
      else reject(new Error(`unexpected first line from lumnis-local: ${line}`))
    })
  })
  child.removeAllListeners('exit')
  lines.on('line', () => {})

  async function control(method, route, body) {
    const response = await fetch(`${baseUrl}/_control/${route}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!response.ok) throw new Error(`control ${route}: HTTP ${response.status}`)
    const text = await response.text()
    return text ? JSON.parse(text) : null
  }

  return {
    baseUrl,
    apiKey: API_KEY,
    fault: (spec) => control('POST', 'faults', spec),
    clearFaults: () => control('DELETE', 'faults'),
    log: async () => (await control('GET', 'log')).requests,
    clearLog: () => control('DELETE', 'log'),
    reset: () => control('POST', 'reset'),
    settings: (body) => control('PUT', 'settings', body),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', resolve)
        child.kill('SIGTERM')
      }),
  }
}

/** Runs `node` on a script; resolves with its exit code, output and duration. */
export function runNode(args, { env = {}, input, cwd = PACKAGE_DIR, timeoutMs = 20000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`node ${args.join(' ')} did not exit within ${timeoutMs} ms\n${stderr}`))
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, elapsedMs: Date.now() - started })
    })
    child.stdin.end(input ?? '')
  })
}
