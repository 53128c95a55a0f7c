import { Encrypter } from 'age-encryption'
import { Readable } from 'node:stream'

/**
 * Encrypts a Node stream to age recipients with the age authors' library, which works on Web
 * streams. The bridge pulls one chunk at a time, so backpressure reaches the dump process and
 * memory stays flat (Readable.toWeb would read ahead).
 */
export async function encryptStream(input: Readable, recipients: string[]): Promise<Readable> {
  const encrypter = new Encrypter()
  for (const recipient of recipients) encrypter.addRecipient(recipient)
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const plain = new ReadableStream<Uint8Array>(
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
  const encrypted = await encrypter.encrypt(plain)
  return Readable.fromWeb(encrypted as import('node:stream/web').ReadableStream<Uint8Array>, {
    highWaterMark: 1024 * 1024
  })
}
