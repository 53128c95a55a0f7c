import { describeNetworkCause } from './network-cause.js'
import { scrubSecrets } from './secrets.js'

/**
 * One typed error for every failed HTTP exchange with Keystone or Trove. It carries what a
 * user or a support desk needs: the call, the status, the API's own message and the request id.
 */
export class OpenStackHttpError extends Error {
  readonly method: string
  readonly url: string
  readonly status: number
  /** The fault's name from the body, e.g. `overLimit`, `badRequest`, `itemNotFound`. */
  readonly fault: string | undefined
  /** The API's own message, from the body. */
  readonly apiMessage: string
  readonly requestId: string | undefined
  /** Seconds to wait, from a `Retry-After` header or Trove's `retryAfter` field. */
  readonly retryAfterSeconds: number | undefined

  constructor(init: {
    method: string
    url: string
    status: number
    fault?: string
    apiMessage: string
    requestId?: string
    retryAfterSeconds?: number
    context?: string
  }) {
    // The API's message is the server's text: it may echo a secret we sent.
    const apiMessage = scrubSecrets(init.apiMessage)
    const where = `${init.method} ${redactUrl(init.url)}`
    const id = init.requestId ? ` (request id ${init.requestId})` : ''
    const fault = init.fault ? ` ${init.fault}` : ''
    const prefix = init.context ? `${init.context}: ` : ''
    super(`${prefix}${where} answered ${init.status}${fault}: ${apiMessage}${id}`)
    this.name = 'OpenStackHttpError'
    this.method = init.method
    this.url = init.url
    this.status = init.status
    this.fault = init.fault
    this.apiMessage = apiMessage
    this.requestId = init.requestId
    this.retryAfterSeconds = init.retryAfterSeconds
  }
}

/** True when `error` is an HTTP answer with one of `statuses` (e.g. 404 for "absent"). */
export function isStatus(error: unknown, ...statuses: number[]): error is OpenStackHttpError {
  return error instanceof OpenStackHttpError && statuses.includes(error.status)
}

/**
 * The request never got an answer: connection refused or reset, DNS, TLS, or our timeout; the
 * message says which, with host and port (network-cause.ts).
 */
export class OpenStackNetworkError extends Error {
  readonly method: string
  readonly url: string
  constructor(method: string, url: string, cause: unknown, context?: string) {
    const prefix = context ? `${context}: ` : ''
    super(
      `${prefix}${method} ${redactUrl(url)} failed: ${scrubSecrets(describeNetworkCause(cause, url))}`,
      {
        cause
      }
    )
    this.name = 'OpenStackNetworkError'
    this.method = method
    this.url = url
  }
}

/** The API answered 2xx but not with the shape we rely on. Better now than `undefined` later. */
export class OpenStackResponseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OpenStackResponseError'
  }
}

/**
 * The catalog names a plain-http endpoint while the identity service was reached over https:
 * the token would travel in clear. Raised before anything is sent there.
 */
export class InsecureEndpointError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InsecureEndpointError'
  }
}

/** A wait ended without reaching the wanted status: a terminal failure status or the deadline. */
export class WaitError extends Error {
  readonly reason: 'failed' | 'timeout'
  readonly lastStatus: string | undefined
  constructor(message: string, reason: 'failed' | 'timeout', lastStatus?: string) {
    super(message)
    this.name = 'WaitError'
    this.reason = reason
    this.lastStatus = lastStatus
  }
}

export interface ParsedFault {
  fault?: string
  message: string
  retryAfterSeconds?: number
}

/**
 * Trove faults are `{"<faultName>": {"code", "message"}}`; keystonemiddleware and Keystone answer
 * `{"error": {"code", "title", "message"}}`; webob's own errors, which trove-api sends for a
 * project the token may not use (403) and a body it cannot parse (400), are
 * `{"message", "code", "title"}` with HTML line breaks in the message (docs/trove-api.md
 * §2.2); proxies may answer plain text or HTML. Try each shape in turn and never fail while
 * reading an error.
 */
export function parseFaultBody(text: string): ParsedFault {
  // Scrub before any shortening, so a cut cannot leave half a secret behind.
  const trimmed = scrubSecrets(text.trim())
  if (trimmed === '') return { message: '(empty body)' }
  let body: unknown
  try {
    body = JSON.parse(trimmed)
  } catch {
    return { message: shorten(stripHtml(trimmed)) }
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const keys = Object.keys(body)
    if (keys.length === 1) {
      const fault = keys[0] as string
      const inner = (body as Record<string, unknown>)[fault]
      if (inner && typeof inner === 'object') {
        const record = inner as Record<string, unknown>
        const message = typeof record.message === 'string' ? record.message : JSON.stringify(inner)
        const retry = Number(record.retryAfter)
        const parsed: ParsedFault = { fault, message: shorten(message) }
        if (Number.isFinite(retry) && record.retryAfter !== undefined)
          parsed.retryAfterSeconds = retry
        return parsed
      }
    }
    const flat = body as Record<string, unknown>
    if (typeof flat.message === 'string' && typeof flat.title === 'string')
      return { fault: flat.title, message: shorten(stripHtml(flat.message)) }
  }
  return { message: shorten(trimmed) }
}

function stripHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function shorten(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text
}

/** URLs never carry secrets in this API, but strip any query string and userinfo to be safe. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    return url
  }
}

/**
 * A create whose answer was lost or was a server error may still have happened: look for what
 * it would have made before deciding anything, and never send it again blindly.
 */
export function outcomeUnknown(error: unknown): boolean {
  return (
    error instanceof OpenStackNetworkError ||
    (error instanceof OpenStackHttpError && error.status >= 500)
  )
}
