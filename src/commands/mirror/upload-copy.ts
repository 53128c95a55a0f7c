import type { S3Store } from '../../storage/s3-store.js'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { DbTarget, Engine } from '../../database/types.js'
import { HashingCounter } from '../../storage/hash.js'
import { uploadStream } from '../../storage/multipart.js'
import { throttle } from '../../storage/throttle.js'
import { compressor } from '../../storage/compress.js'
import { type DumpTool, startDump } from './dump.js'
import { ageEncrypter } from '../../storage/encrypt.js'
import type { DumpSelection } from '../../inputs/dump-selection.js'
import {
  openDumpSnapshot,
  type RowCount,
  type SnapshotCounts
} from '../../database/dump-snapshot.js'

export interface CopyRequest {
  client: S3Store
  bucket: string
  objectKey: string
  metadata: Record<string, string>
  engine: Engine
  target: DbTarget
  /** The final selection: the databases db-info found, the schemas and exclusions. */
  selection: DumpSelection
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
  const snapshot = await openDumpSnapshot(
    request.target,
    request.selection.databases,
    request.quiescent
  )
  try {
    return {
      ...(await dumpInSnapshot(request, snapshot.snapshotId)),
      rowCounts: dumpedCounts(snapshot.counts, request.selection, request.engine)
    }
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
    request.selection,
    snapshotId
  )
  const dumped = new Counter()
  const hasher = new HashingCounter(1024 * 1024)
  let uploaded: Awaited<ReturnType<typeof uploadStream>> | undefined
  const stages: unknown[] = [dump.stdout, dumped, compressor(request.compression, request.level)]
  // Native age (node:crypto's ChaCha20-Poly1305) as one more Transform: no Web-stream bridge,
  // no per-chunk JavaScript cipher.
  if (request.recipients.length > 0) stages.push(ageEncrypter(request.recipients))
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

/**
 * The counts of the tables the dump holds: those in the chosen schemas and not excluded, so a
 * table left out on purpose is not missed by the drill. A row's table is `name` in PostgreSQL's
 * public schema and `schema.name` outside it; for MariaDB it is `name` in `row.database`
 * (database/dump-snapshot.ts). An exclusion's qualifier is the schema or the database.
 */
export function dumpedCounts(
  counts: SnapshotCounts,
  selection: DumpSelection,
  engine: Engine
): SnapshotCounts {
  const dumped = (row: RowCount): boolean => {
    const dot = engine === 'postgresql' ? row.table.indexOf('.') : -1
    const qualifier =
      engine === 'postgresql' ? (dot < 0 ? 'public' : row.table.slice(0, dot)) : row.database
    const name = dot < 0 ? row.table : row.table.slice(dot + 1)
    if (selection.schemas.length > 0 && !selection.schemas.includes(qualifier)) return false
    return !selection.excludeTables.some((item) => {
      const [first, second] = item.split('.') as [string, string | undefined]
      return second === undefined ? first === name : first === qualifier && second === name
    })
  }
  return { ...counts, tables: counts.tables.filter(dumped) }
}
