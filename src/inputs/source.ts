import { InputError } from '../errors.js'
import { parseSize } from '../format/bytes.js'
import { parseDuration } from '../format/duration.js'
import { defaultOf, type InputName } from './catalog.js'
import type { Spelling } from './spelling.js'

/**
 * Where input values come from: the action's `INPUT_*` variables (host/action/runner.ts), or the
 * CLI's flags. `env` is the process environment, for the standard `OS_*` fallbacks.
 */
export interface InputSource {
  /** The raw value, trimmed; '' when unset. */
  get(name: InputName): string
  env: NodeJS.ProcessEnv
  /** Called with every secret before anything could log it: masks it everywhere it may appear. */
  mask(secret: string): void
  /** How this host spells a setting in a hint (the same as the CommandContext's). */
  spell: Spelling
}

/**
 * The value, else action.yml's default. The runner fills in defaults for the action; the CLI
 * and tests get the same ones from the catalogue, so a default is written once, in action.yml.
 */
export function valueOrDefault(source: InputSource, name: InputName): string {
  return source.get(name) || defaultOf(name)
}

/** The input, else the first non-empty environment variable of `envNames`. */
export function inputOrEnv(source: InputSource, name: InputName, ...envNames: string[]): string {
  const value = source.get(name)
  if (value !== '') return value
  for (const envName of envNames) {
    const fromEnv = source.env[envName]?.trim()
    if (fromEnv) return fromEnv
  }
  return ''
}

/** `fallback` only where action.yml can have no default (it depends on another input). */
export function readBoolean(source: InputSource, name: InputName, fallback?: boolean): boolean {
  const value = valueOrDefault(source, name).toLowerCase()
  if (value === '' && fallback !== undefined) return fallback
  if (['true', 'yes', '1', 'on'].includes(value)) return true
  if (['false', 'no', '0', 'off'].includes(value)) return false
  throw new InputError(name, `"${source.get(name)}" is not a boolean; use true or false`)
}

export function readDuration(
  source: InputSource,
  name: InputName,
  /** Every duration has an upper bound: a huge one would turn a check or a timeout off. */
  limits: { minMs?: number; maxMs: number }
): number {
  const text = valueOrDefault(source, name)
  const ms = parseDuration(text)
  if (ms === undefined) {
    throw new InputError(
      name,
      `"${text}" is not a duration; use a number with a unit (ms, s, m, h, d), each unit once, like 90s, 45m, 2h, 1h30m or 7d`
    )
  }
  const min = limits.minMs ?? 1
  if (ms < min) throw new InputError(name, `"${text}" is too short; the minimum is ${min / 1000}s`)
  if (ms > limits.maxMs) {
    throw new InputError(name, `"${text}" is too long; the maximum is ${limits.maxMs / 3_600_000}h`)
  }
  return ms
}

export function readChoice<T extends string>(
  source: InputSource,
  name: InputName,
  allowed: readonly T[]
): T {
  const value = valueOrDefault(source, name).toLowerCase()
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(
    name,
    `"${source.get(name)}" is not allowed; use one of: ${allowed.join(', ')}`
  )
}

/** A whole number within bounds; `fallback` where action.yml has no default for it. */
export function readInteger(
  source: InputSource,
  name: InputName,
  bounds: { min: number; max: number; fallback?: number }
): number {
  const text = valueOrDefault(source, name)
  if (text === '' && bounds.fallback !== undefined) return bounds.fallback
  // Plain decimal digits only: Number() would also take 1e3, 0x10 and 4.0.
  const value = /^\d{1,15}$/.test(text) ? Number(text) : NaN
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new InputError(
      name,
      `"${text}" is not a whole number from ${bounds.min} to ${bounds.max}`
    )
  }
  return value
}

/** A size like `16MiB` within bounds; undefined when neither given nor defaulted. */
export function readSize(
  source: InputSource,
  name: InputName,
  bounds: { min: number; max: number }
): number | undefined {
  const text = valueOrDefault(source, name)
  if (text === '') return undefined
  const bytes = parseSize(text)
  if (bytes === undefined) {
    throw new InputError(name, `"${text}" is not a size; use e.g. 16MiB, 64MB or 1GiB`)
  }
  if (bytes < bounds.min || bytes > bounds.max) {
    throw new InputError(name, `"${text}" is out of range (${bounds.min} … ${bounds.max} bytes)`)
  }
  return bytes
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** A name or description is one line of text: a newline or other control character is refused. */
export function checkOneLine(input: InputName, value: string): void {
  if (CONTROL_CHARACTERS.test(value)) {
    throw new InputError(
      input,
      'holds a control character (a newline, tab or escape); names and descriptions are one line of plain text'
    )
  }
}

/** Entries separated by commas or white space. */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

/**
 * An https URL without credentials in it; plain http only with `allow-insecure-http: true`
 * (test clouds), since it would carry credentials, tokens or addresses unencrypted.
 */
export function checkHttpsUrl(
  source: InputSource,
  input: InputName,
  value: string,
  insecure = readBoolean(source, 'allow-insecure-http')
): void {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(input, `"${value}" is not a URL`)
  }
  if (url.username || url.password) {
    throw new InputError(input, 'must not carry credentials in the URL')
  }
  if (url.protocol === 'https:') return
  if (url.protocol === 'http:') {
    if (insecure) return
    throw new InputError(
      input,
      `"${value}" is plain http, which would travel unencrypted; use https, or set ${source.spell.setting('allow-insecure-http', 'true')} for a test cloud`
    )
  }
  throw new InputError(input, `"${value}" must be an https URL`)
}
