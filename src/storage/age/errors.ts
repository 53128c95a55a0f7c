/**
 * Why an age file could not be decrypted. The kinds follow the age test vectors' categories, so
 * a caller (and the tests) can tell a malformed file from a wrong key from tampering.
 */
export type AgeFailure = 'header' | 'no match' | 'hmac' | 'payload'

export class AgeError extends Error {
  readonly kind: AgeFailure
  constructor(kind: AgeFailure, message: string) {
    super(`age: ${message}`)
    this.name = 'AgeError'
    this.kind = kind
  }
}
