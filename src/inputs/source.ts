import { parseDuration } from '../format/duration.js'
import { InputError } from '../errors.js'

/**
 * Where input values come from: the action's `INPUT_*` variables through @actions/core, or the
 * CLI's flags. `env` is the process environment, for the standard `OS_*` fallbacks.
 */
export interface InputSource {
  /** The raw value, trimmed; '' when unset. */
  get(name: string): string
  env: NodeJS.ProcessEnv
  /** Called with every secret before anything could log it. */
  mask(secret: string): void
}

/** The input, else the first non-empty environment variable of `envNames`. */
export function inputOrEnv(source: InputSource, name: string, ...envNames: string[]): string {
  const value = source.get(name)
  if (value !== '') return value
  for (const envName of envNames) {
    const fromEnv = source.env[envName]?.trim()
    if (fromEnv) return fromEnv
  }
  return ''
}

export function readBoolean(source: InputSource, name: string, fallback: boolean): boolean {
  const value = source.get(name).toLowerCase()
  if (value === '') return fallback
  if (['true', 'yes', '1', 'on'].includes(value)) return true
  if (['false', 'no', '0', 'off'].includes(value)) return false
  throw new InputError(name, `"${source.get(name)}" is not a boolean; use true or false`)
}

export function readDuration(
  source: InputSource,
  name: string,
  fallback: string,
  limits: { minMs?: number; maxMs?: number } = {}
): number {
  const text = source.get(name) || fallback
  const ms = parseDuration(text)
  if (ms === undefined) {
    throw new InputError(
      name,
      `"${text}" is not a duration; use a number with a unit (ms, s, m, h, d), like 90s, 45m, 2h or 7d`
    )
  }
  const min = limits.minMs ?? 1
  if (ms < min) throw new InputError(name, `"${text}" is too short; the minimum is ${min / 1000}s`)
  if (limits.maxMs !== undefined && ms > limits.maxMs) {
    throw new InputError(name, `"${text}" is too long; the maximum is ${limits.maxMs / 3_600_000}h`)
  }
  return ms
}

export function readChoice<T extends string>(
  source: InputSource,
  name: string,
  allowed: readonly T[],
  fallback: T
): T {
  const value = (source.get(name) || fallback).toLowerCase()
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(
    name,
    `"${source.get(name)}" is not allowed; use one of: ${allowed.join(', ')}`
  )
}
