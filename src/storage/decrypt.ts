import type { Readable } from 'node:stream'
import { ageDecrypt } from './age/decrypt.js'
import { AgeError } from './age/errors.js'

export { AgeError, type AgeFailure } from './age/errors.js'

/** A wrong or missing identity: the copy was encrypted to other keys (kind `no match`). */
export class IdentityMismatch extends AgeError {
  constructor() {
    super('no match', 'age-identity does not match any recipient the copy was encrypted to')
    this.name = 'IdentityMismatch'
  }
}

/**
 * Decrypts an age file (as the `age` CLI or our mirror writes it) with X25519 identities
 * (`AGE-SECRET-KEY-1…`). Resolves when the header is read, a file key unwrapped and the header
 * MAC checked — no matching identity rejects with IdentityMismatch, a tampered header with
 * AgeError — and then streams the plaintext, each 64 KiB chunk only once it has authenticated;
 * a modified or truncated payload makes the stream error. Identities are secrets: no message
 * quotes them.
 */
export async function decryptStream(input: Readable, identities: string[]): Promise<Readable> {
  try {
    return await ageDecrypt(input, identities)
  } catch (error) {
    input.destroy()
    if (error instanceof AgeError && error.kind === 'no match') throw new IdentityMismatch()
    throw error
  }
}
