import { describeError } from '../errors.js'
// The expectation grammar of an assertion: a comparison with a number, or a regular expression,
// applied to the first column of the first row.

import type { Verdict } from './recorder.js'

export type Comparison = '>=' | '>' | '<=' | '<' | '==' | '!='

export type Expectation =
  | { kind: 'compare'; op: Comparison; value: number; text: string }
  | { kind: 'matches'; regex: RegExp; text: string }

export const EXPECTATION_GRAMMAR =
  '">= N", "> N", "<= N", "< N", "== N", "!= N" (N a number) or "matches <regex>"'

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i

/** Parses an expectation; returns an explanation (string) when the text is not one. */
export function parseExpectation(text: string): Expectation | string {
  const trimmed = text.trim()
  const compare = /^(>=|<=|==|!=|>|<)\s*(.*)$/.exec(trimmed)
  if (compare) {
    const [, op, operand] = compare as unknown as [string, Comparison, string]
    if (!NUMBER.test(operand)) return `"${op}" needs a number after it, got "${operand}"`
    return { kind: 'compare', op, value: Number(operand), text: `${op} ${operand}` }
  }
  const matches = /^matches(?:\s+(.*))?$/.exec(trimmed)
  if (matches) {
    const source = matches[1]?.trim() ?? ''
    if (!source) return '"matches" needs a regular expression after it'
    // `/…/i` carries flags; anything else is the pattern itself (`matches ^v[0-9]+$`).
    const literal = /^\/(.*)\/([dgimsuvy]*)$/.exec(source)
    try {
      const regex = literal ? new RegExp(literal[1] as string, literal[2]) : new RegExp(source)
      return { kind: 'matches', regex, text: `matches ${source}` }
    } catch (error) {
      return `"matches" has an invalid regular expression: ${describeError(error)}`
    }
  }
  return `unknown expectation "${trimmed}"`
}

/**
 * Judges a query result. `rows` are arrays in column order; only rows[0][0] counts. Numbers
 * from the drivers come as number, bigint or numeric strings (PostgreSQL bigint/numeric,
 * MariaDB DECIMAL): all compare numerically.
 */
export function evaluate(expectation: Expectation, columns: number, rows: unknown[][]): Verdict {
  if (columns === 0) return { passed: false, detail: 'the statement returned no result set' }
  const first = rows[0]
  if (!first) return { passed: false, detail: `no row returned (expected ${expectation.text})` }
  const value = first[0]
  if (value === null || value === undefined) {
    return { passed: false, detail: `got NULL (expected ${expectation.text})` }
  }
  const shown = show(value)
  if (expectation.kind === 'matches') {
    const passed = expectation.regex.test(asText(value))
    return { passed, detail: `got ${shown}${passed ? ', ' : ', expected '}${expectation.text}` }
  }
  const number = asNumber(value)
  if (number === undefined) {
    return { passed: false, detail: `got ${shown}, not a number (expected ${expectation.text})` }
  }
  const passed = compare(number, expectation.op, expectation.value)
  return { passed, detail: `got ${shown}${passed ? ', ' : ', expected '}${expectation.text}` }
}

function compare(actual: number, op: Comparison, expected: number): boolean {
  switch (op) {
    case '>=':
      return actual >= expected
    case '>':
      return actual > expected
    case '<=':
      return actual <= expected
    case '<':
      return actual < expected
    case '==':
      return actual === expected
    case '!=':
      return actual !== expected
  }
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'bigint') return Number(value)
  // MariaDB has no boolean type (1/0); PostgreSQL's true/false compare the same way.
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim())
  return undefined
}

function asText(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (Buffer.isBuffer(value)) return value.toString('utf8')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** A value for a one-line detail: quoted text, cut short. */
function show(value: unknown): string {
  const text = asText(value)
  const cut = text.length > 80 ? `${text.slice(0, 77)}…` : text
  const quoted =
    (typeof value === 'string' && !NUMBER.test(value.trim())) ||
    value instanceof Date ||
    Buffer.isBuffer(value)
  return quoted ? `"${cut}"` : cut
}
