import { OpenStackResponseError } from './errors.js'
import { parseOpenStackTime } from './time.js'

/**
 * Small readers for API responses: each checks the one field we use and names it in the error,
 * so an unexpected shape fails here with a clear message rather than as `undefined` later.
 */
export type Json = Record<string, unknown>

export class Reader {
  readonly where: string
  readonly data: Json

  constructor(value: unknown, where: string) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new OpenStackResponseError(`${where}: expected an object, got ${describe(value)}`)
    }
    this.data = value as Json
    this.where = where
  }

  static at(body: unknown, key: string, context: string): Reader {
    return new Reader(new Reader(body, context).data[key], `${context}: field '${key}'`)
  }

  string(key: string): string {
    const value = this.data[key]
    if (typeof value !== 'string') throw this.wrong(key, 'a string', value)
    return value
  }

  optionalString(key: string): string | undefined {
    return this.optional(key, 'a string', (v): v is string => typeof v === 'string')
  }

  optionalNumber(key: string): number | undefined {
    const value = this.data[key]
    if (value === undefined || value === null) return undefined
    const number = typeof value === 'string' ? Number(value) : value
    if (typeof number !== 'number' || !Number.isFinite(number))
      throw this.wrong(key, 'a number', value)
    return number
  }

  number(key: string): number {
    const value = this.optionalNumber(key)
    if (value === undefined) throw this.wrong(key, 'a number', this.data[key])
    return value
  }

  optionalBoolean(key: string): boolean | undefined {
    return this.optional(key, 'a boolean', (v): v is boolean => typeof v === 'boolean')
  }

  /** Absent and null are the same to Trove's views; anything else must pass `is`. */
  private optional<T>(
    key: string,
    what: string,
    is: (value: unknown) => value is T
  ): T | undefined {
    const value = this.data[key]
    if (value === undefined || value === null) return undefined
    if (!is(value)) throw this.wrong(key, what, value)
    return value
  }

  /** A Trove time stamp (no time zone: UTC). */
  time(key: string): Date {
    const value = this.string(key)
    const date = parseOpenStackTime(value)
    if (!date) throw this.wrong(key, 'an ISO-8601 date-time', value)
    return date
  }

  optionalTime(key: string): Date | undefined {
    return this.optionalString(key) === undefined ? undefined : this.time(key)
  }

  child(key: string): Reader {
    return new Reader(this.data[key], `${this.where}.${key}`)
  }

  optionalChild(key: string): Reader | undefined {
    const value = this.data[key]
    return value === undefined || value === null ? undefined : this.child(key)
  }

  array(key: string): unknown[] {
    const value = this.data[key]
    if (!Array.isArray(value)) throw this.wrong(key, 'an array', value)
    return value
  }

  optionalArray(key: string): unknown[] | undefined {
    const value = this.data[key]
    return value === undefined || value === null ? undefined : this.array(key)
  }

  private wrong(key: string, expected: string, value: unknown): OpenStackResponseError {
    return new OpenStackResponseError(
      `${this.where}: field '${key}' should be ${expected}, got ${describe(value)}`
    )
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `"${value.slice(0, 60)}"`
  return typeof value === 'object' ? 'an object' : String(value)
}
