import type { Readable, Transform } from 'node:stream'
import { AgeEncrypter } from './age/encrypt.js'

/**
 * age encryption to X25519 recipients (`age1…`), in native code: the format is implemented on
 * node:crypto (src/storage/age/), so encryption costs OpenSSL's ChaCha20-Poly1305, not
 * JavaScript. The `age` CLI decrypts what this writes.
 */
export function ageEncrypter(recipients: string[]): Transform {
  return new AgeEncrypter(recipients)
}

/** `input` encrypted; backpressure passes through (a Transform, nothing read ahead). */
export async function encryptStream(input: Readable, recipients: string[]): Promise<Readable> {
  const encrypter = ageEncrypter(recipients)
  input.on('error', (error) => encrypter.destroy(error))
  return input.pipe(encrypter)
}
