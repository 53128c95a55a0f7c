import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { expect, test } from '@jest/globals'
import { HashingCounter } from '../../../src/storage/hash.js'

test('counts and hashes exactly the bytes that pass', async () => {
  const chunks = [Buffer.from('first '), Buffer.alloc(100_000, 7), Buffer.from('last')]
  const hasher = new HashingCounter()
  const passed: Buffer[] = []
  await pipeline(Readable.from(chunks), hasher, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) passed.push(chunk)
  })
  const whole = Buffer.concat(chunks)
  expect(Buffer.concat(passed).equals(whole)).toBe(true)
  expect(hasher.bytes).toBe(whole.length)
  expect(hasher.sha256()).toBe(createHash('sha256').update(whole).digest('hex'))
})

test('its reader gets the very chunks written, never a joined copy of them', async () => {
  const chunks = Array.from({ length: 8 }, (_, i) => Buffer.alloc(64 * 1024, i))
  const hasher = new HashingCounter(1024 * 1024)
  // All written before the first read: a byte stream's iterator would hand them over as one
  // new 512 KiB Buffer.
  for (const chunk of chunks) hasher.write(chunk)
  hasher.end()
  const read: Buffer[] = []
  for await (const chunk of hasher) read.push(chunk as Buffer)
  expect(read).toHaveLength(chunks.length)
  read.forEach((chunk, i) => expect(chunk).toBe(chunks[i]))
})
