import { createHash, createHmac } from 'node:crypto'
import { describe, expect, test } from '@jest/globals'
import { SignatureV4 } from '@smithy/signature-v4'
import {
  amzDateOf,
  canonicalQuery,
  EMPTY_PAYLOAD_SHA256,
  type RequestToSign,
  s3Path,
  signRequest
} from '../../../src/storage/sigv4.js'

// The examples of the S3 API reference ("Signature Calculations for the Authorization Header:
// Transferring Payload in a Single Chunk"): these keys, this bucket, this moment.
const EXAMPLE_KEYS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
}
const EXAMPLE_HOST = 'examplebucket.s3.amazonaws.com'
const EXAMPLE_TIME = new Date('2013-05-24T00:00:00Z')

function example(overrides: Partial<RequestToSign>): RequestToSign {
  return {
    method: 'GET',
    host: EXAMPLE_HOST,
    path: '/',
    query: [],
    headers: {},
    payloadHash: EMPTY_PAYLOAD_SHA256,
    region: 'us-east-1',
    now: EXAMPLE_TIME,
    ...overrides
  }
}

function signatureOf(headers: Record<string, string>): string {
  return /Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '')?.[1] ?? ''
}

describe('the S3 API reference examples', () => {
  test('GET Object with a Range header', () => {
    const headers = signRequest(
      example({ path: s3Path(undefined, 'test.txt'), headers: { Range: 'bytes=0-9' } }),
      EXAMPLE_KEYS
    )
    expect(headers.authorization).toContain(
      'Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, '
    )
    expect(signatureOf(headers)).toBe(
      'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'
    )
  })

  test('PUT Object: a key with a $, a body, a storage class', () => {
    const payloadHash = createHash('sha256').update('Welcome to Amazon S3.').digest('hex')
    const headers = signRequest(
      example({
        method: 'PUT',
        path: s3Path(undefined, 'test$file.text'),
        headers: {
          Date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY'
        },
        payloadHash
      }),
      EXAMPLE_KEYS
    )
    expect(headers.authorization).toContain(
      'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, '
    )
    expect(signatureOf(headers)).toBe(
      '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'
    )
  })

  test('GET Bucket lifecycle: a parameter without a value', () => {
    const headers = signRequest(example({ query: [['lifecycle', '']] }), EXAMPLE_KEYS)
    expect(signatureOf(headers)).toBe(
      'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'
    )
  })

  test('GET Bucket (list objects): parameters given out of order', () => {
    const headers = signRequest(
      example({
        query: [
          ['prefix', 'J'],
          ['max-keys', '2']
        ]
      }),
      EXAMPLE_KEYS
    )
    expect(signatureOf(headers)).toBe(
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'
    )
  })
})

describe('what is sent', () => {
  test('every header sent is signed, the session token too', () => {
    const headers = signRequest(example({ headers: { 'Content-Type': 'application/json' } }), {
      ...EXAMPLE_KEYS,
      sessionToken: 'FwoGZXIvYXdzEXAMPLE'
    })
    expect(headers['x-amz-security-token']).toBe('FwoGZXIvYXdzEXAMPLE')
    expect(headers.host).toBe(EXAMPLE_HOST)
    expect(headers['x-amz-date']).toBe('20130524T000000Z')
    expect(headers['x-amz-content-sha256']).toBe(EMPTY_PAYLOAD_SHA256)
    const signed = /SignedHeaders=([^,]+),/.exec(headers.authorization ?? '')?.[1]?.split(';')
    expect(signed?.sort()).toEqual(
      Object.keys(headers)
        .filter((name) => name !== 'authorization')
        .sort()
    )
  })

  test('the payload hash is part of the signature', () => {
    const a = signRequest(example({ method: 'PUT', payloadHash: 'a'.repeat(64) }), EXAMPLE_KEYS)
    const b = signRequest(example({ method: 'PUT', payloadHash: 'b'.repeat(64) }), EXAMPLE_KEYS)
    expect(signatureOf(a)).not.toBe(signatureOf(b))
  })

  test('paths and queries are encoded once, the S3 way', () => {
    expect(s3Path('bucket', "dumps/2026 12/a+b(1)!*'.age")).toBe(
      '/bucket/dumps/2026%2012/a%2Bb%281%29%21%2A%27.age'
    )
    expect(s3Path('bucket', 'säkerhet/ключ~_.-')).toBe(
      '/bucket/s%C3%A4kerhet/%D0%BA%D0%BB%D1%8E%D1%87~_.-'
    )
    expect(s3Path('bucket')).toBe('/bucket')
    expect(s3Path(undefined)).toBe('/')
    expect(
      canonicalQuery([
        ['prefix', 'a/b c'],
        ['list-type', '2'],
        ['uploads', '']
      ])
    ).toBe('list-type=2&prefix=a%2Fb%20c&uploads=')
    expect(amzDateOf(new Date('2026-12-03T18:04:05.678Z'))).toBe('20261203T180405Z')
  })
})

type Source = string | ArrayBuffer | ArrayBufferView

function bytesOf(data: Source): string | Buffer {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return Buffer.from(data)
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
}

/** node:crypto behind the hash interface the SDK's signer takes. */
class NodeSha256 {
  private readonly hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>
  constructor(secret?: Source) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret))
  }
  update(data: Source): void {
    this.hash.update(bytesOf(data))
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest())
  }
}

test('the same signature as the AWS SDK signer, over awkward keys, metadata and queries', async () => {
  const credentials = { ...EXAMPLE_KEYS, sessionToken: 'token/with+odd=chars' }
  const reference = new SignatureV4({
    credentials,
    region: 'eu-north-1',
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false
  })
  const cases: Array<{
    method: string
    key: string
    query: Array<[string, string]>
    headers: Record<string, string>
  }> = [
    {
      method: 'PUT',
      key: 'mirror/prod db/2026-12-03T18:00:00Z.dump.zst.age',
      query: [],
      headers: {}
    },
    {
      method: 'PUT',
      key: "räk*smörgås/(1)!'~.json",
      query: [],
      headers: { 'content-type': 'application/json', 'x-amz-meta-sha256': '  a  b  ' }
    },
    {
      method: 'PUT',
      key: 'parts/a',
      query: [
        ['uploadId', 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA=='],
        ['partNumber', '10']
      ],
      headers: {}
    },
    {
      method: 'GET',
      key: '',
      query: [
        ['list-type', '2'],
        ['prefix', "dbaas backups/*(it's)!"],
        ['continuation-token', '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=']
      ],
      headers: {}
    },
    { method: 'POST', key: 'k', query: [['uploads', '']], headers: {} }
  ]
  for (const c of cases) {
    const path = s3Path('bucket.with.dots', c.key)
    const payloadHash = c.method === 'PUT' ? 'c'.repeat(64) : EMPTY_PAYLOAD_SHA256
    const ours = signRequest(
      {
        method: c.method,
        host: 's3.example.test:8443',
        path,
        query: c.query,
        headers: c.headers,
        payloadHash,
        region: 'eu-north-1',
        now: EXAMPLE_TIME
      },
      credentials
    )
    const theirs = await reference.sign(
      {
        method: c.method,
        protocol: 'https:',
        hostname: 's3.example.test',
        port: 8443,
        path,
        query: Object.fromEntries(c.query),
        headers: {
          ...c.headers,
          host: 's3.example.test:8443',
          'x-amz-content-sha256': payloadHash
        }
      },
      { signingDate: EXAMPLE_TIME }
    )
    expect(signatureOf(ours)).toBe(signatureOf(theirs.headers))
  }
})
