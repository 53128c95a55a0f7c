import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { decryptStream, IdentityMismatch } from '../../../src/storage/decrypt.js'
import { encryptStream } from '../../../src/storage/encrypt.js'
import { CopyMismatch, copyStages } from '../../../src/storage/read-copy.js'

const plain = Buffer.from(
  Array.from({ length: 20_000 }, (_, i) => `row ${i} ${i * 7919}\n`).join('')
)

async function sealed(recipient: string): Promise<Buffer> {
  const compressed = zlib.zstdCompressSync(plain)
  const out: Buffer[] = []
  await pipeline(
    await encryptStream(Readable.from([compressed]), [recipient]),
    new Writable({
      write(chunk: Buffer, _e, cb) {
        out.push(chunk)
        cb()
      }
    })
  )
  return Buffer.concat(out)
}

async function readBack(stored: Buffer, expected: Buffer, identities: string[]): Promise<Buffer> {
  const { stages } = copyStages(
    {
      bytes: expected.length,
      sha256: createHash('sha256').update(expected).digest('hex'),
      compression: 'zstd',
      encrypted: true
    },
    identities
  )
  const out: Buffer[] = []
  await (pipeline as unknown as (s: unknown[]) => Promise<void>)([
    Readable.from([stored.subarray(0, stored.length / 2), stored.subarray(stored.length / 2)]),
    ...stages,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        out.push(chunk)
        cb()
      }
    })
  ])
  return Buffer.concat(out)
}

describe('reading a stored copy back', () => {
  test('download → hash → age → zstd gives the dump back', async () => {
    const identity = await generateIdentity()
    const stored = await sealed(await identityToRecipient(identity))
    expect((await readBack(stored, stored, [identity])).equals(plain)).toBe(true)
  })

  test('a wrong identity fails as such', async () => {
    const stored = await sealed(await identityToRecipient(await generateIdentity()))
    await expect(readBack(stored, stored, [await generateIdentity()])).rejects.toBeInstanceOf(
      IdentityMismatch
    )
  })

  test('a copy changed in its last byte fails, on age or on the hash', async () => {
    const identity = await generateIdentity()
    const stored = await sealed(await identityToRecipient(identity))
    const changed = Buffer.from(stored)
    changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 1
    await expect(readBack(changed, stored, [identity])).rejects.toThrow()
  })

  test('hash and size are checked at the end, before the end is passed on', async () => {
    // Unencrypted gzip: only the manifest's hash can tell a swapped copy from the real one.
    const good = zlib.gzipSync(plain)
    const other = zlib.gzipSync(Buffer.concat([plain, Buffer.from('extra\n')]))
    const expected = {
      bytes: good.length,
      sha256: createHash('sha256').update(good).digest('hex'),
      compression: 'gzip' as const,
      encrypted: false
    }
    const run = (bytes: Buffer) => {
      const { stages } = copyStages(expected, [])
      let ended = false
      return (pipeline as unknown as (s: unknown[]) => Promise<void>)([
        Readable.from([bytes]),
        ...stages,
        new Writable({
          write: (_c, _e, cb) => cb(),
          final(cb) {
            ended = true
            cb()
          }
        })
      ]).then(() => ended)
    }
    await expect(run(good)).resolves.toBe(true)
    await expect(run(other)).rejects.toBeInstanceOf(CopyMismatch)
    await expect(run(good.subarray(0, good.length - 10))).rejects.toThrow(
      /truncated|unexpected end/
    )
  })

  test('what the age CLI encrypts, decryptStream reads', async () => {
    const identity = await generateIdentity()
    const recipient = await identityToRecipient(identity)
    const encrypted = execFileSync('age', ['-r', recipient], { input: plain })
    const out: Buffer[] = []
    for await (const chunk of await decryptStream(Readable.from([encrypted]), [identity]))
      out.push(chunk as Buffer)
    expect(Buffer.concat(out).equals(plain)).toBe(true)
  })
})
