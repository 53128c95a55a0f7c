import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { HttpClient, OpenStackNetworkError, silentLogger } from '../../../src/openstack/index.js'
import { describeNetworkCause } from '../../../src/openstack/network-cause.js'
import { nodeTransport, type Transport } from '../../../src/openstack/transport.js'
import { S3_RETRY, S3NetworkError, S3Store } from '../../../src/storage/s3-store.js'
import { FakeClock } from '../helpers/fake-cloud.js'

// Real sockets on loopback, not mocks: the error shapes are undici's and the socket's own, and
// those are what a user sees. The name under `.invalid` never resolves (RFC 2606).
let closedPort: number
let tlsServer: tls.Server
let tlsPort: number
let silentServer: net.Server
let silentPort: number
let hangUpServer: net.Server
let hangUpPort: number
let dir: string
const held: net.Socket[] = []

const listen = (server: net.Server): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))
  )

beforeAll(async () => {
  // Only loopback and the unresolvable name reach the real network; the rest stays shut.
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.includes('.invalid'))
  const probe = net.createServer()
  closedPort = await listen(probe)
  await new Promise((resolve) => probe.close(resolve))

  dir = mkdtempSync(path.join(tmpdir(), 'net-cause-'))
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost'
    ].concat(['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]),
    { stdio: 'ignore' }
  )
  tlsServer = tls.createServer(
    {
      key: readFileSync(path.join(dir, 'key.pem')),
      cert: readFileSync(path.join(dir, 'cert.pem'))
    },
    (socket) => socket.end()
  )
  tlsPort = await listen(tlsServer)
  // Accepts and never answers: for the request timeout.
  silentServer = net.createServer((socket) => void held.push(socket))
  silentPort = await listen(silentServer)
  hangUpServer = net.createServer((socket) => socket.destroy())
  hangUpPort = await listen(hangUpServer)
})

afterAll(async () => {
  for (const socket of held) socket.destroy()
  await new Promise((resolve) => tlsServer.close(resolve))
  await new Promise((resolve) => silentServer.close(resolve))
  await new Promise((resolve) => hangUpServer.close(resolve))
  rmSync(dir, { recursive: true, force: true })
  nock.disableNetConnect()
})

function client(transport: Transport, timeoutMs: number): HttpClient {
  const clock = new FakeClock()
  return new HttpClient({
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    logger: silentLogger,
    timeoutMs,
    userAgent: 'test',
    // One attempt: the retries are retry.test.ts's business.
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    transport
  })
}

async function failure(transport: Transport, url: string, timeoutMs = 5000): Promise<Error> {
  const error = await client(transport, timeoutMs)
    .send({ method: 'GET', url, expected: [200], context: 'Keystone: discover' })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OpenStackNetworkError)
  return error as Error
}

// Both ways a request leaves: node:http (no proxy set) and fetch (the proxy path's undici).
describe.each([
  { via: 'node:http', transport: nodeTransport as Transport, hangUpCode: 'ECONNRESET' },
  { via: 'fetch', transport: globalThis.fetch as Transport, hangUpCode: 'UND_ERR_SOCKET' }
])(
  'network failures name their cause (Keystone and Trove through $via)',
  ({ transport, hangUpCode }) => {
    test('a closed port: connection refused, with host and port', async () => {
      const error = await failure(transport, `http://127.0.0.1:${closedPort}/v3`)
      expect(error.message).toBe(
        `Keystone: discover: GET http://127.0.0.1:${closedPort}/v3 failed: connection refused by ` +
          `127.0.0.1:${closedPort} (ECONNREFUSED): nothing listens there, or a firewall rejects it`
      )
      expect(error.message).not.toContain('fetch failed')
    })

    test('an unresolvable name: DNS name not found', async () => {
      const error = await failure(transport, 'https://keystone.dbaas-backup.invalid:5000/v3')
      // ENOTFOUND from a resolver that answers; EAI_AGAIN where none is reachable.
      expect(error.message).toMatch(
        /failed: DNS (name not found:|lookup failed for) keystone\.dbaas-backup\.invalid.* \((ENOTFOUND|EAI_AGAIN)\)/
      )
    })

    test('a self-signed certificate: a TLS certificate problem, with host and port', async () => {
      const error = await failure(transport, `https://127.0.0.1:${tlsPort}/v3`)
      expect(error.message).toMatch(
        new RegExp(
          `failed: TLS certificate problem with 127\\.0\\.0\\.1:${tlsPort}: self-signed certificate.* \\(DEPTH_ZERO_SELF_SIGNED_CERT\\)$`
        )
      )
    })

    test('a server that accepts and never answers: the request timeout', async () => {
      const error = await failure(transport, `http://127.0.0.1:${silentPort}/v3`, 300)
      expect(error.message).toMatch(/failed: no answer within the request timeout$/)
    })

    test('a server that hangs up: the connection was closed, with host and port', async () => {
      const error = await failure(transport, `http://127.0.0.1:${hangUpPort}/v3`)
      expect(error.message).toMatch(
        new RegExp(
          `failed: the connection to 127\\.0\\.0\\.1:${hangUpPort} was closed before an answer \\(${hangUpCode}\\)$`
        )
      )
    })

    test('an AggregateError (both addresses of a name refused) is read through', () => {
      const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5000'), {
        code: 'ECONNREFUSED',
        address: '::1',
        port: 5000
      })
      const error = new TypeError('fetch failed', { cause: new AggregateError([refused], '') })
      expect(describeNetworkCause(error, 'http://localhost:5000/v3')).toMatch(
        /^connection refused by \[::1\]:5000 \(ECONNREFUSED\)/
      )
    })
  }
)

// WHATWG fetch (the proxy path) refuses some ports before connecting; node:http just connects.
test('a port fetch refuses to use says so', async () => {
  const error = await failure(globalThis.fetch as Transport, 'http://127.0.0.1:9/v3')
  expect(error.message).toMatch(/failed: port 9 is one fetch never connects to \("bad port"\)/)
})

describe('network failures of the S3 client name their cause', () => {
  const send = (endpoint: string): Promise<unknown> =>
    new S3Store(
      {
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
      },
      { ...S3_RETRY, baseDelayMs: 1 }
    )
      .listPage('backups', '', undefined, 1)
      .catch((e: unknown) => e)

  test('a closed port', async () => {
    const error = await send(`http://127.0.0.1:${closedPort}`)
    expect(error).toBeInstanceOf(S3NetworkError)
    expect((error as Error).message).toBe(
      `S3 ListObjectsV2 failed: connection refused by 127.0.0.1:${closedPort} (ECONNREFUSED): ` +
        'nothing listens there, or a firewall rejects it'
    )
  })

  test('a self-signed certificate names the endpoint the socket’s error leaves out', async () => {
    const error = await send(`https://127.0.0.1:${tlsPort}`)
    expect(error).toBeInstanceOf(S3NetworkError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `^S3 ListObjectsV2 failed: TLS certificate problem with 127\\.0\\.0\\.1:${tlsPort}: .*\\(DEPTH_ZERO_SELF_SIGNED_CERT\\)$`
      )
    )
  })

  test('an unresolvable name', async () => {
    const error = await send('https://s3.dbaas-backup.invalid')
    expect((error as Error).message).toMatch(
      /^S3 ListObjectsV2 failed: DNS (name not found:|lookup failed for) s3\.dbaas-backup\.invalid/
    )
  })
})
