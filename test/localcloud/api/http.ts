// Tiny HTTP layer shared by the Keystone, Trove and admin listeners: a request
// shape with the body already read, a response value, a path router and the JSON
// helpers. Handlers return values instead of writing to the socket, so the
// request log and the fault injector can see and replace every answer.

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Req {
  method: string
  /** path without the query string, e.g. /v1.0/<project>/backups */
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  /** raw body bytes (empty when none was sent) */
  body: Buffer
  /** Host header as the client sent it, for Trove's (https-forced) links */
  host: string
}

export interface Res {
  status: number
  headers?: Record<string, string>
  /** objects are sent as JSON; strings as text/plain; Buffers as they are; undefined sends no body */
  body?: unknown
  /** cut the connection instead of answering (an injected connection reset) */
  dropConnection?: boolean
}

export type Handler = (req: Req) => Promise<Res> | Res
export type Params = Record<string, string>
export type RouteHandler = (req: Req, params: Params) => Promise<Res> | Res

export function json(status: number, body: unknown, headers?: Record<string, string>): Res {
  return { status, body, headers }
}

export function empty(status: number): Res {
  return { status }
}

/** Trove's fault shape: one top-level key named after the fault. */
export function fault(
  status: number,
  name: string,
  message: string,
  extra: Record<string, unknown> = {}
): Res {
  return json(status, { [name]: { code: status, message, ...extra } })
}

/**
 * webob's own error body, as trove-api's middleware sends it to a client that accepts JSON
 * (docs/trove-api.md §2.2): `message` keeps webob's HTML line breaks.
 */
export function webobError(status: number, title: string, message: string): Res {
  return json(status, { message, code: `${status} ${title}`, title })
}

/** Trove's own fault names by status (trove/common/wsgi.py Fault). */
export const FAULT_NAMES: Record<number, string> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflict',
  413: 'overLimit',
  415: 'badMediaType',
  422: 'unprocessableEntity',
  429: 'overLimit',
  500: 'instanceFault',
  501: 'notImplemented',
  503: 'serviceUnavailable'
}

export function faultFor(status: number, message: string): Res {
  return fault(status, FAULT_NAMES[status] ?? 'computeFault', message)
}

interface Route {
  method: string
  parts: string[]
  handler: RouteHandler
}

/** Matches `/instances/:id/backups`-style patterns segment by segment. */
export class Router {
  private routes: Route[] = []

  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, parts: pattern.split('/').filter(Boolean), handler })
    return this
  }

  /** undefined when no route has this path; 'method' when the path exists for other verbs */
  match(
    method: string,
    path: string
  ): { handler: RouteHandler; params: Params } | 'method' | undefined {
    const segs = path.split('/').filter(Boolean)
    let pathKnown = false
    for (const r of this.routes) {
      const params = matchParts(r.parts, segs)
      if (!params) continue
      if (r.method === method) return { handler: r.handler, params }
      pathKnown = true
    }
    return pathKnown ? 'method' : undefined
  }
}

function matchParts(parts: string[], segs: string[]): Params | undefined {
  if (parts.length !== segs.length) return undefined
  const params: Params = {}
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string
    const s = decodeURIComponent(segs[i] as string)
    if (p.startsWith(':')) params[p.slice(1)] = s
    else if (p !== s) return undefined
  }
  return params
}

/** Parses a JSON body, the way Trove does only when Content-Type says JSON. */
export function jsonBody(req: Req): unknown {
  if (req.body.length === 0) return undefined
  return JSON.parse(req.body.toString('utf8'))
}

export function contentType(req: Req): string | undefined {
  const ct = req.headers['content-type']
  return ct ? ct.split(';')[0]?.trim().toLowerCase() : undefined
}

/** Starts a listener on 127.0.0.1 (ephemeral port unless given) that hands every request to `handler`. */
export async function listen(
  handler: Handler,
  port = 0
): Promise<{ server: http.Server; port: number; close(): Promise<void> }> {
  const server = http.createServer((inc, out) => {
    const chunks: Buffer[] = []
    inc.on('data', (c: Buffer) => chunks.push(c))
    inc.on('end', () => {
      const url = new URL(inc.url ?? '/', 'http://x')
      const req: Req = {
        method: inc.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: inc.headers,
        body: Buffer.concat(chunks),
        host: inc.headers.host ?? '127.0.0.1'
      }
      Promise.resolve()
        .then(() => handler(req))
        .catch((err: unknown) => {
          // An unexpected error is Trove's 500 instanceFault, with the cause logged.
          process.stderr.write(`localcloud: ${req.method} ${req.path} failed: ${String(err)}\n`)
          return faultFor(
            500,
            'The server has either erred or is incapable of performing the requested operation.'
          )
        })
        .then((res) => write(out, res))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  return {
    server,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function write(out: http.ServerResponse, res: Res): void {
  if (res.dropConnection) {
    out.socket?.destroy()
    return
  }
  const headers: Record<string, string> = { ...(res.headers ?? {}) }
  let payload: string | Buffer | undefined
  if (Buffer.isBuffer(res.body)) {
    payload = res.body
  } else if (typeof res.body === 'string') {
    payload = res.body
    headers['Content-Type'] ??= 'text/plain; charset=UTF-8'
  } else if (res.body !== undefined) {
    payload = JSON.stringify(res.body)
    headers['Content-Type'] ??= 'application/json'
  }
  headers['Content-Length'] = String(payload ? Buffer.byteLength(payload) : 0)
  out.writeHead(res.status, headers)
  out.end(payload)
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'))
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(t)
      reject(new Error('aborted'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Thrown by route code to answer with `res` (caught by the listener's dispatcher). */
export class HttpError extends Error {
  res: Res
  constructor(res: Res) {
    super(`HTTP ${res.status}`)
    this.res = res
  }
}

/** An HttpError carrying Trove's fault body for `status`. */
export function fail(status: number, message: string): HttpError {
  return new HttpError(faultFor(status, message))
}
