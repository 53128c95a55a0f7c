import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable, type Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { compressor, ZstdFrames } from '../../../src/storage/compress.js'
import { decompressor } from '../../../src/storage/read-copy.js'

const MiB = 1024 * 1024

/** Runs `input`, cut into pieces of `piece` bytes, through `transform`; the output joined. */
async function through(transform: Transform, input: Buffer, piece = 64 * 1024): Promise<Buffer> {
  const pieces: Buffer[] = []
  for (let i = 0; i < input.length; i += piece) pieces.push(input.subarray(i, i + piece))
  const out: Buffer[] = []
  await pipeline(Readable.from(pieces), transform, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk)
  })
  return Buffer.concat(out)
}

/** Text that compresses, with random runs in it, so that each frame's bytes differ. */
function dumpLike(bytes: number): Buffer {
  const out = Buffer.alloc(bytes)
  for (let i = 0, row = 0; i < bytes; row++) {
    const line = `${row}\t${createHash('md5').update(String(row)).digest('hex')}\t${randomBytes(4).toString('hex')}\n`
    i += out.write(line, i)
  }
  return out
}

function zstdList(file: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zstd-list-'))
  try {
    writeFileSync(path.join(dir, 'f.zst'), file)
    return execFileSync('zstd', ['-lv', path.join(dir, 'f.zst')], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('zstd in frames', () => {
  test('a stream of several frames: the zstd CLI and our decompressor both give the input back', async () => {
    const input = dumpLike(3 * MiB + 17)
    const compressed = await through(new ZstdFrames(3, MiB, 2), input)
    expect(compressed.length).toBeLessThan(input.length / 1.5)
    // Four frames (three full, one of 17 bytes), each with its content checksum.
    const listing = zstdList(compressed)
    expect(listing).toMatch(/# Zstandard Frames: 4\b/)
    expect(listing).toMatch(/Check: XXH64/)
    const byCli = execFileSync('zstd', ['-d', '-c', '-q'], {
      input: compressed,
      maxBuffer: 64 * MiB
    })
    expect(byCli.equals(input)).toBe(true)
    expect((await through(decompressor('zstd'), compressed, 1000)).equals(input)).toBe(true)
  })

  test('frames leave in order with several lanes, whatever the size of the pieces written', async () => {
    // Incompressible data: each frame is as long as its input, so a frame out of place or
    // lost shows at once.
    const input = randomBytes(5 * MiB + 3)
    for (const piece of [7_777, 256 * 1024, 3 * MiB]) {
      const compressed = await through(new ZstdFrames(1, MiB, 3), input, piece)
      expect(zstdList(compressed)).toMatch(/# Zstandard Frames: 6\b/)
      expect((await through(decompressor('zstd'), compressed)).equals(input)).toBe(true)
    }
  })

  test('once the stream has ended it is destroyed, and with it the lanes’ zstd contexts', async () => {
    const frames = new ZstdFrames(3, MiB, 2)
    await through(frames, dumpLike(MiB + 1))
    expect(frames.destroyed).toBe(true)
  })

  test('an empty input is one empty frame: a valid zstd file', async () => {
    const compressed = await through(new ZstdFrames(3, MiB, 2), Buffer.alloc(0))
    expect(compressed.length).toBeGreaterThan(0)
    expect(zstdList(compressed)).toMatch(/# Zstandard Frames: 1\b/)
    expect(execFileSync('zstd', ['-d', '-c', '-q'], { input: compressed }).length).toBe(0)
  })

  test('the level is the one asked for: level 19 is smaller than level 1 on the same input', async () => {
    const input = dumpLike(2 * MiB)
    const fast = await through(new ZstdFrames(1, MiB, 2), input)
    const small = await through(new ZstdFrames(19, MiB, 2), input)
    expect(small.length).toBeLessThan(fast.length)
  })

  test('the mirror compressor is the framed one for zstd; gzip stays one gzip stream', async () => {
    expect(compressor('zstd', 3)).toBeInstanceOf(ZstdFrames)
    const input = dumpLike(MiB)
    const gz = await through(compressor('gzip', 6), input)
    expect(
      execFileSync('gzip', ['-d', '-c'], { input: gz, maxBuffer: 16 * MiB }).equals(input)
    ).toBe(true)
  })

  test('destroyed part-way, it stops and fails the pipeline instead of hanging', async () => {
    const frames = new ZstdFrames(3, MiB, 2)
    const source = Readable.from(
      (async function* () {
        yield randomBytes(2 * MiB)
        frames.destroy(new Error('cancelled'))
        yield randomBytes(MiB)
      })()
    )
    await expect(
      pipeline(source, frames, async (s: AsyncIterable<Buffer>) => {
        for await (const chunk of s) void chunk
      })
    ).rejects.toThrow('cancelled')
  })
})
