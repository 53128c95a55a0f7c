import type { S3Client } from '@aws-sdk/client-s3'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { DbTarget, Engine } from '../../database/types.js'
import { HashingCounter } from '../../storage/hash.js'
import { uploadStream } from '../../storage/multipart.js'
import { throttle } from '../../storage/throttle.js'
import { compressor } from '../../storage/compress.js'
import { type DumpTool, startDump } from './dump.js'
import { encryptStream } from '../../storage/encrypt.js'
import { openDumpSnapshot, type SnapshotCounts } from '../../database/dump-snapshot.js'

export interface CopyRequest {
  client: S3Client
  bucket: string
  objectKey: string
  metadata: Record<string, string>
  engine: Engine
  target: DbTarget
  databases: string[]
  tool: DumpTool
  /** A temporary instance restored from a backup, which nothing else writes to. */
  quiescent: boolean
  compression: 'zstd' | 'gzip'
  level: number
  recipients: string[]
  partSize: number
  maxParts: number
  concurrency: number
  bandwidthLimit?: number
  signal: AbortSignal
  onStarted: (uploadId: string) => void
  onPart?: (part: number, bytes: number) => void
}

export interface CopyResult {
  dumpBytes: number
  storedBytes: number
  sha256: string
  parts: number
  largestPartBytes: number
  rowCounts: SnapshotCounts
}

class Counter extends Transform {
  bytes = 0
  override _transform(chunk: Buffer, _e: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    callback(null, chunk)
  }
}

/**
 * dump → count → compress → (age) → hash → (throttle) → multipart upload, all streaming with
 * backpressure: the dump tool is paused while the store is slower, never buffered.
 */
export async function dumpToStore(request: CopyRequest): Promise<CopyResult> {
  const snapshot = await openDumpSnapshot(request.target, request.databases, request.quiescent)
  try {
    return { ...(await dumpInSnapshot(request, snapshot.snapshotId)), rowCounts: snapshot.counts }
  } finally {
    // pg_dump needs the exporting transaction open only until it has imported the snapshot,
    // but holding it to the end costs nothing and keeps the rule simple.
    await snapshot.release()
  }
}

async function dumpInSnapshot(
  request: CopyRequest,
  snapshotId: string | undefined
): Promise<Omit<CopyResult, 'rowCounts'>> {
  const dump = startDump(
    request.tool,
    request.engine,
    request.target,
    request.databases,
    snapshotId
  )
  const dumped = new Counter()
  const hasher = new HashingCounter({ highWaterMark: 1024 * 1024 })
  let uploaded: Awaited<ReturnType<typeof uploadStream>> | undefined
  const stages: unknown[] = [dump.stdout, dumped, compressor(request.compression, request.level)]
  if (request.recipients.length > 0) {
    stages.push(async function* (source: AsyncIterable<Buffer>) {
      yield* await encryptStream(Readable.from(source, { objectMode: false }), request.recipients)
    })
  }
  stages.push(hasher)
  if (request.bandwidthLimit) stages.push(throttle(request.bandwidthLimit))
  stages.push(async (source: AsyncIterable<Buffer>) => {
    uploaded = await uploadStream(
      request.client,
      {
        bucket: request.bucket,
        key: request.objectKey,
        contentType: 'application/octet-stream',
        metadata: request.metadata
      },
      source,
      {
        partSize: request.partSize,
        maxParts: request.maxParts,
        concurrency: request.concurrency,
        signal: request.signal,
        onStarted: request.onStarted,
        // A dump tool that fails still ends its stdout normally: its exit code decides before
        // the upload may complete, so a truncated dump never becomes an object.
        beforeComplete: () => dump.finished,
        ...(request.onPart && { onPart: request.onPart })
      }
    )
  })
  try {
    await (pipeline as unknown as (s: unknown[], o: { signal: AbortSignal }) => Promise<void>)(
      stages,
      { signal: request.signal }
    )
    await dump.finished
  } catch (error) {
    if (dump.child.exitCode === null) dump.child.kill('SIGTERM')
    // The tool's own message says more than "premature close" when it failed first.
    const toolError = await Promise.race([
      dump.finished.then(
        () => undefined,
        (e: unknown) => e
      ),
      new Promise((resolve) => setTimeout(resolve, 2_000, undefined))
    ])
    throw toolError && dump.child.signalCode === null ? toolError : error
  }
  if (!uploaded) throw new Error('the upload did not finish')
  return {
    dumpBytes: dumped.bytes,
    storedBytes: hasher.bytes,
    sha256: hasher.sha256(),
    parts: uploaded.parts,
    largestPartBytes: uploaded.largestPartBytes
  }
}
