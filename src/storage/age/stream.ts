import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  type KeyObject,
  createSecretKey
} from 'node:crypto'
import { AgeError } from './errors.js'

/**
 * age's payload: STREAM over ChaCha20-Poly1305. The payload key is HKDF-SHA-256 of the file key
 * with a random 16-byte nonce (written before the payload) as salt. The plaintext is cut into
 * 64 KiB chunks, each sealed with a 12-byte nonce: an 11-byte big-endian chunk counter and a
 * last-chunk flag (1 on the final chunk only). Only the final chunk may be short; it is empty
 * only when the whole payload is.
 */

export const CHUNK = 64 * 1024
export const TAG = 16
export const SEALED_CHUNK = CHUNK + TAG
export const NONCE_BYTES = 16

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32)))
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12)
  // 2^53 chunks of 64 KiB is beyond any file; the upper bytes of the 11-byte counter stay 0.
  nonce.writeUIntBE(Math.floor(counter / 2 ** 32), 3, 4)
  nonce.writeUInt32BE(counter >>> 0, 7)
  if (last) nonce[11] = 1
  return nonce
}

/** Seals one chunk; returns [ciphertext, tag] (two buffers, so nothing is copied twice). */
export function sealChunk(
  key: KeyObject,
  counter: number,
  last: boolean,
  plain: Uint8Array
): Buffer[] {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), {
    authTagLength: TAG
  })
  const sealed = cipher.update(plain)
  cipher.final()
  return [sealed, cipher.getAuthTag()]
}

/** Opens one sealed chunk, or returns undefined when it does not authenticate. */
export function openChunk(
  key: KeyObject,
  counter: number,
  last: boolean,
  sealed: Uint8Array
): Buffer | undefined {
  if (sealed.length < TAG) return undefined
  const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), {
    authTagLength: TAG
  })
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG))
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG))
  try {
    decipher.final()
  } catch {
    return undefined
  }
  return plain
}

/**
 * Decrypts a payload (after the header and its nonce) chunk by chunk, yielding each chunk's
 * plaintext only once it has authenticated. Throws AgeError('payload') on a modified,
 * reordered, truncated or extended stream — after yielding what authenticated before.
 */
export async function* openPayload(
  key: KeyObject,
  first: Buffer,
  rest: AsyncIterator<Buffer>
): AsyncGenerator<Buffer> {
  let pending = first
  let counter = 0
  let ended = false
  for (;;) {
    // Read until more than one sealed chunk is buffered, or the input ends: a full-size chunk
    // followed by more data is not the last one.
    while (!ended && pending.length <= SEALED_CHUNK) {
      const next = await rest.next()
      if (next.done) ended = true
      else pending = pending.length === 0 ? next.value : Buffer.concat([pending, next.value])
    }
    if (!ended) {
      // Whole chunks followed by more data: none of them may be final.
      let offset = 0
      const out: Buffer[] = []
      while (pending.length - offset > SEALED_CHUNK) {
        const sealed = pending.subarray(offset, offset + SEALED_CHUNK)
        const plain = openChunk(key, counter, false, sealed)
        if (!plain) {
          // As the reference implementation does: a final chunk followed by data releases the
          // final chunk (it authenticates) and then fails.
          const last = openChunk(key, counter, true, sealed)
          if (last) out.push(last)
          if (out.length > 0) yield Buffer.concat(out)
          throw new AgeError(
            'payload',
            last
              ? 'data after the final chunk'
              : `chunk ${counter} does not authenticate (modified or reordered)`
          )
        }
        out.push(plain)
        counter++
        offset += SEALED_CHUNK
      }
      pending = pending.subarray(offset)
      if (out.length > 0) yield out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out)
      continue
    }
    // The input ended: what is left is the final chunk.
    if (pending.length === 0) {
      throw new AgeError(
        'payload',
        counter === 0 ? 'no payload chunks' : 'truncated: the final chunk is missing'
      )
    }
    const last = openChunk(key, counter, true, pending)
    if (last) {
      if (last.length === 0 && counter > 0)
        throw new AgeError('payload', 'the final chunk is empty')
      if (last.length > 0) yield last
      return
    }
    const full = pending.length === SEALED_CHUNK && openChunk(key, counter, false, pending)
    if (full) {
      yield full
      throw new AgeError('payload', 'truncated: the final chunk is missing')
    }
    throw new AgeError(
      'payload',
      `final chunk ${counter} does not authenticate (modified or truncated)`
    )
  }
}
