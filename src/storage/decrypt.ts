import type { Readable } from 'node:stream'
import { ageDecrypt } from './age/decrypt.js'

export { AgeError, type AgeFailure } from './age/errors.js'

/**
 * Decrypts an age file (as the `age` CLI or our mirror writes it) with X25519 identities
 * (`AGE-SECRET-KEY-1…`). Resolves when the header is read, a file key unwrapped and the header
 * MAC checked — a wrong key or a tampered header rejects with AgeError — and then streams the
 * plaintext, each 64 KiB chunk only once it has authenticated; a modified or truncated payload
 * makes the stream error. Identities are secrets: no message quotes them.
 */
export function decryptStream(input: Readable, identities: string[]): Promise<Readable> {
  return ageDecrypt(input, identities)
}
