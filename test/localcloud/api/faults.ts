// Injected faults (admin API) and Trove's rate limiter. Faults sit in front of
// Keystone and Trove alike, so a test can make any call fail or slow down.

import { faultFor, json, sleep, type Handler, type Res } from './http.ts'
import type { FaultRule, State } from './state.ts'

/** Applies the first matching fault rule with count left, then hands over to `next`. */
export function withFaults(state: Pick<State, 'faults'>, next: Handler): Handler {
  return async (req) => {
    if (req.path.startsWith('/_admin')) return next(req)
    const rule = state.faults.find(
      (f) =>
        f.count > 0 &&
        (f.method === undefined || f.method.toUpperCase() === req.method) &&
        f.pathPattern.test(req.path)
    )
    if (!rule) return next(req)
    rule.count--
    if (rule.latencyMs) await sleep(rule.latencyMs)
    if (rule.dropConnection) return { status: 0, dropConnection: true }
    if (rule.status === undefined) return next(req)
    return faultResponse(rule)
  }
}

function faultResponse(rule: FaultRule): Res {
  const status = rule.status as number
  const headers: Record<string, string> = {}
  if (rule.retryAfter !== undefined) headers['Retry-After'] = String(rule.retryAfter)
  if (rule.body !== undefined) return { status, headers, body: rule.body }
  if (status === 401) return json(401, unauthorizedBody(), headers)
  const res = faultFor(status, `Injected fault (${status}).`)
  if (rule.retryAfter !== undefined && status === 413) {
    // A rate-limit-like 413 carries retryAfter in the body as well.
    const body = res.body as Record<string, Record<string, unknown>>
    for (const v of Object.values(body)) v.retryAfter = String(rule.retryAfter)
  }
  return { ...res, headers }
}

/** keystonemiddleware's 401 body (a different shape from Trove's faults). */
export function unauthorizedBody(
  message = 'The request you have made requires authentication.'
): unknown {
  return { error: { code: 401, title: 'Unauthorized', message } }
}

/**
 * Trove's ratelimit middleware: N requests per minute per verb and project, then 413 overLimit
 * with a Retry-After header and a retryAfter field (quota 413s have neither).
 */
export function rateLimited(state: State, verb: string, projectId: string): Res | undefined {
  const limit = state.config.rateLimitPerMinute
  if (!limit) return undefined
  const key = `${verb} ${projectId}`
  const now = Date.now()
  let w = state.rate.get(key)
  if (!w || now - w.start >= 60_000) {
    w = { start: now, count: 0 }
    state.rate.set(key, w)
  }
  if (w.count < limit) {
    w.count++
    return undefined
  }
  const retryAfter = String(Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000)))
  return json(
    413,
    {
      overLimit: {
        code: 413,
        message: 'This request was rate-limited.',
        details: `Only ${limit} ${verb} request(s) can be made to * every minute.`,
        retryAfter
      }
    },
    { 'Retry-After': retryAfter }
  )
}

/** Remaining requests in the current window, for GET /limits. */
export function rateRemaining(state: State, verb: string, projectId: string): number {
  const limit = state.config.rateLimitPerMinute || 200
  const w = state.rate.get(`${verb} ${projectId}`)
  if (!w || Date.now() - w.start >= 60_000) return limit
  return Math.max(0, limit - w.count)
}
