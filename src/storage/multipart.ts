import { partsInFlight, partSizeFor } from './part-size.js'
import type { S3Store } from './s3-store.js'

export interface UploadTarget {
  bucket: string
  key: string
  contentType: string
  metadata: Record<string, string>
}

export interface UploadOptions {
  /** Base part size in bytes (see partSizeFor). */
  partSize: number
  maxParts: number
  concurrency: number
  signal?: AbortSignal
  /** Called after each part is stored, with the bytes stored so far. */
  onPart?: (partNumber: number, bytesStored: number) => void
  /** Called when the multipart upload exists, so a cancellation can abort it. */
  onStarted?: (uploadId: string) => void
  /** Awaited after the last part, before completing: a throw aborts instead (e.g. the producer failed). */
  beforeComplete?: () => Promise<void>
}

export interface UploadResult {
  uploadId: string
  parts: number
  bytes: number
  largestPartBytes: number
}

/**
 * Streams `body` into one object by multipart upload, holding at most `concurrency` base-size
 * parts' worth of bytes in flight plus the part being filled, so memory does not grow with the
 * object (until parts must grow beyond that budget, past roughly 9 GB at 8 MiB × 4). The object appears
 * under its key only when CompleteMultipartUpload succeeds; any failure aborts the upload, so no
 * partial object is ever visible. (A process killed outright leaves invisible parts behind, which
 * the store or a lifecycle rule cleans up — never an object under the key.)
 */
export async function uploadStream(
  client: S3Store,
  target: UploadTarget,
  body: AsyncIterable<Buffer>,
  options: UploadOptions
): Promise<UploadResult> {
  const uploadId = await client.createUpload(
    target.bucket,
    target.key,
    target.contentType,
    target.metadata,
    options.signal
  )
  options.onStarted?.(uploadId)
  try {
    return await sendParts(client, target, uploadId, body, options)
  } catch (error) {
    await abortUpload(client, target, uploadId)
    throw error
  }
}

export async function abortUpload(
  client: S3Store,
  target: { bucket: string; key: string },
  uploadId: string
): Promise<void> {
  try {
    await client.abortUpload(target.bucket, target.key, uploadId)
  } catch {
    // Best effort: the parts are invisible either way, and the caller reports the first error.
  }
}

async function sendParts(
  client: S3Store,
  target: UploadTarget,
  uploadId: string,
  body: AsyncIterable<Buffer>,
  options: UploadOptions
): Promise<UploadResult> {
  const done: { partNumber: number; etag: string }[] = []
  // Part buffers are reused once their upload settles: a fresh 8 MiB buffer per part would leave
  // hundreds of MB of garbage for the collector, and the process's peak memory would show it.
  let spare: Buffer[] = []
  let spareSize = 0
  const take = (size: number): Buffer => {
    if (size !== spareSize) {
      // Parts grew: smaller buffers are of no further use.
      spare = []
      spareSize = size
    }
    return spare.pop() ?? Buffer.allocUnsafeSlow(size)
  }
  const giveBack = (buffer: Buffer): void => {
    if (buffer.length === spareSize) spare.push(buffer)
  }
  const inFlight = new Set<Promise<void>>()
  let failure: unknown
  let stored = 0
  let largest = 0
  let index = 0

  const send = async (whole: Buffer, length: number): Promise<void> => {
    const part = length === whole.length ? whole : whole.subarray(0, length)
    const partNumber = index + 1
    if (partNumber > options.maxParts) {
      throw new Error(
        `the dump needs more than ${options.maxParts} parts (max-parts); raise part-size`
      )
    }
    // Grown parts take the room of several base ones: fewer in flight keeps memory flat.
    const limit = partsInFlight(options.concurrency, options.partSize, part.length)
    while (inFlight.size >= limit) await Promise.race(inFlight)
    if (failure) throw failure
    options.signal?.throwIfAborted()
    largest = Math.max(largest, part.length)
    const request = client
      .uploadPart(target.bucket, target.key, uploadId, partNumber, part, options.signal)
      .then((etag) => {
        done.push({ partNumber, etag })
        stored += part.length
        options.onPart?.(partNumber, stored)
      })
      .catch((error: unknown) => {
        failure ??= error
      })
      .finally(() => {
        inFlight.delete(request)
        giveBack(whole)
      })
    inFlight.add(request)
  }

  // Each part is filled by copying into one buffer of exactly its size: one copy per byte and
  // no growing arrays of chunks.
  let buffer = take(partSizeFor(0, options.partSize, options.maxParts))
  let filled = 0
  for await (const chunk of body) {
    let offset = 0
    while (offset < chunk.length) {
      const n = Math.min(chunk.length - offset, buffer.length - filled)
      chunk.copy(buffer, filled, offset, offset + n)
      filled += n
      offset += n
      if (filled === buffer.length) {
        await send(buffer, filled)
        index++
        buffer = take(partSizeFor(index, options.partSize, options.maxParts))
        filled = 0
      }
    }
    if (failure) throw failure
  }
  // The last part may be short (or the only, empty, part of an empty stream).
  if (filled > 0 || index === 0) {
    await send(buffer, filled)
    index++
  }
  await Promise.all(inFlight)
  if (failure) throw failure
  await options.beforeComplete?.()
  options.signal?.throwIfAborted()

  done.sort((a, b) => a.partNumber - b.partNumber)
  await client.completeUpload(target.bucket, target.key, uploadId, done, options.signal)
  return { uploadId, parts: done.length, bytes: stored, largestPartBytes: largest }
}
