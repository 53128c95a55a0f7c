import { createHash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { GarbagePacer } from './garbage.js'

/**
 * Counts and hashes the bytes that pass, i.e. exactly the bytes stored; keeps the dead Buffers
 * of the stream few while it does (garbage.ts).
 */
export class HashingCounter extends Transform {
  bytes = 0
  private readonly hash = createHash('sha256')
  private readonly pacer = new GarbagePacer()
  private digest: string | undefined

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
