'use strict'
// The official SDK's helpers for showing an agent's progress, under its names:
// `displayProgress(entry)` prints one streamed entry and its tool calls,
// `formatProgressEntry` gives the text of an entry, and a `ProgressTracker` remembers what was
// shown, so that reading a run again and again prints only what is new (`invoke` with
// `showProgress` prints through one).

// `name(key="value", n=1)`, or the bare name for a call without arguments.
function toolText(call, indent = '\t') {
  const name = call?.name || 'unknown'
  const args = Object.entries(call?.args || {})
  const shown = args.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', ')
  return `${indent}→ ${name}${shown ? `(${shown})` : ''}`
}

/** `STATE: message`, then one indented line per tool call. */
function formatProgressEntry(state, message, toolCalls) {
  const lines = [`${state.toUpperCase()}: ${message}`]
  for (const call of toolCalls ?? []) lines.push(toolText(call))
  return lines.join('\n')
}

/**
 * Prints a streamed entry (`STATE - message`) and its tool calls; an entry of state
 * `tool_update` (new tool calls of an earlier message) prints its tool calls alone.
 */
function displayProgress(update, indent = '\t') {
  if (update.state !== 'tool_update') {
    console.log(`${update.state.toUpperCase()} - ${update.message}`)
  }
  for (const call of update.toolCalls ?? []) console.log(toolText(call, indent))
}

/** Remembers the messages and tool calls already shown, so that each is shown once. */
class ProgressTracker {
  #shown = new Map()

  /** The lines of this entry not shown yet, or null when there is nothing new. */
  formatNewEntries(state, message, toolCalls) {
    const key = `${state}:${message}`
    const lines = []
    if (!this.#shown.has(key)) {
      this.#shown.set(key, new Set())
      lines.push(`${state.toUpperCase()}: ${message}`)
    }
    const calls = this.#shown.get(key)
    for (const call of toolCalls ?? []) {
      const callKey = `${call?.name || 'unknown'}:${JSON.stringify(call?.args || {})}`
      if (calls.has(callKey)) continue
      calls.add(callKey)
      lines.push(toolText(call))
    }
    return lines.length > 0 ? lines.join('\n') : null
  }

  /** Forgets everything shown. */
  reset() {
    this.#shown.clear()
  }
}

/**
 * What `invoke` with `showProgress` prints for one streamed entry, or null: its new lines as
 * the tracker gives them, and for a `tool_update` entry (new tool calls of an earlier
 * message) those calls alone, under the message already printed, as the official SDK prints
 * them.
 */
function progressLines(tracker, entry) {
  if (entry.state === 'tool_update') {
    const calls = (entry.toolCalls ?? []).map((call) => toolText(call))
    return calls.length > 0 ? calls.join('\n') : null
  }
  return tracker.formatNewEntries(entry.state, entry.message, entry.toolCalls)
}

module.exports = { displayProgress, formatProgressEntry, ProgressTracker, progressLines }
