import { createHash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { GarbagePacer } from './garbage.js'

/** Chunks the hasher holds for its reader, at most (its output side counts chunks, not bytes). */
const CHUNKS_AHEAD = 16

/**
 * Counts and hashes the bytes that pass, i.e. exactly the bytes stored; keeps the dead Buffers
 * of the stream few while it does (garbage.ts).
 *
 * Its reader gets the chunks one by one, as they came: the output side is in object mode. A
 * byte stream's read(), which its async iterator calls, joins everything buffered into one new
 * Buffer, and the upload reads the hasher that way: a copy of every stored byte, in fresh memory.
 */
export class HashingCounter extends Transform {
  bytes = 0
  private readonly hash = createHash('sha256')
  private readonly pacer = new GarbagePacer()
  private digest: string | undefined

  /** `bytesAhead`: how much of the input may wait to be hashed. */
  constructor(bytesAhead?: number) {
    super({
      ...(bytesAhead !== undefined && { writableHighWaterMark: bytesAhead }),
      readableObjectMode: true,
      readableHighWaterMark: CHUNKS_AHEAD
    })
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    this.hash.update(chunk)
    this.pacer.passed(chunk.length)
    callback(null, chunk)
  }

  /** Hex SHA-256; call once the stream has ended. */
  sha256(): string {
    this.digest ??= this.hash.digest('hex')
    return this.digest
  }
}
