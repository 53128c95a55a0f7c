// Trove's two pagination styles, quirks included (docs/trove-api.md §2.4):
// backups use a numeric OFFSET marker, instances the id of the last item.
// Both put a "next" link on every full page (even when nothing is left) and
// leave the `links` key out entirely on a short page.

import { fail, type Req } from './http.ts'
import { link } from './views.ts'

/** A non-numeric limit or marker is an unhandled int() error upstream: 500. */
function intParam(req: Req, name: string): number | undefined {
  const raw = req.query.get(name)
  if (raw === null || raw === '') return undefined
  if (!/^-?\d+$/.test(raw)) {
    throw fail(
      500,
      `The server has either erred or is incapable of performing the requested operation.`
    )
  }
  return Number(raw)
}

// trove/common/pagination.py: the request's own query with the marker changed (no limit
// unless the request sent one).
function nextHref(req: Req, marker: string): { rel: string; href: string } {
  const q = new URLSearchParams(req.query)
  q.set('marker', marker)
  return link(req, 'next', `${req.path}?${q.toString()}`)
}

/** Backups: `items` already sorted (updated DESC); marker = offset; default limit 20, no cap. */
export function offsetPage<T>(req: Req, items: T[], key: string, mapItem: (t: T) => unknown) {
  const limit = intParam(req, 'limit') ?? 20
  const offset = intParam(req, 'marker') ?? 0
  const page = items.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit))
  const body: Record<string, unknown> = { [key]: page.map(mapItem) }
  if (page.length === limit && limit > 0) body.links = [nextHref(req, String(offset + limit))]
  return body
}

/**
 * Instances: id order, marker = last id of the previous page, limit capped at 20; within a page
 * the view re-sorts by created DESC (the marker is still the last id in id order).
 */
export function idPage<T extends { id: string; created: Date }>(
  req: Req,
  items: T[],
  key: string,
  mapItem: (t: T) => unknown
) {
  const limit = Math.min(intParam(req, 'limit') ?? 20, 20)
  const marker = req.query.get('marker')
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const rest = marker ? sorted.filter((i) => i.id > marker) : sorted
  const page = rest.slice(0, Math.max(0, limit))
  const last = page[page.length - 1]
  const shown = [...page].sort((a, b) => b.created.getTime() - a.created.getTime())
  const body: Record<string, unknown> = { [key]: shown.map(mapItem) }
  if (last && page.length === limit) body.links = [nextHref(req, last.id)]
  return body
}
