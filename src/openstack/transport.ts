import http from 'node:http'
import { createFetch, proxyFromEnv } from './proxy.js'

/**
 * How one request of the wire client reaches the network: the part of fetch that HttpClient
 * uses, so Node's own fetch (and undici's behind a proxy) fits it as it is.
 */
export interface TransportRequest {
  method: string
  headers: Record<string, string>
  body?: string
  /** Ends the request, whatever stage it is at; the promise rejects with the signal's reason. */
  signal: AbortSignal
}

export interface TransportResponse {
  status: number
  headers: { get(name: string): string | null }
  text(): Promise<string>
}

export type Transport = (url: string, request: TransportRequest) => Promise<TransportResponse>

/**
 * node:http(s) straight, unless a proxy is configured (then the proxy-aware fetch of proxy.ts).
 * Node's fetch costs a run its module load (~25 ms) and a web stream per body; a report of 5 000
 * backups spends more time in that plumbing than in the cloud's answers.
 */
export function createTransport(env: NodeJS.ProcessEnv): Transport {
  const proxy = proxyFromEnv(env)
  if (proxy.httpProxy || proxy.httpsProxy) return createFetch(env)
  return nodeTransport
}

/**
 * One request on Node's default agents (keep-alive since Node 19: a walk's pages share their
 * connections). Resolves once the whole body is in; the socket's own errors (with `code`) are
 * what network-cause.ts explains.
 */
export function nodeTransport(url: string, request: TransportRequest): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const { signal } = request
    if (signal.aborted) return reject(signal.reason)
    const target = new URL(url)
    // node:https (and TLS with it) and node:zlib load when first needed: a run against an
    // http: endpoint, or one whose answers are not compressed, does not pay their start-up.
    const client =
      target.protocol === 'https:'
        ? process.getBuiltinModule('node:https')
        : target.protocol === 'http:'
          ? http
          : undefined
    if (!client) return reject(new TypeError(`${target.protocol} is not http: or https:`))

    // The first of answer, error and abort decides; the rest find it settled.
    let settled = false
    const settle = (): boolean => {
      if (settled) return false
      settled = true
      signal.removeEventListener('abort', onAbort)
      return true
    }
    const fail = (error: unknown): void => {
      if (!settle()) return
      req.destroy()
      reject(error)
    }
    const onAbort = (): void => fail(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })

    const headers: Record<string, string> = {
      'Accept-Encoding': 'gzip, deflate, br',
      ...request.headers
    }
    if (request.body !== undefined)
      headers['Content-Length'] = String(Buffer.byteLength(request.body))
    const req = client.request(target, { method: request.method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', fail)
      res.on('close', () => {
        if (!res.complete) fail(closedEarly())
      })
      res.on('end', () => {
        if (!settle()) return
        try {
          const body = decoded(Buffer.concat(chunks), res.headers['content-encoding'])
          resolve(answer(res.statusCode ?? 0, res.headers, body))
        } catch (error) {
          reject(error)
        }
      })
    })
    req.on('error', fail)
    req.end(request.body)
  })
}

function answer(
  status: number,
  headers: http.IncomingHttpHeaders,
  body: Buffer
): TransportResponse {
  return {
    status,
    headers: {
      get(name: string): string | null {
        const value = headers[name.toLowerCase()]
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
      }
    },
    text: () => Promise.resolve(body.toString('utf8'))
  }
}

/** The body as sent before the server (or a proxy in front of it) compressed it. */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  const name = encoding?.trim().toLowerCase()
  if (name === undefined || name === '' || name === 'identity') return body
  const zlib = process.getBuiltinModule('node:zlib')
  switch (name) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body)
    case 'deflate':
      return zlib.inflateSync(body)
    case 'br':
      return zlib.brotliDecompressSync(body)
    default:
      throw new Error(`the answer is encoded as "${encoding}", which this client cannot read`)
  }
}

/** Same shape as the socket's own reset, so it reads as "the connection … was closed". */
function closedEarly(): Error {
  return Object.assign(new Error('the connection closed before the whole answer arrived'), {
    code: 'ECONNRESET'
  })
}
