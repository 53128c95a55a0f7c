import { OpenStackHttpError, OpenStackNetworkError, parseFaultBody } from './errors.js'
import { type Logger, silentLogger } from './logger.js'
import {
  defaultRetryPolicy,
  isRetryable,
  type Outcome,
  parseRetryAfter,
  retryDelayMs,
  type RetryPolicy
} from './retry.js'
import { formatElapsed } from './time.js'
import { createTransport, type Transport, type TransportResponse } from './transport.js'

export interface HttpOptions {
  /** Per attempt. */
  timeoutMs: number
  retry: RetryPolicy
  sleep: (ms: number) => Promise<void>
  random: () => number
  now: () => number
  logger: Logger
  userAgent: string
  transport: Transport
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD'
  url: string
  headers?: Record<string, string>
  body?: unknown
  /** Status codes that count as success; anything else is an OpenStackHttpError. */
  expected: number[]
  /** Defaults to true for every method but POST. */
  idempotent?: boolean
  /** Prefix for error messages, e.g. "Trove: create backup of db-1". */
  context: string
}

export interface HttpResponse {
  status: number
  headers: TransportResponse['headers']
  /** Parsed JSON body, or undefined for an empty body. */
  body: unknown
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

export function defaultHttpOptions(env: NodeJS.ProcessEnv = process.env): HttpOptions {
  return {
    timeoutMs: 30_000,
    retry: defaultRetryPolicy,
    sleep: defaultSleep,
    random: Math.random,
    now: Date.now,
    logger: silentLogger,
    userAgent: 'dbaas-backup-action',
    transport: createTransport(env)
  }
}

/** Sends JSON requests with a timeout per attempt and the retry rules of retry.ts. */
export class HttpClient {
  readonly options: HttpOptions

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...defaultHttpOptions(), ...options }
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const { retry, logger } = this.options
    const idempotent = request.idempotent ?? request.method !== 'POST'
    for (let attempt = 1; ; attempt++) {
      let outcome: Outcome
      let failure: Error
      try {
        const response = await this.attempt(request)
        if (request.expected.includes(response.status)) {
          return {
            status: response.status,
            headers: response.headers,
            body: await readJson(response, request)
          }
        }
        const text = await response.text().catch(() => '')
        const fault = parseFaultBody(text)
        const retryAfterSeconds =
          parseRetryAfter(response.headers.get('retry-after'), this.options.now()) ??
          fault.retryAfterSeconds
        failure = new OpenStackHttpError({
          method: request.method,
          url: request.url,
          status: response.status,
          apiMessage: fault.message,
          context: request.context,
          ...(fault.fault !== undefined && { fault: fault.fault }),
          ...(response.headers.get('x-openstack-request-id') && {
            requestId: response.headers.get('x-openstack-request-id') as string
          }),
          ...(retryAfterSeconds !== undefined && { retryAfterSeconds })
        })
        outcome = {
          kind: 'status',
          status: response.status,
          ...(retryAfterSeconds !== undefined && { retryAfterSeconds })
        }
      } catch (error) {
        if (error instanceof OpenStackHttpError) throw error
        failure = new OpenStackNetworkError(request.method, request.url, error, request.context)
        outcome = { kind: 'network' }
      }

      if (!isRetryable(outcome, idempotent) || attempt >= retry.maxAttempts) throw failure
      const delay = retryDelayMs(attempt, outcome, retry, this.options.random)
      if (delay > retry.maxRetryAfterMs) throw failure
      logger.info(
        `${failure.message} — retrying in ${formatElapsed(delay)} (attempt ${attempt + 1} of ${retry.maxAttempts})`
      )
      await this.options.sleep(delay)
    }
  }

  private async attempt(request: HttpRequest): Promise<TransportResponse> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
      ...request.headers
    }
    const body = request.body === undefined ? undefined : JSON.stringify(request.body)
    // Trove ignores a body sent without this header and then fails validation (docs/trove-api.md §2.1).
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return this.options.transport(request.url, {
      method: request.method,
      headers,
      ...(body !== undefined && { body }),
      signal: AbortSignal.timeout(this.options.timeoutMs)
    })
  }
}

async function readJson(response: TransportResponse, request: HttpRequest): Promise<unknown> {
  const text = await response.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new OpenStackHttpError({
      method: request.method,
      url: request.url,
      status: response.status,
      apiMessage: `expected a JSON body, got: ${text.slice(0, 200)}`,
      context: request.context
    })
  }
}
