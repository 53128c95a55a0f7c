/**
 * When to try a request again, and how long to wait first. Pure functions, so the rules are
 * tested with tables and no test ever sleeps.
 */

export interface RetryPolicy {
  /** Total attempts, first one included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** A server asking us to wait longer than this is treated as a final answer. */
  maxRetryAfterMs: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 5 * 60_000
}

export type Outcome =
  { kind: 'status'; status: number; retryAfterSeconds?: number } | { kind: 'network' }

/**
 * Rate-limit answers (429, or Trove's 413 overLimit that carries Retry-After) mean the server
 * refused the request before acting on it, so any request may be sent again.
 * Server errors and lost connections leave it unknown whether the request took effect: only
 * idempotent requests are retried then. A create (POST) is never retried blindly, because a
 * second create could make a second backup or instance. A quota 413 (no Retry-After) is final.
 */
export function isRetryable(outcome: Outcome, idempotent: boolean): boolean {
  if (outcome.kind === 'network') return idempotent
  if (isRateLimited(outcome)) return true
  return idempotent && [500, 502, 503, 504].includes(outcome.status)
}

export function isRateLimited(outcome: Outcome): boolean {
  if (outcome.kind !== 'status') return false
  if (outcome.status === 429) return true
  return outcome.status === 413 && outcome.retryAfterSeconds !== undefined
}

/**
 * Delay before attempt number `attempt + 1` (attempt counts from 1). A server's Retry-After is
 * honoured as given; otherwise exponential backoff with "equal jitter" (half fixed, half random),
 * so many runners hitting one API do not retry in lockstep.
 */
export function retryDelayMs(
  attempt: number,
  outcome: Outcome,
  policy: RetryPolicy,
  random: () => number
): number {
  if (outcome.kind === 'status' && outcome.retryAfterSeconds !== undefined) {
    return Math.max(0, outcome.retryAfterSeconds * 1000)
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(exponential / 2 + (random() * exponential) / 2)
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - now) / 1000))
}
