import http from 'node:http'
import type net from 'node:net'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { createTransport, nodeTransport } from '../../../src/openstack/transport.js'

// A real server on loopback: what node:http does with real sockets is the point here.
let server: http.Server
let base: string
const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = []

beforeAll(async () => {
  nock.enableNetConnect('127.0.0.1')
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push({
        method: req.method,
        headers: req.headers,
        body: Buffer.concat(chunks).toString()
      })
      const json = Buffer.from(JSON.stringify({ path: req.url, ünïcode: 'ø' }))
      switch (req.url) {
        case '/gzip':
          return res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(json))
        case '/deflate':
          return res.writeHead(200, { 'Content-Encoding': 'deflate' }).end(deflateSync(json))
        case '/br':
          return res.writeHead(200, { 'Content-Encoding': 'br' }).end(brotliCompressSync(json))
        case '/odd-encoding':
          return res.writeHead(200, { 'Content-Encoding': 'zstd' }).end(json)
        case '/cut-short':
          // Promises 100 bytes, sends 10, then drops the connection.
          res.writeHead(200, { 'Content-Length': '100' })
          res.write('{"partial"')
          return setTimeout(() => res.socket?.destroy(), 20)
        case '/slow-body':
          res.writeHead(200, { 'Content-Length': '100' })
          return res.write('{"slow"')
        default:
          return res
            .writeHead(201, { 'X-Subject-Token': 'tok', 'Set-Cookie': ['a=1', 'b=2'] })
            .end(json)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  nock.disableNetConnect()
})

const signal = (): AbortSignal => AbortSignal.timeout(5000)

describe('nodeTransport', () => {
  test('sends method, headers and body with its length, and reads status, headers and UTF-8 text', async () => {
    const body = JSON.stringify({ auth: 'å' })
    const response = await nodeTransport(`${base}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      signal: signal()
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('X-Subject-Token')).toBe('tok')
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2')
    expect(response.headers.get('retry-after')).toBeNull()
    expect(JSON.parse(await response.text())).toEqual({ path: '/v3/auth/tokens', ünïcode: 'ø' })
    const request = seen.at(-1)
    expect(request?.method).toBe('POST')
    expect(request?.body).toBe(body)
    expect(request?.headers['content-length']).toBe(String(Buffer.byteLength(body)))
    expect(request?.headers['content-type']).toBe('application/json')
  })

  test.each(['gzip', 'deflate', 'br'])('reads a %s-compressed answer', async (encoding) => {
    const response = await nodeTransport(`${base}/${encoding}`, {
      method: 'GET',
      headers: {},
      signal: signal()
    })
    expect(seen.at(-1)?.headers['accept-encoding']).toBe('gzip, deflate, br')
    expect(JSON.parse(await response.text())).toEqual({ path: `/${encoding}`, ünïcode: 'ø' })
  })

  test('an encoding it did not offer is an error that names it', async () => {
    await expect(
      nodeTransport(`${base}/odd-encoding`, { method: 'GET', headers: {}, signal: signal() })
    ).rejects.toThrow('the answer is encoded as "zstd", which this client cannot read')
  })

  test('an answer cut short is a closed connection (ECONNRESET), not a short body', async () => {
    await expect(
      nodeTransport(`${base}/cut-short`, { method: 'GET', headers: {}, signal: signal() })
    ).rejects.toMatchObject({ code: 'ECONNRESET' })
  })

  test('the signal ends a request whose body stalls, with the signal’s reason', async () => {
    const error = await nodeTransport(`${base}/slow-body`, {
      method: 'GET',
      headers: {},
      signal: AbortSignal.timeout(100)
    }).catch((e: unknown) => e)
    expect((error as Error).name).toBe('TimeoutError')
  })

  test('an already aborted signal sends nothing', async () => {
    const before = seen.length
    const controller = new AbortController()
    controller.abort(new Error('stopped'))
    await expect(
      nodeTransport(`${base}/never`, { method: 'GET', headers: {}, signal: controller.signal })
    ).rejects.toThrow('stopped')
    expect(seen.length).toBe(before)
  })

  test('a scheme other than http and https is refused before connecting', async () => {
    await expect(
      nodeTransport('ftp://127.0.0.1/x', { method: 'GET', headers: {}, signal: signal() })
    ).rejects.toThrow('ftp: is not http: or https:')
  })
})

describe('createTransport', () => {
  test('without proxy variables, node:http', () => {
    expect(createTransport({ NO_PROXY: 'localhost' })).toBe(nodeTransport)
  })
  // The proxied path is proxy.test.ts's, through a real forward proxy.
})
