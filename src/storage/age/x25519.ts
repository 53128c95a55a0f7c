import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject
} from 'node:crypto'
import { bech32Decode, bech32Encode } from './bech32.js'
import { AgeError } from './errors.js'
import { decodeBase64, encodeBase64, type Stanza } from './header.js'

/**
 * age's X25519 recipient type on Node's native X25519 and ChaCha20-Poly1305: an ephemeral key
 * agreement with the recipient, HKDF-SHA-256 over (ephemeral share ‖ recipient) for the wrap
 * key, and the 16-byte file key sealed under it with an all-zero nonce (each wrap key is used
 * once).
 */

const LABEL = 'age-encryption.org/v1/X25519'
// DER framing of a raw 32-byte X25519 key (RFC 8410), so node:crypto imports it as a KeyObject.
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex')
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex')
const ZERO_NONCE = Buffer.alloc(12)

function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
}

function rawPublic(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length)
}

export interface X25519Identity {
  privateKey: KeyObject
  /** The raw public key, which the wrap key's salt includes. */
  publicKey: Buffer
}

/** `age1…` → the raw 32-byte public key. */
export function parseRecipient(text: string): Buffer {
  let decoded: ReturnType<typeof bech32Decode>
  try {
    decoded = bech32Decode(text)
  } catch (error) {
    throw new Error(`not an age recipient (${(error as Error).message})`, { cause: error })
  }
  // Recipients are lower case; identities upper case.
  if (decoded.prefix !== 'age' || text !== text.toLowerCase() || decoded.data.length !== 32)
    throw new Error('not an age X25519 recipient (age1…)')
  return decoded.data
}

/** `AGE-SECRET-KEY-1…` → the identity. The message never quotes the key. */
export function parseIdentity(text: string): X25519Identity {
  let decoded: ReturnType<typeof bech32Decode>
  try {
    decoded = bech32Decode(text)
  } catch (error) {
    throw new Error(`not an age identity (${(error as Error).message})`, { cause: error })
  }
  if (decoded.prefix !== 'age-secret-key-' || decoded.data.length !== 32)
    throw new Error('not an age X25519 identity (AGE-SECRET-KEY-1…)')
  const privateKey = importPrivateKey(Buffer.concat([PKCS8_PREFIX, decoded.data]))
  return { privateKey, publicKey: rawPublic(createPublicKey(privateKey)) }
}

/**
 * Imports the PKCS#8 key, once more if the first import fails. Seen in the age test vectors'
 * run: now and then the same valid key failed with an ASN.1 "too long" error after vectors
 * whose decryption had failed inside OpenSSL, and the next import of it succeeded: an error
 * left over from the earlier failure, not one of this key. A key that is really bad fails twice.
 */
function importPrivateKey(der: Buffer): KeyObject {
  const pkcs8 = { key: der, format: 'der', type: 'pkcs8' } as const
  try {
    return createPrivateKey(pkcs8)
  } catch {
    return createPrivateKey(pkcs8)
  }
}

/** A fresh key pair as age-keygen writes it (for tests and tools). */
export function generateIdentity(): { identity: string; recipient: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519')
  const secret = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length)
  return {
    identity: bech32Encode('AGE-SECRET-KEY-', secret, true),
    recipient: bech32Encode('age', rawPublic(publicKey))
  }
}

function agree(privateKey: KeyObject, peer: Uint8Array): Buffer {
  let shared: Buffer
  try {
    shared = diffieHellman({ privateKey, publicKey: publicKeyObject(peer) })
  } catch {
    // OpenSSL refuses a low-order point (the shared secret would be all zeros).
    throw new AgeError('header', 'X25519 share is a low-order point')
  }
  if (shared.every((b) => b === 0))
    throw new AgeError('header', 'X25519 share is a low-order point')
  return shared
}

function wrapKey(shared: Uint8Array, share: Uint8Array, recipient: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([share, recipient]), LABEL, 32))
}

export function wrapFileKey(fileKey: Uint8Array, recipient: Buffer): Stanza {
  const ephemeral = generateKeyPairSync('x25519')
  const share = rawPublic(ephemeral.publicKey)
  const key = wrapKey(agree(ephemeral.privateKey, recipient), share, recipient)
  const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 })
  const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()])
  return { type: 'X25519', args: [encodeBase64(share)], body }
}

/**
 * The file key from an X25519 stanza, or undefined if it is not for this identity. A malformed
 * X25519 stanza is an error, whoever it is for.
 */
export function unwrapFileKey(stanza: Stanza, identity: X25519Identity): Buffer | undefined {
  if (stanza.args.length !== 1) throw new AgeError('header', 'X25519 stanza needs one argument')
  const share = decodeBase64(stanza.args[0] as string)
  if (share.length !== 32) throw new AgeError('header', 'X25519 share is not 32 bytes')
  if (stanza.body.length !== 32) throw new AgeError('header', 'X25519 stanza body is not 32 bytes')
  const key = wrapKey(agree(identity.privateKey, share), share, identity.publicKey)
  const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 })
  decipher.setAuthTag(stanza.body.subarray(16))
  try {
    return Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()])
  } catch {
    return undefined
  }
}
