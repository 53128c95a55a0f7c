import { createHash } from 'node:crypto'
import http from 'node:http'
import { createServer } from 'node:net'
import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import {
  S3_RETRY,
  S3Error,
  S3NetworkError,
  S3Store,
  xmlValues
} from '../../../src/storage/s3-store.js'

const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' }
const ENDPOINT = 'http://s3.store.test:8080'
/** S3's retry rules with waits of a millisecond or two. */
const FAST = { ...S3_RETRY, baseDelayMs: 1 }

function store(overrides: Partial<ConstructorParameters<typeof S3Store>[0]> = {}): S3Store {
  return new S3Store(
    {
      endpoint: ENDPOINT,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: KEYS,
      ...overrides
    },
    FAST
  )
}

afterEach(() => {
  nock.cleanAll()
})

/**
 * A real server on 127.0.0.1 whose n-th request gets the n-th handler: a dropped connection is a
 * real one (nock's replyWithError never reaches a node:http request here).
 */
async function answering(handlers: http.RequestListener[]) {
  nock.enableNetConnect('127.0.0.1')
  let count = 0
  const server = http.createServer((req, res) => {
    const handler = handlers[Math.min(count++, handlers.length - 1)] as http.RequestListener
    req.resume()
    req.on('end', () => handler(req, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

describe('requests', () => {
  test('a put sends the body, its hash, its type and metadata, signed', async () => {
    const body = Buffer.from('{"copy":1}\n')
    let seen: Record<string, string> = {}
    let sent: unknown
    const scope = nock(ENDPOINT)
      // nock hands a JSON body over parsed.
      .put('/backups/mirror/prod%20db/manifest.json', (b: unknown) => {
        sent = b
        return true
      })
      .reply(200, '')
    // nock hands the request over as a fetch Request.
    scope.on('request', (req: Request) => {
      seen = Object.fromEntries(req.headers)
    })
    await store().put('backups', 'mirror/prod db/manifest.json', body, 'application/json', {
      sha256: 'abc'
    })
    expect(scope.isDone()).toBe(true)
    expect(sent).toEqual({ copy: 1 })
    expect(seen['x-amz-content-sha256']).toBe(createHash('sha256').update(body).digest('hex'))
    expect(seen['content-type']).toBe('application/json')
    expect(seen['x-amz-meta-sha256']).toBe('abc')
    expect(seen['content-length']).toBe(String(body.length))
    const authorization = String(seen.authorization)
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request, /
    )
    expect(authorization).toContain(
      'SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-sha256, '
    )
  })

  test('AWS itself: virtual-hosted style, path style for a bucket with dots', async () => {
    const aws = store({ endpoint: '', region: 'eu-north-1', forcePathStyle: false })
    const virtual = nock('https://copies.s3.eu-north-1.amazonaws.com').delete('/a/b').reply(204)
    const dotted = nock('https://s3.eu-north-1.amazonaws.com')
      .delete('/copies.example/a/b')
      .reply(204)
    await aws.delete('copies', 'a/b')
    await aws.delete('copies.example', 'a/b')
    expect(virtual.isDone() && dotted.isDone()).toBe(true)
  })

  test('a listing follows S3 XML: keys unescaped, the token only while truncated', async () => {
    nock(ENDPOINT)
      .get('/b')
      .query({ 'list-type': '2', prefix: 'm/' })
      .reply(
        200,
        '<?xml version="1.0"?><ListBucketResult><IsTruncated>true</IsTruncated>' +
          '<Contents><Key>m/a&amp;b.age</Key><Size>1</Size></Contents>' +
          '<Contents><Key>m/&#x3C;c&#62;</Key></Contents>' +
          '<NextContinuationToken>t/1=</NextContinuationToken></ListBucketResult>'
      )
      .get('/b')
      .query({ 'list-type': '2', prefix: 'm/', 'continuation-token': 't/1=' })
      .reply(
        200,
        '<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>m/d</Key></Contents></ListBucketResult>'
      )
    const s = store()
    const first = await s.listPage('b', 'm/')
    expect(first).toEqual({ keys: ['m/a&b.age', 'm/<c>'], next: 't/1=' })
    expect(await s.listPage('b', 'm/', first.next)).toEqual({ keys: ['m/d'], next: undefined })
  })

  test('head gives the size and the metadata; a missing object is a 404 NotFound', async () => {
    nock(ENDPOINT)
      .head('/b/k')
      .reply(200, '', { 'content-length': '1234', 'x-amz-meta-sha256': 'f00', etag: '"e"' })
      .head('/b/gone')
      .reply(404)
    expect(await store().head('b', 'k')).toEqual({ bytes: 1234, metadata: { sha256: 'f00' } })
    const error = await store()
      .head('b', 'gone')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      status: 404,
      code: 'NotFound',
      message: 'S3 HeadObject of s3://b/gone: 404 NotFound'
    })
  })
})

describe('errors and repeats', () => {
  const slowDown =
    '<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>'

  test('a part that meets SlowDown is sent again, up to four times in all', async () => {
    const scope = nock(ENDPOINT)
      .put('/b/k')
      .query({ partNumber: '3', uploadId: 'u-1' })
      .times(2)
      .reply(503, slowDown)
      .put('/b/k')
      .query({ partNumber: '3', uploadId: 'u-1' })
      .reply(200, '', { etag: '"p3"' })
    expect(await store().uploadPart('b', 'k', 'u-1', 3, Buffer.from('part'))).toBe('"p3"')
    expect(scope.isDone()).toBe(true)

    nock(ENDPOINT).put('/b/k').query(true).times(4).reply(503, slowDown)
    await expect(store().uploadPart('b', 'k', 'u-1', 3, Buffer.from('part'))).rejects.toThrow(
      'S3 UploadPart of s3://b/k: 503 SlowDown (Reduce your request rate.)'
    )
    expect(nock.pendingMocks()).toEqual([])
  })

  test('a RequestTimeout (the body went quiet) is sent again, like a lost connection', async () => {
    const timedOut =
      '<Error><Code>RequestTimeout</Code><Message>Your socket connection was not read from.</Message></Error>'
    const scope = nock(ENDPOINT)
      .put('/b/k')
      .query({ partNumber: '1', uploadId: 'u-1' })
      .reply(400, timedOut)
      .put('/b/k')
      .query({ partNumber: '1', uploadId: 'u-1' })
      .reply(200, '', { etag: '"p1"' })
    expect(await store().uploadPart('b', 'k', 'u-1', 1, Buffer.from('part'))).toBe('"p1"')
    expect(scope.isDone()).toBe(true)

    nock(ENDPOINT).post('/b/k').query({ uploads: '' }).reply(400, timedOut)
    const second = nock(ENDPOINT)
      .post('/b/k')
      .query({ uploads: '' })
      .reply(200, '<UploadId>u-2</UploadId>')
    await expect(
      store().createUpload('b', 'k', 'application/octet-stream', {})
    ).rejects.toMatchObject({ code: 'RequestTimeout', status: 400 })
    expect(second.isDone()).toBe(false)
  })

  test('an upload is created once: a failure is not repeated', async () => {
    nock(ENDPOINT).post('/b/k').query({ uploads: '' }).once().reply(503, slowDown)
    const second = nock(ENDPOINT)
      .post('/b/k')
      .query({ uploads: '' })
      .reply(200, '<UploadId>u-2</UploadId>')
    await expect(
      store().createUpload('b', 'k', 'application/octet-stream', {})
    ).rejects.toMatchObject({
      code: 'SlowDown',
      status: 503
    })
    expect(second.isDone()).toBe(false)
  })

  test('a lost connection is sent again, and the answer after it counts', async () => {
    const server = await answering([
      (req) => req.socket.destroy(),
      (_req, res) => res.end('the copy')
    ])
    try {
      const body: Buffer[] = []
      for await (const chunk of await store({ endpoint: server.url }).get('b', 'k'))
        body.push(chunk as Buffer)
      expect(Buffer.concat(body).toString()).toBe('the copy')
      expect(server.requests()).toBe(2)
    } finally {
      await server.close()
    }
  })

  test('creating an upload is sent again only when the store refused it before acting (429)', async () => {
    const lost = await answering([
      (req) => req.socket.destroy(),
      (_req, res) => res.end('<UploadId>u-9</UploadId>')
    ])
    try {
      await expect(
        store({ endpoint: lost.url }).createUpload('b', 'k', 'application/octet-stream', {})
      ).rejects.toBeInstanceOf(S3NetworkError)
      expect(lost.requests()).toBe(1)
    } finally {
      await lost.close()
    }

    nock(ENDPOINT)
      .post('/b/k')
      .query({ uploads: '' })
      .reply(429, '<Error><Code>TooManyRequests</Code></Error>', { 'retry-after': '0' })
      .post('/b/k')
      .query({ uploads: '' })
      .reply(200, '<UploadId>u-3</UploadId>')
    expect(await store().createUpload('b', 'k', 'application/octet-stream', {})).toBe('u-3')
  })

  test('a Retry-After longer than the policy allows is a final answer, not a long wait', async () => {
    const scope = nock(ENDPOINT)
      .get('/b/k')
      .reply(503, slowDown, { 'retry-after': String(S3_RETRY.maxRetryAfterMs / 1000 + 1) })
    const again = nock(ENDPOINT).get('/b/k').reply(200, 'the copy')
    await expect(store().get('b', 'k')).rejects.toMatchObject({ code: 'SlowDown', status: 503 })
    expect(scope.isDone()).toBe(true)
    expect(again.isDone()).toBe(false)
  })

  test('a refusal is not repeated; its code and message are the store’s', async () => {
    const scope = nock(ENDPOINT)
      .get('/b/k')
      .reply(403, '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>')
    await expect(store().get('b', 'k')).rejects.toThrow(
      'S3 GetObject of s3://b/k: 403 AccessDenied (Access Denied)'
    )
    expect(scope.isDone()).toBe(true)
  })

  test('a huge error page is read only so far, and the answer is still an error', async () => {
    nock(ENDPOINT)
      .get('/b/k')
      .times(4)
      .reply(502, `<html>${'x'.repeat(1024 * 1024)}</html>`)
    const error = await store()
      .get('b', 'k')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 502, code: 'HTTP 502' })
    expect(nock.pendingMocks()).toEqual([])
  })

  test('completing fails on an error in a 200 answer', async () => {
    let sent = ''
    nock(ENDPOINT)
      .post('/b/k', (body: string) => {
        sent = body
        return true
      })
      .query({ uploadId: 'u-1' })
      .reply(
        200,
        '<?xml version="1.0"?>\n<Error><Code>InvalidPart</Code><Message>One or more parts could not be found.</Message></Error>'
      )
    await expect(
      store().completeUpload('b', 'k', 'u-1', [
        { partNumber: 1, etag: '"a"' },
        { partNumber: 2, etag: '"b"' }
      ])
    ).rejects.toMatchObject({ code: 'InvalidPart' })
    expect(xmlValues(sent, 'ETag')).toEqual(['"a"', '"b"'])
    expect(xmlValues(sent, 'PartNumber')).toEqual(['1', '2'])
  })

  test('no answer at all: a network error that names the operation and the place', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer()
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    nock.enableNetConnect('127.0.0.1')
    const error = await store({ endpoint: `http://127.0.0.1:${closed}` })
      .head('b', 'k')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3NetworkError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `^S3 HeadObject failed: connection refused by 127\\.0\\.0\\.1:${closed} \\(ECONNREFUSED\\)`
      )
    )
  })
})
