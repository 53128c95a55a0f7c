import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import {
  HttpClient,
  OpenStackHttpError,
  OpenStackNetworkError,
  silentLogger
} from '../../../src/openstack/index.js'
import { nodeTransport } from '../../../src/openstack/transport.js'
import { FakeClock } from '../helpers/fake-cloud.js'

const HOST = 'https://api.test'

function client(clock = new FakeClock(), timeoutMs = 2000): HttpClient {
  return new HttpClient({
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    logger: silentLogger,
    timeoutMs,
    transport: nodeTransport
  })
}

describe('HttpClient', () => {
  test('sends JSON with Content-Type and Accept, and parses the answer', async () => {
    nock(HOST, { reqheaders: { 'content-type': 'application/json', accept: 'application/json' } })
      .post('/things', { thing: { a: 1 } })
      .reply(202, { thing: { id: 'x' } })
    const response = await client().send({
      method: 'POST',
      url: `${HOST}/things`,
      body: { thing: { a: 1 } },
      expected: [202],
      context: 'test'
    })
    expect(response.body).toEqual({ thing: { id: 'x' } })
  })

  test('retries a GET after 503 and 500, with growing jittered delays', async () => {
    const clock = new FakeClock()
    nock(HOST)
      .get('/x')
      .reply(503, 'busy')
      .get('/x')
      .reply(500, '{}')
      .get('/x')
      .reply(200, { ok: true })
    const response = await client(clock).send({
      method: 'GET',
      url: `${HOST}/x`,
      expected: [200],
      context: 'test'
    })
    expect(response.body).toEqual({ ok: true })
    // equal jitter with random 0.5: base 500 → 375, then 1000 → 750
    expect(clock.sleeps).toEqual([375, 750])
  })

  test('does not retry a POST after a 503', async () => {
    const scope = nock(HOST)
      .post('/backups')
      .reply(503, { error: { code: 503, message: 'down' } })
    const second = nock(HOST).post('/backups').reply(202, {})
    await expect(
      client().send({
        method: 'POST',
        url: `${HOST}/backups`,
        body: {},
        expected: [202],
        context: 'Trove: create backup'
      })
    ).rejects.toThrow(/Trove: create backup: POST https:\/\/api.test\/backups answered 503/)
    expect(scope.isDone()).toBe(true)
    expect(second.isDone()).toBe(false)
  })

  test('does not retry a POST after a connection reset', async () => {
    nock(HOST).post('/instances').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
    const second = nock(HOST).post('/instances').reply(202, {})
    await expect(
      client().send({
        method: 'POST',
        url: `${HOST}/instances`,
        body: {},
        expected: [202],
        context: 'create'
      })
    ).rejects.toBeInstanceOf(OpenStackNetworkError)
    expect(second.isDone()).toBe(false)
  })

  test('retries a GET after a connection reset', async () => {
    nock(HOST)
      .get('/x')
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
      .get('/x')
      .reply(200, {})
    await expect(
      client().send({ method: 'GET', url: `${HOST}/x`, expected: [200], context: 't' })
    ).resolves.toBeDefined()
  })

  test('honours Retry-After on a 413 rate limit, also for a POST (the server refused before acting)', async () => {
    const clock = new FakeClock()
    nock(HOST)
      .post('/backups')
      .reply(
        413,
        { overLimit: { code: 413, message: 'This request was rate-limited.', retryAfter: '7' } },
        { 'Retry-After': '7' }
      )
      .post('/backups')
      .reply(202, { backup: {} })
    await client(clock).send({
      method: 'POST',
      url: `${HOST}/backups`,
      body: {},
      expected: [202],
      context: 't'
    })
    expect(clock.sleeps).toEqual([7000])
  })

  test('honours Retry-After on a 429', async () => {
    const clock = new FakeClock()
    nock(HOST).get('/x').reply(429, 'slow down', { 'Retry-After': '3' }).get('/x').reply(200, {})
    await client(clock).send({ method: 'GET', url: `${HOST}/x`, expected: [200], context: 't' })
    expect(clock.sleeps).toEqual([3000])
  })

  test('reads retryAfter from the body when the header is missing', async () => {
    const clock = new FakeClock()
    nock(HOST)
      .get('/x')
      .reply(413, { overLimit: { code: 413, message: 'rate-limited', retryAfter: '2' } })
      .get('/x')
      .reply(200, {})
    await client(clock).send({ method: 'GET', url: `${HOST}/x`, expected: [200], context: 't' })
    expect(clock.sleeps).toEqual([2000])
  })

  test('does not retry a quota 413 (no Retry-After) and reports the API message', async () => {
    nock(HOST)
      .post('/instances')
      .reply(
        413,
        { overLimit: { code: 413, message: 'Quota exceeded for resources: [instances]' } },
        { 'x-openstack-request-id': 'req-42' }
      )
    const error = await client()
      .send({
        method: 'POST',
        url: `${HOST}/instances`,
        body: {},
        expected: [202],
        context: 'Trove: create instance'
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenStackHttpError)
    const httpError = error as OpenStackHttpError
    expect(httpError.status).toBe(413)
    expect(httpError.fault).toBe('overLimit')
    expect(httpError.requestId).toBe('req-42')
    expect(httpError.message).toContain('Quota exceeded for resources: [instances]')
    expect(httpError.message).toContain('request id req-42')
  })

  test('gives up after maxAttempts and reports the last error', async () => {
    const clock = new FakeClock()
    nock(HOST).get('/x').times(5).reply(502, 'bad gateway')
    await expect(
      client(clock).send({ method: 'GET', url: `${HOST}/x`, expected: [200], context: 't' })
    ).rejects.toThrow(/502/)
    expect(clock.sleeps).toHaveLength(4)
  })

  test('a Retry-After longer than the cap is a final answer', async () => {
    nock(HOST).get('/x').reply(429, '', { 'Retry-After': '3600' })
    await expect(
      client().send({ method: 'GET', url: `${HOST}/x`, expected: [200], context: 't' })
    ).rejects.toThrow(/429/)
  })

  test('times out a request that does not answer, then retries it (GET)', async () => {
    // A fetch that hangs until its abort signal fires, then answers on the second call.
    let calls = 0
    const hangingFetch = (async (_url: unknown, init?: RequestInit) => {
      calls++
      if (calls === 2) return new Response('{"second": true}', { status: 200 })
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      })
    }) as typeof fetch
    const http = new HttpClient({ ...client().options, timeoutMs: 50, transport: hangingFetch })
    const response = await http.send({
      method: 'GET',
      url: `${HOST}/slow`,
      expected: [200],
      context: 't'
    })
    expect(response.body).toEqual({ second: true })
    expect(calls).toBe(2)
  })

  test('a timed-out POST is reported, not retried', async () => {
    let calls = 0
    const hangingFetch = (async (_url: unknown, init?: RequestInit) => {
      calls++
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      })
    }) as typeof fetch
    const http = new HttpClient({ ...client().options, timeoutMs: 50, transport: hangingFetch })
    await expect(
      http.send({
        method: 'POST',
        url: `${HOST}/backups`,
        body: {},
        expected: [202],
        context: 'create'
      })
    ).rejects.toThrow(/no answer within the request timeout/)
    expect(calls).toBe(1)
  })

  test('an unexpected non-JSON success body is a clear error', async () => {
    nock(HOST).get('/x').reply(200, '<html>proxy login</html>')
    await expect(
      client().send({ method: 'GET', url: `${HOST}/x`, expected: [200], context: 't' })
    ).rejects.toThrow(/expected a JSON body/)
  })
})
