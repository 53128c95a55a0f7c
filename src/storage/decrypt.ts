import { Decrypter } from 'age-encryption'
import { Readable } from 'node:stream'

/** A wrong or missing identity: the copy was encrypted to other keys. */
export class IdentityMismatch extends Error {
  constructor(cause: unknown) {
    super('age-identity does not match any recipient the copy was encrypted to', { cause })
    this.name = 'IdentityMismatch'
  }
}

/**
 * Decrypts an age stream (what encrypt.ts writes) with the given identities (AGE-SECRET-KEY-1…)
 * through the age authors' library. The header is read before this resolves, so a wrong
 * identity fails here, before any plaintext reaches the restore; a damaged or truncated body
 * fails while streaming (age authenticates every 64 KiB chunk and marks the last one). Like
 * encrypt.ts, the bridge pulls one chunk at a time: backpressure reaches the download.
 */
export async function decryptStream(input: Readable, identities: string[]): Promise<Readable> {
  const decrypter = new Decrypter()
  for (const identity of identities) decrypter.addIdentity(identity)
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const sealed = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await iterator.next()
        if (done) controller.close()
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
      },
      async cancel(reason) {
        input.destroy(reason instanceof Error ? reason : undefined)
      }
    },
    { highWaterMark: 1 }
  )
  let plain: ReadableStream<Uint8Array>
  try {
    plain = await decrypter.decrypt(sealed)
  } catch (error) {
    input.destroy()
    if (/no identity matched/i.test(String((error as Error)?.message ?? error)))
      throw new IdentityMismatch(error)
    throw error
  }
  return Readable.fromWeb(plain as import('node:stream/web').ReadableStream<Uint8Array>, {
    highWaterMark: 1024 * 1024
  })
}
