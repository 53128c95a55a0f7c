import { afterAll, beforeAll, expect, jest, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CreateBucketCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3'
import { S3Error, S3Store } from '../../src/storage/s3-store.js'
import { startObjectStore } from '../localcloud/servers/swift.js'
import type { ObjectStore } from '../localcloud/servers/types.js'

// Our S3 client against a real S3 API (Swift's s3api, as the local cloud runs it): the store
// accepts our signatures and answers in the shapes we read. The AWS SDK, beside it, checks what
// we stored with an independent client.
jest.setTimeout(120_000)

const BUCKET = 'store-test'
let root: string
let swift: ObjectStore
let store: S3Store
let sdk: S3Client

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 's3-store-'))
  swift = await startObjectStore(path.join(root, 'swift'))
  const settings = {
    endpoint: swift.s3.endpoint,
    region: swift.s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: swift.s3.accessKeyId, secretAccessKey: swift.s3.secretAccessKey }
  }
  store = new S3Store(settings)
  sdk = new S3Client({ ...settings, requestChecksumCalculation: 'WHEN_REQUIRED' })
  await sdk.send(new CreateBucketCommand({ Bucket: BUCKET }))
})

afterAll(async () => {
  store?.close()
  sdk?.destroy()
  await swift?.stop()
  await rm(root, { recursive: true, force: true })
})

async function read(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}

test('put, head, get, list and delete, with an awkward key', async () => {
  const key = "copies/prod db/2026-12-03T18:00:00Z+räk*(1)!'~.json"
  const body = Buffer.from('{"hello":"world"}\n')
  await store.put(BUCKET, key, body, 'application/json', { sha256: 'f00', 'source-bytes': '12' })
  expect(await store.head(BUCKET, key)).toEqual({
    bytes: body.length,
    metadata: { sha256: 'f00', 'source-bytes': '12' }
  })
  expect((await read(await store.get(BUCKET, key))).equals(body)).toBe(true)
  expect(await store.listPage(BUCKET, 'copies/prod db/')).toEqual({ keys: [key], next: undefined })
  await store.delete(BUCKET, key)
  await expect(store.head(BUCKET, key)).rejects.toMatchObject({ status: 404 })
  const missing = await store.get(BUCKET, key).catch((e: unknown) => e)
  expect(missing).toBeInstanceOf(S3Error)
  expect(missing).toMatchObject({ status: 404, code: 'NoSuchKey' })
})

test('a listing in pages follows the continuation token to the end', async () => {
  const keys = Array.from({ length: 5 }, (_, i) => `paged/k${i}`)
  for (const key of keys) await store.put(BUCKET, key, Buffer.from(key), 'text/plain', {})
  const seen: string[] = []
  let token: string | undefined
  let pages = 0
  do {
    const page = await store.listPage(BUCKET, 'paged/', token, 2)
    seen.push(...page.keys)
    token = page.next
    pages++
  } while (token)
  expect(seen).toEqual(keys)
  expect(pages).toBe(3)
})

test('a multipart upload stores the parts as one object; an aborted one leaves nothing', async () => {
  const MiB = 1024 * 1024
  const parts = [randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(1234)]
  const key = 'multi/copy.zst.age'
  const id = await store.createUpload(BUCKET, key, 'application/octet-stream', { sha256: 'abc' })
  const etags = await Promise.all(
    parts.map((part, i) => store.uploadPart(BUCKET, key, id, i + 1, part))
  )
  await store.completeUpload(
    BUCKET,
    key,
    id,
    etags.map((etag, i) => ({ partNumber: i + 1, etag }))
  )
  const whole = Buffer.concat(parts)
  const stored = await read(await store.get(BUCKET, key))
  expect(createHash('sha256').update(stored).digest('hex')).toBe(
    createHash('sha256').update(whole).digest('hex')
  )
  expect((await store.head(BUCKET, key)).metadata).toEqual({ sha256: 'abc' })

  const dropped = await store.createUpload(BUCKET, 'multi/dropped', 'application/octet-stream', {})
  await store.uploadPart(BUCKET, 'multi/dropped', dropped, 1, randomBytes(1000))
  await store.abortUpload(BUCKET, 'multi/dropped', dropped)
  const open = await sdk.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }))
  expect(open.Uploads ?? []).toEqual([])
  expect((await store.listPage(BUCKET, 'multi/')).keys).toEqual([key])
})

test('wrong keys are refused by the store, and said so', async () => {
  const wrong = new S3Store({
    endpoint: swift.s3.endpoint,
    region: swift.s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: swift.s3.accessKeyId, secretAccessKey: 'not-the-secret' }
  })
  try {
    await expect(wrong.listPage(BUCKET, '')).rejects.toThrow(
      /^S3 ListObjectsV2 of s3:\/\/store-test\/: 403 SignatureDoesNotMatch/
    )
  } finally {
    wrong.close()
  }
})

test('without keys, the AWS default chain finds them (here in the environment)', async () => {
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY }
  process.env.AWS_ACCESS_KEY_ID = swift.s3.accessKeyId
  process.env.AWS_SECRET_ACCESS_KEY = swift.s3.secretAccessKey
  const chained = new S3Store({
    endpoint: swift.s3.endpoint,
    region: swift.s3.region,
    forcePathStyle: true
  })
  try {
    await store.put(BUCKET, 'chain/probe', Buffer.from('x'), 'text/plain', {})
    expect((await chained.listPage(BUCKET, 'chain/')).keys).toEqual(['chain/probe'])
  } finally {
    chained.close()
    for (const [name, value] of [
      ['AWS_ACCESS_KEY_ID', saved.id],
      ['AWS_SECRET_ACCESS_KEY', saved.secret]
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
})
