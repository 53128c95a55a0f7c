/**
 * Bech32 (BIP 173, the original checksum constant 1, not Bech32m) as age uses it for keys:
 * `age1…` recipients and `AGE-SECRET-KEY-1…` identities. Unlike BIP 173, age sets no length
 * limit. A string is all lower case or all upper case, never mixed.
 */

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]

function polymod(values: number[]): number {
  let chk = 1
  for (const value of values) {
    const top = chk >>> 25
    chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ (GENERATOR[i] as number)) >>> 0
  }
  return chk
}

function expandPrefix(prefix: string): number[] {
  const out: number[] = []
  for (let i = 0; i < prefix.length; i++) out.push(prefix.charCodeAt(i) >>> 5)
  out.push(0)
  for (let i = 0; i < prefix.length; i++) out.push(prefix.charCodeAt(i) & 31)
  return out
}

/** Regroups bits (8 → 5 or 5 → 8); when narrowing back, leftover bits must be zero padding. */
function convertBits(data: ArrayLike<number>, from: number, to: number, pad: boolean): number[] {
  let acc = 0
  let bits = 0
  const out: number[] = []
  const max = (1 << to) - 1
  for (let i = 0; i < data.length; i++) {
    acc = (acc << from) | (data[i] as number)
    bits += from
    while (bits >= to) {
      bits -= to
      out.push((acc >>> bits) & max)
    }
    acc &= (1 << bits) - 1
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & max)
  } else if (bits >= from || acc !== 0) {
    throw new Error('bech32: bad padding')
  }
  return out
}

export function bech32Encode(prefix: string, data: Uint8Array, upper = false): string {
  const lower = prefix.toLowerCase()
  const words = convertBits(data, 8, 5, true)
  const check = polymod([...expandPrefix(lower), ...words, 0, 0, 0, 0, 0, 0]) ^ 1
  let text = `${lower}1`
  for (const w of words) text += CHARSET[w]
  for (let i = 0; i < 6; i++) text += CHARSET[(check >>> (5 * (5 - i))) & 31]
  return upper ? text.toUpperCase() : text
}

export function bech32Decode(text: string): { prefix: string; data: Buffer } {
  if (text !== text.toLowerCase() && text !== text.toUpperCase())
    throw new Error('bech32: mixed case')
  const lower = text.toLowerCase()
  const separator = lower.lastIndexOf('1')
  if (separator < 1 || separator + 7 > lower.length)
    throw new Error('bech32: no separator or checksum')
  const prefix = lower.slice(0, separator)
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i)
    if (c < 33 || c > 126) throw new Error('bech32: bad prefix character')
  }
  const words: number[] = []
  for (const char of lower.slice(separator + 1)) {
    const value = CHARSET.indexOf(char)
    if (value < 0) throw new Error('bech32: bad character')
    words.push(value)
  }
  if (polymod([...expandPrefix(prefix), ...words]) !== 1) throw new Error('bech32: bad checksum')
  return { prefix, data: Buffer.from(convertBits(words.slice(0, -6), 5, 8, false)) }
}
