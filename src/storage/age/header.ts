import { createHmac, hkdfSync } from 'node:crypto'
import { AgeError } from './errors.js'

/**
 * The age v1 header (age-encryption.org/v1): the version line, one stanza per recipient, and
 * an HMAC-SHA-256 under a key derived from the file key that binds them all.
 *
 *     age-encryption.org/v1
 *     -> X25519 <base64 share>
 *     <base64 body, 64 columns, the last line shorter (possibly empty)>
 *     --- <base64 MAC>
 *
 * Base64 is the standard alphabet without padding, and must be canonical.
 */

export const VERSION_LINE = 'age-encryption.org/v1'
/** Far more than any real header (a stanza is about 100 bytes); a bound for what we buffer. */
export const MAX_HEADER_BYTES = 1024 * 1024

export interface Stanza {
  type: string
  args: string[]
  body: Buffer
}

export interface ParsedHeader {
  stanzas: Stanza[]
  /** The header's bytes up to and including `---`: what the MAC covers. */
  macInput: Buffer
  mac: Buffer
  /** Bytes of the header, through the MAC line's newline. */
  length: number
}

const BASE64 = /^[A-Za-z0-9+/]*$/

export function encodeBase64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    .toString('base64')
    .replace(/=+$/, '')
}

/** Strict: no padding, no stray characters, and the unused low bits of the last one zero. */
export function decodeBase64(text: string): Buffer {
  if (!BASE64.test(text) || text.length % 4 === 1) throw new AgeError('header', 'invalid base64')
  const data = Buffer.from(text, 'base64')
  if (encodeBase64(data) !== text) throw new AgeError('header', 'non-canonical base64')
  return data
}

function isArgument(text: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x21 || c > 0x7e) return false
  }
  return true
}

export function encodeStanza(stanza: Stanza): string {
  let text = `-> ${[stanza.type, ...stanza.args].join(' ')}\n`
  const body = encodeBase64(stanza.body)
  for (let i = 0; i + 64 <= body.length; i += 64) text += `${body.slice(i, i + 64)}\n`
  // The body always ends with a short line, empty when it fills whole lines.
  text += `${body.slice(body.length - (body.length % 64))}\n`
  return text
}

export function headerMacKey(fileKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32))
}

export function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Buffer {
  return createHmac('sha256', headerMacKey(fileKey)).update(macInput).digest()
}

/** The whole header for `stanzas`, MAC included. */
export function encodeHeader(stanzas: Stanza[], fileKey: Uint8Array): Buffer {
  const macInput = Buffer.from(
    `${VERSION_LINE}\n${stanzas.map(encodeStanza).join('')}---`,
    'latin1'
  )
  const mac = headerMac(fileKey, macInput)
  return Buffer.concat([macInput, Buffer.from(` ${encodeBase64(mac)}\n`, 'latin1')])
}

/**
 * Parses a header at the start of `data`. Returns undefined when `data` ends before the MAC
 * line does (read more); throws AgeError('header') when it is malformed.
 */
export function parseHeader(data: Buffer): ParsedHeader | undefined {
  let position = 0
  // The next line without its newline, or undefined if it is not complete yet.
  const line = (): string | undefined => {
    const end = data.indexOf(0x0a, position)
    if (end < 0) {
      if (data.length - position > MAX_HEADER_BYTES) throw new AgeError('header', 'header too long')
      return undefined
    }
    const text = data.toString('latin1', position, end)
    position = end + 1
    return text
  }
  const version = line()
  if (version === undefined) {
    if (!Buffer.from(`${VERSION_LINE}\n`).subarray(0, data.length).equals(data.subarray(0, 22)))
      throw new AgeError('header', 'not an age v1 file')
    return undefined
  }
  if (version !== VERSION_LINE)
    throw new AgeError('header', 'not an age v1 file (unknown version line)')
  const stanzas: Stanza[] = []
  for (;;) {
    const lineStart = position
    const text = line()
    if (text === undefined) return undefined
    if (text.startsWith('--- ')) {
      const mac = decodeBase64(text.slice(4))
      if (mac.length !== 32) throw new AgeError('header', 'header MAC has the wrong length')
      return {
        stanzas,
        macInput: data.subarray(0, lineStart + 3),
        mac,
        length: position
      }
    }
    if (!text.startsWith('-> ')) throw new AgeError('header', 'malformed header line')
    const args = text.slice(3).split(' ')
    if (!args.every(isArgument)) throw new AgeError('header', 'malformed stanza arguments')
    const lines: string[] = []
    for (;;) {
      const bodyLine = line()
      if (bodyLine === undefined) return undefined
      if (bodyLine.length > 64) throw new AgeError('header', 'stanza body line too long')
      lines.push(bodyLine)
      if (bodyLine.length < 64) break
    }
    const [type, ...rest] = args as [string, ...string[]]
    stanzas.push({ type, args: rest, body: decodeBase64(lines.join('')) })
  }
}
