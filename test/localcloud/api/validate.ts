// Request-body handling the way Trove does it: the body is read only when the
// Content-Type is application/json (a missing type silently drops it, so the
// schema then fails with 400; another type is a 415), then JSON-schema-like checks.

import { contentType, fail, HttpError, webobError, type Req } from './http.ts'

export type Obj = Record<string, unknown>

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function validationError(message: string): HttpError {
  return fail(400, `Validation error: ${message}`)
}

/** Returns body[key] as an object, or throws Trove's 400/415. */
export function resourceBody(req: Req, key: string): Obj {
  const ct = contentType(req)
  let body: unknown
  if (ct === 'application/json') {
    try {
      body = req.body.length ? JSON.parse(req.body.toString('utf8')) : undefined
    } catch {
      // base_wsgi.Resource answers with webob's HTTPBadRequest, not a Trove fault.
      throw new HttpError(
        webobError(400, 'Bad Request', 'Malformed request body<br /><br />\n\n\n')
      )
    }
  } else if (ct !== undefined) {
    // webob's own 415 page, not a Trove fault (base_wsgi.Resource answers it directly).
    throw new HttpError({
      status: 415,
      body: '415 Unsupported Media Type\n\nUnsupported Content-Type\n\n'
    })
  }
  const res = asObj(asObj(body)?.[key])
  if (!res) throw validationError(`'${key}' is a required property`)
  return res
}

export function asObj(v: unknown): Obj | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined
}

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID_RE.test(v)
}

/** Trove's name/description pattern: 1–255 chars with at least one letter or digit. */
export function checkText(v: unknown, field: string): string {
  if (typeof v !== 'string' || v.length < 1 || v.length > 255 || !/[A-Za-z0-9]/.test(v)) {
    throw validationError(`${field} ${JSON.stringify(v)} does not match '^.*[0-9a-zA-Z]+.*$'`)
  }
  return v
}

/**
 * Trove's boolean_string: an integer from 0 to 1 (jsonschema Draft 4: JSON true/false are
 * not integers), with jsonschema's messages, which show the value as Python prints it.
 */
export function checkZeroOne(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw validationError(`${field} ${pythonRepr(v)} is not of type 'integer'`)
  if (v < 0) throw validationError(`${field} ${v} is less than the minimum of 0`)
  if (v > 1) throw validationError(`${field} ${v} is greater than the maximum of 1`)
  return v
}

function pythonRepr(v: unknown): string {
  if (v === true) return 'True'
  if (v === false) return 'False'
  if (v === null) return 'None'
  if (typeof v === 'string') return `'${v}'`
  return JSON.stringify(v)
}

/** volume.size: an integer >= 1 or a string of digits. */
export function checkVolumeSize(v: unknown): number {
  const n = typeof v === 'string' && /^[0-9]+$/.test(v) ? Number(v) : v
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw validationError(`instance['volume']['size'] ${JSON.stringify(v)} is not valid`)
  }
  return n
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/

/**
 * allowed_cidrs: IPv4 only (the schema pattern), unique items; Pukki refuses 0.0.0.0/0 and
 * any prefix wider than /22.
 */
export function checkCidrs(v: unknown): string[] {
  if (!Array.isArray(v))
    throw validationError(`instance['access']['allowed_cidrs'] is not of type 'array'`)
  const seen = new Set<string>()
  for (const c of v) {
    const m = typeof c === 'string' ? IPV4_CIDR.exec(c) : null
    if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5] ?? 32) > 32) {
      throw validationError(`${JSON.stringify(c)} is not a valid IPv4 CIDR`)
    }
    if (seen.has(c as string)) throw validationError(`${JSON.stringify(v)} has non-unique elements`)
    seen.add(c as string)
    const prefix = Number(m[5] ?? 32)
    if (prefix === 0) {
      throw fail(
        400,
        `CIDR ${c} is not allowed: opening the database to the whole internet is refused.`
      )
    }
    if (prefix < 22) {
      throw fail(400, `CIDR ${c} is not allowed: the widest allowed prefix is /22.`)
    }
  }
  return v as string[]
}
