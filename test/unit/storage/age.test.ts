import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { bech32Decode, bech32Encode } from '../../../src/storage/age/bech32.js'
import { decodeBase64, encodeBase64, parseHeader } from '../../../src/storage/age/header.js'
import { CHUNK, SEALED_CHUNK } from '../../../src/storage/age/stream.js'
import { generateIdentity } from '../../../src/storage/age/x25519.js'
import { AgeError, decryptStream } from '../../../src/storage/decrypt.js'
import { ageEncrypter, encryptStream } from '../../../src/storage/encrypt.js'

// Our age (src/storage/age/) against the `age` CLI both ways, and every failure the format
// defines on files we wrote ourselves. The age project's own vectors: age-testkit.test.ts.

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'age-test-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Deterministic, not too regular plaintext. */
function plaintext(size: number): Buffer {
  const out = Buffer.allocUnsafe(size)
  let x = 2463534242
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/** `data` fed in uneven pieces (the encrypter must cut 64 KiB chunks whatever it is given). */
function inPieces(data: Buffer, sizes = [1, 65_535, 3, 200_000, 65_536]): Readable {
  const out: Buffer[] = []
  for (let at = 0, i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length] as number
    out.push(data.subarray(at, at + n))
    at += n
  }
  return Readable.from(out, { objectMode: false })
}

const encrypt = async (data: Buffer, recipients: string[]) =>
  buffer(inPieces(data).pipe(ageEncrypter(recipients)))

const decrypt = async (file: Buffer, identities: string[]) =>
  buffer(await decryptStream(inPieces(file), identities))

async function failure(file: Buffer, identities: string[]): Promise<AgeError> {
  try {
    await decrypt(file, identities)
  } catch (error) {
    if (error instanceof AgeError) return error
    throw error
  }
  throw new Error('decryption succeeded')
}

function cliKey(name: string): { file: string; identity: string; recipient: string } {
  const file = path.join(dir, name)
  execFileSync('age-keygen', ['-o', file], { stdio: 'ignore' })
  const identity = execFileSync('grep', ['^AGE-SECRET-KEY-', file]).toString().trim()
  const recipient = execFileSync('age-keygen', ['-y', file]).toString().trim()
  return { file, identity, recipient }
}

const SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17, 1_000_000]

describe('bech32 keys', () => {
  test('round-trips and matches age-keygen', () => {
    const key = cliKey('bech.txt')
    const decoded = bech32Decode(key.recipient)
    expect(decoded.prefix).toBe('age')
    expect(bech32Encode('age', decoded.data)).toBe(key.recipient)
    const secret = bech32Decode(key.identity)
    expect(secret.prefix).toBe('age-secret-key-')
    expect(bech32Encode('AGE-SECRET-KEY-', secret.data, true)).toBe(key.identity)
  })

  test('rejects a bad checksum, mixed case and stray characters', () => {
    const { recipient } = generateIdentity()
    const flipped = recipient.slice(0, -1) + (recipient.endsWith('q') ? 'p' : 'q')
    expect(() => bech32Decode(flipped)).toThrow(/checksum/)
    expect(() => bech32Decode(recipient.slice(0, 10) + recipient.slice(10).toUpperCase())).toThrow(
      /mixed case/
    )
    expect(() => bech32Decode(recipient.slice(0, -1) + 'b')).toThrow(/character/)
    expect(() => ageEncrypter([flipped])).toThrow(/not an age recipient/)
  })

  test('a key we generate is one age-keygen derives the same recipient from', () => {
    const { identity, recipient } = generateIdentity()
    const file = path.join(dir, 'ours.txt')
    writeFileSync(file, `${identity}\n`)
    expect(execFileSync('age-keygen', ['-y', file]).toString().trim()).toBe(recipient)
  })
})

describe('canonical base64', () => {
  test('no padding, no stray bits', () => {
    expect(encodeBase64(Buffer.from('ab'))).toBe('YWI')
    expect(decodeBase64('YWI').toString()).toBe('ab')
    expect(() => decodeBase64('YWI=')).toThrow(AgeError)
    expect(() => decodeBase64('YWJ')).toThrow(/non-canonical/)
  })
})

describe('interoperability with the age CLI', () => {
  test.each(SIZES)('%i bytes: the age CLI decrypts what we encrypt', async (size) => {
    const key = cliKey(`cli-${size}.txt`)
    const plain = plaintext(size)
    const file = await encrypt(plain, [key.recipient])
    const out = execFileSync('age', ['-d', '-i', key.file], { input: file, maxBuffer: 1 << 26 })
    expect(out.equals(plain)).toBe(true)
    // The size is the format's: header, 16-byte nonce, 16 bytes of tag per (possibly empty) chunk.
    const chunks = Math.max(1, Math.ceil(size / CHUNK))
    expect(file.length - (parseHeader(file)?.length ?? 0)).toBe(16 + size + 16 * chunks)
  })

  test.each(SIZES)('%i bytes: we decrypt what the age CLI encrypts', async (size) => {
    const key = cliKey(`enc-${size}.txt`)
    const plain = plaintext(size)
    const file = execFileSync('age', ['-r', key.recipient], { input: plain, maxBuffer: 1 << 26 })
    expect((await decrypt(file, [key.identity])).equals(plain)).toBe(true)
  })

  test('several recipients: each identity decrypts, with the CLI and with us', async () => {
    const a = cliKey('multi-a.txt')
    const b = cliKey('multi-b.txt')
    const plain = plaintext(150_000)
    const file = await encrypt(plain, [a.recipient, b.recipient])
    for (const key of [a, b]) {
      expect(execFileSync('age', ['-d', '-i', key.file], { input: file }).equals(plain)).toBe(true)
      expect((await decrypt(file, [key.identity])).equals(plain)).toBe(true)
    }
    const cli = execFileSync('age', ['-r', a.recipient, '-r', b.recipient], { input: plain })
    expect((await decrypt(cli, [generateIdentity().identity, b.identity])).equals(plain)).toBe(true)
  })

  test('encryptStream keeps backpressure and passes errors on', async () => {
    const { identity, recipient } = generateIdentity()
    const plain = plaintext(300_000)
    const file = await buffer(await encryptStream(inPieces(plain), [recipient]))
    expect((await decrypt(file, [identity])).equals(plain)).toBe(true)
    const broken = new Readable({
      read() {
        this.destroy(new Error('dump died'))
      }
    })
    await expect(buffer(await encryptStream(broken, [recipient]))).rejects.toThrow('dump died')
  })
})

describe('decryption refuses what the format forbids', () => {
  const { identity, recipient } = generateIdentity()
  const plain = plaintext(3 * CHUNK + 100)
  let file: Buffer
  let payloadStart: number
  beforeAll(async () => {
    file = await encrypt(plain, [recipient])
    payloadStart = (parseHeader(file)?.length as number) + 16
  })
  const chunkAt = (i: number) => payloadStart + i * SEALED_CHUNK

  test('the right identity decrypts (the baseline the cases below change one thing of)', async () => {
    expect((await decrypt(file, [identity])).equals(plain)).toBe(true)
  })

  test('a wrong identity: no match', async () => {
    expect((await failure(file, [generateIdentity().identity])).kind).toBe('no match')
  })

  test('a bad header MAC: hmac', async () => {
    const headerEnd = parseHeader(file)?.length as number
    const macText = file.toString('latin1', headerEnd - 44, headerEnd - 1)
    const mac = decodeBase64(macText)
    mac[0] = (mac[0] as number) ^ 1
    const bad = Buffer.concat([
      file.subarray(0, headerEnd - 44),
      Buffer.from(`${encodeBase64(mac)}\n`),
      file.subarray(headerEnd)
    ])
    expect((await failure(bad, [identity])).kind).toBe('hmac')
  })

  test('a changed recipient line: the file key does not unwrap', async () => {
    const text = file.toString('latin1')
    const at = text.indexOf('-> X25519 ') + 10
    const bad = Buffer.from(file)
    bad[at] = bad[at] === 0x41 ? 0x42 : 0x41
    expect(['no match', 'header']).toContain((await failure(bad, [identity])).kind)
  })

  test('not an age file, or a header cut short: header', async () => {
    expect((await failure(Buffer.from('hello world\n'), [identity])).kind).toBe('header')
    expect((await failure(file.subarray(0, 40), [identity])).kind).toBe('header')
    expect((await failure(file.subarray(0, payloadStart - 3), [identity])).kind).toBe('header')
  })

  test('a modified chunk: payload, after releasing the chunks before it', async () => {
    const bad = Buffer.from(file)
    bad[chunkAt(1) + 5] = (bad[chunkAt(1) + 5] as number) ^ 0x80
    const released: Buffer[] = []
    let error: unknown
    try {
      for await (const chunk of await decryptStream(inPieces(bad), [identity]))
        released.push(chunk as Buffer)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AgeError)
    expect((error as AgeError).kind).toBe('payload')
    expect(Buffer.concat(released).equals(plain.subarray(0, CHUNK))).toBe(true)
  })

  test('reordered chunks: payload', async () => {
    const bad = Buffer.concat([
      file.subarray(0, chunkAt(0)),
      file.subarray(chunkAt(1), chunkAt(2)),
      file.subarray(chunkAt(0), chunkAt(1)),
      file.subarray(chunkAt(2))
    ])
    expect((await failure(bad, [identity])).kind).toBe('payload')
  })

  test('truncated at a chunk boundary (the final chunk dropped): payload', async () => {
    expect((await failure(file.subarray(0, chunkAt(3)), [identity])).kind).toBe('payload')
    expect((await failure(file.subarray(0, chunkAt(0)), [identity])).kind).toBe('payload')
  })

  test('truncated inside a chunk, or data after the final chunk: payload', async () => {
    expect((await failure(file.subarray(0, file.length - 1), [identity])).kind).toBe('payload')
    const longer = Buffer.concat([file, Buffer.from([0])])
    expect((await failure(longer, [identity])).kind).toBe('payload')
  })

  test('a full chunk marked final followed by more: payload', async () => {
    // Exactly one chunk of plaintext: its only chunk is full and final; a copy of it after
    // it (same counter, wrong position) must not be accepted.
    const one = await encrypt(plaintext(CHUNK), [recipient])
    const start = (parseHeader(one)?.length as number) + 16
    const doubled = Buffer.concat([one, one.subarray(start)])
    expect((await failure(doubled, [identity])).kind).toBe('payload')
  })

  test('identities are never quoted in messages', async () => {
    const error = await failure(file, [generateIdentity().identity])
    expect(error.message).not.toMatch(/AGE-SECRET-KEY/)
    await expect(decryptStream(Readable.from([]), ['AGE-SECRET-KEY-1QQQQ'])).rejects.toThrow(
      /^(?!.*AGE-SECRET-KEY-1QQQQ)/
    )
  })
})
