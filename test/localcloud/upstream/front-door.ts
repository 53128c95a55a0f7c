// The upstream cloud's front door: what a cloud's load balancer is to its API servers.
// One listener for Keystone and one for trove-api pass every request on unchanged and
// bring the real server's answer back byte for byte (status, headers, body). Like the
// double's listeners they keep the request log and apply injected faults (api/faults.ts,
// api/request-log.ts), so a test can see what the product sent to the real servers and
// make a call fail the way a balancer or a network would.
//
// The catalog points at these listeners; keystonemiddleware inside trove-api talks to
// Keystone directly, as it would inside a cloud, so its calls are not logged.

import http from 'node:http'
import { withFaults } from '../api/faults.ts'
import { listen, type Handler, type Req, type Res } from '../api/http.ts'
import { withRequestLog } from '../api/request-log.ts'
import type { FaultRule, RequestLogEntry } from '../api/state.ts'

export interface FrontDoorState {
  faults: FaultRule[]
  requests: RequestLogEntry[]
}

export interface FrontDoor {
  keystonePort: number
  trovePort: number
  close(): Promise<void>
}

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, not to the message.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'content-length'
])

function endToEnd(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** A handler that sends the request to 127.0.0.1:port and answers with what came back. */
export function forwardTo(port: number, agent: http.Agent): Handler {
  return (req: Req) =>
    new Promise<Res>((resolve, reject) => {
      const query = req.query.toString()
      const out = http.request(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.path + (query ? `?${query}` : ''),
          // The Host header stays the client's: trove-api builds its links from it.
          headers: { ...endToEnd(req.headers), 'content-length': String(req.body.length) },
          agent
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: endToEnd(res.headers),
              body: chunks.length ? Buffer.concat(chunks) : undefined
            })
          )
          res.on('error', reject)
        }
      )
      out.on('error', reject)
      out.end(req.body)
    })
}

/** Calls `onError` after passing on an answer of 500 or more (the server's own failure). */
function noticing5xx(next: Handler, onError: (req: Req, status: number) => void): Handler {
  return async (req) => {
    const res = await next(req)
    if (res.status >= 500) onError(req, res.status)
    return res
  }
}

export async function startFrontDoor(
  state: FrontDoorState,
  upstream: { keystonePort: number; trovePort: number },
  admin: Handler,
  onTroveError: (req: Req, status: number) => void = () => {}
): Promise<FrontDoor> {
  const agent = new http.Agent({ keepAlive: true })
  const keystone = await listen(
    withRequestLog(state, 'keystone', withFaults(state, forwardTo(upstream.keystonePort, agent)))
  )
  const trove = withRequestLog(
    state,
    'trove',
    withFaults(state, noticing5xx(forwardTo(upstream.trovePort, agent), onTroveError))
  )
  const troveListener = await listen((req) =>
    req.path.startsWith('/_admin') ? admin(req) : trove(req)
  ).catch(async (err: unknown) => {
    await keystone.close()
    throw err
  })
  return {
    keystonePort: keystone.port,
    trovePort: troveListener.port,
    async close() {
      await Promise.all([keystone.close(), troveListener.close()])
      agent.destroy()
    }
  }
}
