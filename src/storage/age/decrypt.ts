import { Readable } from 'node:stream'
import { AgeError } from './errors.js'
import { headerMac, MAX_HEADER_BYTES, parseHeader, type ParsedHeader } from './header.js'
import { NONCE_BYTES, openPayload, payloadKey } from './stream.js'
import { parseIdentity, unwrapFileKey } from './x25519.js'
import { timingSafeEqual } from 'node:crypto'

/**
 * Decrypts an age file with X25519 identities (`AGE-SECRET-KEY-1…`). Resolves once the header
 * has parsed, a file key has been unwrapped and the header MAC checks, so a wrong key or a
 * tampered header rejects here; the payload then streams, each chunk released only after it
 * authenticates, and the stream errors (AgeError 'payload') if it was modified or truncated.
 */
export async function ageDecrypt(
  input: AsyncIterable<Buffer>,
  identities: string[]
): Promise<Readable> {
  const keys = identities.map(parseIdentity)
  if (keys.length === 0) throw new Error('age: no identities')
  const iterator = input[Symbol.asyncIterator]()
  let data = Buffer.alloc(0)
  let header: ParsedHeader | undefined
  while (!(header = parseHeader(data))) {
    if (data.length > MAX_HEADER_BYTES) throw new AgeError('header', 'header too long')
    const next = await iterator.next()
    if (next.done) throw new AgeError('header', 'the file ends inside the header')
    data = data.length === 0 ? Buffer.from(next.value) : Buffer.concat([data, next.value])
  }
  const { stanzas } = header
  if (stanzas.some((s) => s.type === 'scrypt') && stanzas.length > 1)
    throw new AgeError('header', 'an scrypt stanza must be the only one')
  let fileKey: Buffer | undefined
  for (const key of keys) {
    for (const stanza of stanzas) {
      if (stanza.type !== 'X25519') continue
      fileKey = unwrapFileKey(stanza, key)
      if (fileKey) break
    }
    if (fileKey) break
  }
  if (!fileKey) throw new AgeError('no match', 'no identity matches any recipient of the file')
  if (!timingSafeEqual(headerMac(fileKey, header.macInput), header.mac))
    throw new AgeError('hmac', 'the header MAC does not match (the header was modified)')
  let rest = data.subarray(header.length)
  while (rest.length < NONCE_BYTES) {
    const next = await iterator.next()
    if (next.done) throw new AgeError('header', 'the file ends before the payload nonce')
    rest = Buffer.concat([rest, next.value])
  }
  const key = payloadKey(fileKey, rest.subarray(0, NONCE_BYTES))
  // No read-ahead beyond what the reader takes: a stream that fails is destroyed, and
  // destroying drops buffered data, so every chunk that authenticated must be taken first.
  return Readable.from(openPayload(key, rest.subarray(NONCE_BYTES), iterator), {
    objectMode: false,
    highWaterMark: 1
  })
}
