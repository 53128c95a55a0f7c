import type { FetchFn } from '../github/index.js'

export interface SendDeps {
  fetch: FetchFn
  sleep: (ms: number) => Promise<void>
}

/** Retries a server's 429 or 5xx answer and a network failure, never a 4xx: it will not heal. */
export interface SendResult {
  ok: boolean
  attempts: number
  /** The last answer's status, or the network failure in words. */
  last: string
}

const ATTEMPTS = 3
const TIMEOUT_MS = 10_000
const MAX_RETRY_AFTER_MS = 30_000

/**
 * One notification request with bounded retries: up to 3 attempts, 1 s then 2 s apart (or the
 * server's Retry-After, at most 30 s), each attempt cut off after 10 s. A monitor or chat that
 * is down must not hold the job for long.
 */
export async function send(
  deps: SendDeps,
  url: string,
  init: { method: 'GET' | 'POST'; body?: string }
): Promise<SendResult> {
  let last = ''
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let retryAfterMs: number | undefined
    try {
      const response = await deps.fetch(url, {
        method: init.method,
        headers: {
          'user-agent': 'dbaas-backup-action',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {})
        },
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS)
      })
      await response.arrayBuffer().catch(() => undefined)
      if (response.ok) return { ok: true, attempts: attempt, last: String(response.status) }
      last = `HTTP ${response.status}`
      if (response.status !== 429 && response.status < 500) {
        return { ok: false, attempts: attempt, last }
      }
      const header = response.headers.get('retry-after')
      if (header && /^\d+$/.test(header.trim())) {
        retryAfterMs = Math.min(Number(header) * 1000, MAX_RETRY_AFTER_MS)
      }
    } catch (error) {
      // The URL is a secret: name the failure's kind, never the request.
      last = error instanceof Error ? error.name : 'network failure'
    }
    if (attempt < ATTEMPTS) await deps.sleep(retryAfterMs ?? 1000 * 2 ** (attempt - 1))
  }
  return { ok: false, attempts: ATTEMPTS, last }
}
