import { randomBytes, type KeyObject } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { encodeHeader } from './header.js'
import { CHUNK, NONCE_BYTES, payloadKey, sealChunk } from './stream.js'
import { parseRecipient, wrapFileKey } from './x25519.js'

/**
 * Encrypts to age X25519 recipients as a Transform, in native code (OpenSSL's ChaCha20-Poly1305
 * through node:crypto): the header and payload nonce first, then the sealed chunks. A full
 * chunk is held back until more input shows it is not the last, because the final chunk carries
 * the last-chunk flag and may itself be full.
 */
export class AgeEncrypter extends Transform {
  private readonly key: KeyObject
  // The chunk being filled; reused, so input arriving in small pieces costs one copy.
  private readonly pending = Buffer.allocUnsafeSlow(CHUNK)
  private filled = 0
  private counter = 0

  constructor(recipients: string[], options: { highWaterMark?: number } = {}) {
    super({ highWaterMark: options.highWaterMark ?? 1024 * 1024 })
    if (recipients.length === 0) throw new Error('age: no recipients')
    const keys = recipients.map(parseRecipient)
    const fileKey = randomBytes(16)
    const nonce = randomBytes(NONCE_BYTES)
    this.key = payloadKey(fileKey, nonce)
    const header = encodeHeader(
      keys.map((k) => wrapFileKey(fileKey, k)),
      fileKey
    )
    this.push(Buffer.concat([header, nonce]))
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let offset = 0
    while (offset < chunk.length) {
      if (this.filled === CHUNK) {
        this.seal(this.pending, false)
        this.filled = 0
      }
      if (this.filled === 0 && chunk.length - offset > CHUNK) {
        // Whole chunks straight from the input, no copy; the input's last full chunk is held
        // back (below) in case nothing follows it.
        this.seal(chunk.subarray(offset, offset + CHUNK), false)
        offset += CHUNK
        continue
      }
      const n = Math.min(CHUNK - this.filled, chunk.length - offset)
      chunk.copy(this.pending, this.filled, offset, offset + n)
      this.filled += n
      offset += n
    }
    callback()
  }

  // Ciphertext and tag are pushed as they come: concatenating them would allocate and copy
  // every byte once more (the upload copies them into its part buffers anyway).
  private seal(plain: Buffer, last: boolean): void {
    for (const piece of sealChunk(this.key, this.counter++, last, plain)) this.push(piece)
  }

  override _flush(callback: TransformCallback): void {
    // Empty only when the whole payload is.
    this.seal(this.pending.subarray(0, this.filled), true)
    callback()
  }
}
