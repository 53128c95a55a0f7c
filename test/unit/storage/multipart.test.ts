import { describe, expect, test } from '@jest/globals'
import { Readable } from 'node:stream'
import { uploadStream } from '../../../src/storage/multipart.js'
import type { S3Store } from '../../../src/storage/s3-store.js'

const MiB = 1024 * 1024

/** A store double: records every call; `failPart` makes that part's upload fail. */
function fakeStore(failPart?: number) {
  const calls: { name: string; input: Record<string, unknown> }[] = []
  const bodies = new Map<number, Buffer>()
  let inFlight = 0
  let maxInFlight = 0
  const client = {
    async createUpload(bucket: string, key: string) {
      calls.push({ name: 'CreateMultipartUpload', input: { bucket, key } })
      return 'u-1'
    },
    async uploadPart(
      _bucket: string,
      _key: string,
      uploadId: string,
      partNumber: number,
      body: Buffer
    ) {
      calls.push({ name: 'UploadPart', input: { uploadId, partNumber, bytes: body.length } })
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((r) => setTimeout(r, 5))
      // Read the body at the end of the request, as a slow socket would.
      bodies.set(partNumber, Buffer.from(body))
      inFlight--
      if (partNumber === failPart) throw new Error('503 SlowDown')
      return `"e${String(partNumber)}"`
    },
    async completeUpload(_bucket: string, _key: string, uploadId: string, parts: unknown) {
      calls.push({ name: 'CompleteMultipartUpload', input: { uploadId, parts } })
    },
    async abortUpload(_bucket: string, _key: string, uploadId: string) {
      calls.push({ name: 'AbortMultipartUpload', input: { uploadId } })
    }
  }
  return {
    client: client as unknown as S3Store,
    calls,
    maxInFlight: () => maxInFlight,
    stored: () => Buffer.concat([...bodies.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]))
  }
}

function bytes(total: number, chunk = 100_000): Readable {
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < total; sent += chunk)
        yield Buffer.alloc(Math.min(chunk, total - sent), 7)
    })()
  )
}

const target = {
  bucket: 'b',
  key: 'k',
  contentType: 'application/octet-stream',
  metadata: { a: '1' }
}

describe('uploadStream', () => {
  test('cuts the stream into parts of the base size, a short last one, then completes', async () => {
    const store = fakeStore()
    const result = await uploadStream(store.client, target, bytes(12 * MiB + 5), {
      partSize: 5 * MiB,
      maxParts: 1000,
      concurrency: 2
    })
    const parts = store.calls.filter((c) => c.name === 'UploadPart')
    expect(parts.map((p) => p.input.bytes)).toEqual([5 * MiB, 5 * MiB, 2 * MiB + 5])
    expect(result).toMatchObject({ parts: 3, bytes: 12 * MiB + 5 })
    const complete = store.calls.at(-1)
    expect(complete?.name).toBe('CompleteMultipartUpload')
    expect(complete?.input.parts).toEqual(
      [1, 2, 3].map((n) => ({ partNumber: n, etag: `"e${n}"` }))
    )
    expect(store.maxInFlight()).toBeLessThanOrEqual(2)
  })

  test('reused part buffers never change a part before its upload has finished', async () => {
    const store = fakeStore()
    const input = Buffer.alloc(23 * MiB + 123)
    for (let i = 0; i + 4 <= input.length; i += 4) input.writeUInt32LE(i, i)
    const chunks = Readable.from(
      (function* () {
        for (let at = 0; at < input.length; at += 65_536) yield input.subarray(at, at + 65_536)
      })()
    )
    await uploadStream(store.client, target, chunks, {
      partSize: 5 * MiB,
      maxParts: 1000,
      concurrency: 2
    })
    expect(store.stored().equals(input)).toBe(true)
  })

  test('parts grow past half the part limit instead of failing at the limit', async () => {
    const store = fakeStore()
    await uploadStream(store.client, target, bytes(40 * MiB, MiB), {
      partSize: 5 * MiB,
      maxParts: 4,
      concurrency: 1
    })
    const sizes = store.calls.filter((c) => c.name === 'UploadPart').map((p) => p.input.bytes)
    expect(sizes).toEqual([5 * MiB, 5 * MiB, 10 * MiB, 20 * MiB])
  })

  test('a failed part aborts the upload: nothing is completed under the key', async () => {
    const store = fakeStore(2)
    await expect(
      uploadStream(store.client, target, bytes(20 * MiB), {
        partSize: 5 * MiB,
        maxParts: 1000,
        concurrency: 2
      })
    ).rejects.toThrow('503 SlowDown')
    const names = store.calls.map((c) => c.name)
    expect(names).toContain('AbortMultipartUpload')
    expect(names).not.toContain('CompleteMultipartUpload')
  })

  test('a stream that fails midway aborts the upload', async () => {
    const store = fakeStore()
    const broken = Readable.from(
      (function* () {
        yield Buffer.alloc(6 * MiB)
        throw new Error('pg_dump died')
      })()
    )
    await expect(
      uploadStream(store.client, target, broken, {
        partSize: 5 * MiB,
        maxParts: 1000,
        concurrency: 2
      })
    ).rejects.toThrow('pg_dump died')
    expect(store.calls.map((c) => c.name)).toEqual(
      expect.arrayContaining(['CreateMultipartUpload', 'AbortMultipartUpload'])
    )
    expect(store.calls.map((c) => c.name)).not.toContain('CompleteMultipartUpload')
  })

  test('more data than max-parts can hold fails and aborts', async () => {
    const store = fakeStore()
    await expect(
      uploadStream(store.client, target, bytes(30 * MiB, MiB), {
        partSize: 5 * MiB,
        maxParts: 1,
        concurrency: 1
      })
    ).rejects.toThrow(/more than 1 parts/)
    expect(store.calls.map((c) => c.name)).toContain('AbortMultipartUpload')
  })
})
