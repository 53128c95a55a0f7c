// Records every Keystone and Trove request with the status it got, so tests can
// assert on what the product actually sent (paging, retries, back-off).

import type { Handler } from './http.ts'
import type { State } from './state.ts'

export function withRequestLog(
  state: Pick<State, 'requests'>,
  service: 'keystone' | 'trove',
  next: Handler
): Handler {
  return async (req) => {
    const startMs = Date.now()
    const res = await next(req)
    // The admin API is the test's own channel, not traffic from the product.
    if (!req.path.startsWith('/_admin')) {
      state.requests.push({
        service,
        method: req.method,
        path: req.path,
        query: Object.fromEntries(req.query),
        status: res.status,
        at: new Date().toISOString(),
        startMs,
        endMs: Date.now()
      })
    }
    return res
  }
}
