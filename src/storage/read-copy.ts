import { createHash } from 'node:crypto'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import zlib from 'node:zlib'
import { decryptStream } from './decrypt.js'
import { GarbagePacer } from './garbage.js'

/** What the manifest says the stored object is. */
export interface StoredCopy {
  bytes: number
  sha256: string
  compression: 'zstd' | 'gzip'
  encrypted: boolean
}

/** The stored bytes are not those the manifest describes (changed, truncated, or longer). */
export class CopyMismatch extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CopyMismatch'
  }
}

/**
 * Counts and hashes the downloaded bytes and compares them with the manifest when the download
 * ends: a mismatch fails the stream before its end reaches the restore, so the restore never
 * sees a clean end of a copy that is not the one the manifest describes. A copy longer than the
 * manifest says fails as soon as it passes that size.
 */
export class CheckedDownload extends Transform {
  bytes = 0
  private readonly hash = createHash('sha256')
  private readonly expected: StoredCopy
  private readonly pacer = new GarbagePacer()
  sha256 = ''

  constructor(expected: StoredCopy) {
    super({ highWaterMark: 1024 * 1024 })
    this.expected = expected
  }

  override _transform(chunk: Buffer, _e: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    if (this.bytes > this.expected.bytes) {
      callback(
        new CopyMismatch(
          `the stored object is longer than the ${this.expected.bytes} bytes its manifest says`
        )
      )
      return
    }
    this.hash.update(chunk)
    this.pacer.passed(chunk.length)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    this.sha256 = this.hash.digest('hex')
    if (this.bytes < this.expected.bytes) {
      callback(
        new CopyMismatch(
          `the stored object is truncated: ${this.bytes} of the ${this.expected.bytes} bytes its manifest says`
        )
      )
      return
    }
    if (this.sha256 !== this.expected.sha256) {
      callback(
        new CopyMismatch(
          `sha256 of the stored object is ${this.sha256}, its manifest says ${this.expected.sha256}: the copy was changed`
        )
      )
      return
    }
    callback()
  }
}

/**
 * The stages between the download and the restore tool: check (size, SHA-256) → age decrypt
 * (when encrypted) → decompress. Every stage streams with backpressure; nothing is buffered
 * whole. `download` is the checker, for its byte count and hash.
 */
export function copyStages(
  expected: StoredCopy,
  identities: string[]
): { download: CheckedDownload; stages: unknown[] } {
  const download = new CheckedDownload(expected)
  const stages: unknown[] = [download]
  if (expected.encrypted) {
    stages.push(async function* (source: AsyncIterable<Buffer>) {
      yield* await decryptStream(Readable.from(source, { objectMode: false }), identities)
    })
  }
  stages.push(decompressor(expected.compression))
  return { download, stages }
}

const CHUNK = 256 * 1024

export function decompressor(algorithm: 'zstd' | 'gzip'): Transform {
  if (algorithm === 'gzip') return zlib.createGunzip({ chunkSize: CHUNK })
  return zlib.createZstdDecompress({ chunkSize: CHUNK })
}
