import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import nock from 'nock'
import { createFetch, proxyFromEnv } from '../../../src/openstack/proxy.js'
import { createTransport } from '../../../src/openstack/transport.js'

// A real target server and a real forward proxy on loopback: proves requests really go through
// HTTPS_PROXY/HTTP_PROXY and that NO_PROXY bypasses it.
let target: http.Server
let proxy: http.Server
let targetPort = 0
let proxyPort = 0
const proxied: string[] = []

beforeAll(async () => {
  // nock watches sockets, tunnelled ones included: let loopback and the proxied name through.
  nock.enableNetConnect(
    (host) => host.startsWith('127.0.0.1') || host.startsWith('db.example.test')
  )
  target = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ path: req.url }))
  })
  proxy = http.createServer((req, res) => {
    // Plain forward proxying: the request line carries the absolute URL.
    proxied.push(`GET ${req.url}`)
    const url = new URL(req.url as string)
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method: req.method,
        headers: req.headers
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers)
        r.pipe(res)
      }
    )
    req.pipe(upstream)
  })
  proxy.on('connect', (req, socket: net.Socket, head) => {
    proxied.push(`CONNECT ${req.url}`)
    const [, port] = (req.url as string).split(':')
    const upstream = net.connect(Number(port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
  })
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r))
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r))
  targetPort = (target.address() as AddressInfo).port
  proxyPort = (proxy.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((r) => target.close(r))
  await new Promise((r) => proxy.close(r))
  nock.disableNetConnect()
})

describe('proxy support for self-hosted runners', () => {
  test('reads upper and lower case variables, lower case winning', () => {
    expect(
      proxyFromEnv({
        HTTPS_PROXY: 'http://up:1',
        https_proxy: 'http://low:2',
        NO_PROXY: '.internal'
      })
    ).toEqual({
      httpsProxy: 'http://low:2',
      noProxy: '.internal'
    })
    expect(proxyFromEnv({})).toEqual({})
  })

  test('without proxy variables, the plain global fetch is used', () => {
    expect(createFetch({})).toBe(globalThis.fetch)
  })

  test('requests go through HTTP_PROXY', async () => {
    proxied.length = 0
    const fetch = createFetch({ HTTP_PROXY: `http://127.0.0.1:${proxyPort}` })
    const response = await fetch(`http://db.example.test:${targetPort}/v3/auth/tokens`)
    expect(await response.json()).toEqual({ path: '/v3/auth/tokens' })
    expect(proxied).toHaveLength(1)
    expect(proxied[0]).toContain(`db.example.test:${targetPort}`)
  })

  test('NO_PROXY hosts are reached directly', async () => {
    proxied.length = 0
    const fetch = createFetch({
      HTTP_PROXY: `http://127.0.0.1:${proxyPort}`,
      NO_PROXY: '127.0.0.1'
    })
    const response = await fetch(`http://127.0.0.1:${targetPort}/direct`)
    expect(await response.json()).toEqual({ path: '/direct' })
    expect(proxied).toEqual([])
  })

  test('the wire client’s transport goes through HTTPS_PROXY too', async () => {
    proxied.length = 0
    const transport = createTransport({
      HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
      HTTP_PROXY: `http://127.0.0.1:${proxyPort}`
    })
    const response = await transport(`http://db.example.test:${targetPort}/v1.0/p/backups`, {
      method: 'GET',
      headers: {},
      signal: AbortSignal.timeout(5000)
    })
    expect(JSON.parse(await response.text())).toEqual({ path: '/v1.0/p/backups' })
    expect(proxied).toHaveLength(1)
    expect(proxied[0]).toContain(`db.example.test:${targetPort}`)
  })
})
