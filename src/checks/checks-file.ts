import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { formatDuration, parseDuration } from '../format/duration.js'
import { describeError, InputError } from '../errors.js'
import { EXPECTATION_GRAMMAR, parseExpectation } from './expectation.js'
import type { Assertion } from './types.js'

const INPUT = 'checks-file'
const DEFAULT_TIMEOUT_MS = 60_000
const MIN_TIMEOUT_MS = 1_000
const MAX_TIMEOUT_MS = 3_600_000
const ENTRY_KEYS = ['name', 'sql', 'expect', 'database', 'timeout']

/**
 * Reads the user's assertions: `{ checks: [{ name, sql, expect, database?, timeout? }] }` as YAML
 * (.yml/.yaml) or JSON (.json). Everything is validated here, before the drill creates anything,
 * so a typo costs seconds rather than a restore.
 */
export function readChecksFile(file: string): Assertion[] {
  const text = readText(file)
  const data = /\.json$/i.test(file) ? parseJson(file, text) : parseYaml(file, text)
  return validate(file, data)
}

export const MAX_CHECKS_FILE_BYTES = 256 * 1024

function readText(file: string): string {
  if (!/\.(ya?ml|json)$/i.test(file)) {
    throw new InputError(INPUT, `"${file}" must be a .yml, .yaml or .json file`)
  }
  if (!existsSync(file)) {
    throw new InputError(
      INPUT,
      `"${file}" does not exist (looked in ${path.resolve(file)}; did you check out the repository?)`
    )
  }
  const stat = statSync(file)
  if (!stat.isFile()) throw new InputError(INPUT, `"${file}" is not a file`)
  // A checks file is a page of assertions; anything larger is a wrong path, not a plan.
  if (stat.size > MAX_CHECKS_FILE_BYTES) {
    throw new InputError(
      INPUT,
      `"${file}" is ${stat.size} bytes; a checks file may be at most ${MAX_CHECKS_FILE_BYTES / 1024} KiB`
    )
  }
  return readFileSync(file, 'utf8')
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new InputError(INPUT, `"${file}" is not valid JSON: ${describeError(error)}`)
  }
}

function parseYaml(file: string, text: string): unknown {
  // `logLevel: 'silent'`: the library would print warnings to the process; we raise them instead.
  const doc = parseDocument(text, { prettyErrors: true, logLevel: 'silent' })
  // A warning is an error here: `expect: != 0` parses as the tag `!=` on "0" with only a warning,
  // and a silently changed expectation is worse than a refused file.
  const problem = doc.errors[0] ?? doc.warnings[0]
  if (problem) {
    const where = problem.linePos?.[0]
    const at = where ? ` (line ${where.line}, column ${where.col})` : ''
    const firstLine = problem.message.split('\n')[0] ?? problem.message
    const source = where ? (text.split('\n')[where.line - 1] ?? '') : ''
    const hint = /:\s*[>!]/.test(source)
      ? `. In YAML a value that starts with ">" or "!" must be quoted, e.g. expect: '>= 1000'`
      : ''
    throw new InputError(INPUT, `"${file}" is not valid YAML${at}: ${firstLine}${hint}`)
  }
  return doc.toJS() as unknown
}

function validate(file: string, data: unknown): Assertion[] {
  if (!isObject(data) || !Array.isArray(data.checks)) {
    throw new InputError(
      INPUT,
      `"${file}" must hold a "checks" list, e.g. checks: [{ name, sql, expect }]`
    )
  }
  const extra = Object.keys(data).filter((k) => k !== 'checks')
  if (extra.length > 0) {
    throw new InputError(INPUT, `"${file}" has unknown key(s) ${list(extra)}; allowed: "checks"`)
  }
  if (data.checks.length === 0) {
    throw new InputError(INPUT, `"${file}" lists no checks; add one or remove the input`)
  }
  const seen = new Set<string>()
  return data.checks.map((entry: unknown, index: number) => {
    const assertion = validateEntry(file, entry, index)
    if (seen.has(assertion.name)) {
      throw new InputError(
        INPUT,
        `${where(file, index, assertion.name)}: the name is used twice; names must be unique`
      )
    }
    seen.add(assertion.name)
    return assertion
  })
}

function validateEntry(file: string, entry: unknown, index: number): Assertion {
  if (!isObject(entry)) {
    throw new InputError(
      INPUT,
      `${where(file, index)} must be a mapping with name, sql and expect (got ${kind(entry)})`
    )
  }
  const name = typeof entry.name === 'string' ? entry.name.trim() : ''
  const at = where(file, index, name || undefined)
  const fail = (problem: string): never => {
    throw new InputError(INPUT, `${at}: ${problem}`)
  }
  const unknown = Object.keys(entry).filter((k) => !ENTRY_KEYS.includes(k))
  if (unknown.length > 0) fail(`unknown key(s) ${list(unknown)}; allowed: ${list(ENTRY_KEYS)}`)
  if (!name) fail('"name" is required: a non-empty text that names the check')
  if (typeof entry.sql !== 'string' || !entry.sql.trim()) {
    fail('"sql" is required: a non-empty SQL query')
  }
  if (typeof entry.expect !== 'string' || !entry.expect.trim()) {
    fail(`"expect" is required: one of ${EXPECTATION_GRAMMAR}`)
  }
  const expectation = parseExpectation(entry.expect as string)
  if (typeof expectation === 'string')
    fail(`"expect": ${expectation}; allowed: ${EXPECTATION_GRAMMAR}`)
  if (entry.database !== undefined && (typeof entry.database !== 'string' || !entry.database)) {
    fail('"database" must be a database name (text)')
  }
  const timeoutMs = readTimeout(entry.timeout, fail)
  return {
    name,
    sql: (entry.sql as string).trim(),
    expect: (entry.expect as string).trim(),
    timeoutMs,
    ...(typeof entry.database === 'string' && { database: entry.database })
  }
}

function readTimeout(value: unknown, fail: (problem: string) => never): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS
  const allowed = `a duration like "30s" or "5m", from ${formatDuration(MIN_TIMEOUT_MS)} to ${formatDuration(MAX_TIMEOUT_MS)}`
  const ms = typeof value === 'string' ? parseDuration(value) : undefined
  if (ms === undefined) return fail(`"timeout" must be ${allowed} (got ${JSON.stringify(value)})`)
  if (ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) {
    return fail(`"timeout" must be ${allowed} (got ${value as string})`)
  }
  return ms
}

function where(file: string, index: number, name?: string): string {
  return `"${file}" checks[${index}]${name ? ` ("${name}")` : ''}`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return `a ${typeof value}`
}

function list(keys: string[]): string {
  return keys.map((k) => `"${k}"`).join(', ')
}
