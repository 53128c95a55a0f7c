import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, test } from '@jest/globals'
import {
  COLLECT_EVERY_BYTES,
  type Collection,
  FULL_EVERY,
  GarbagePacer
} from '../../../src/storage/garbage.js'

const execFileAsync = promisify(execFile)

test('collects once each time another interval of bytes has passed', () => {
  const collections: Collection[] = []
  const pacer = new GarbagePacer(100, (type) => collections.push(type))
  pacer.passed(99)
  expect(collections).toHaveLength(0)
  pacer.passed(1)
  expect(collections).toHaveLength(1)
  pacer.passed(150)
  expect(collections).toHaveLength(2)
  // One chunk larger than two intervals still collects once: the point is a collection soon.
  pacer.passed(250)
  expect(collections).toHaveLength(3)
})

test('scavenges, with a full collection every FULL_EVERY-th time', () => {
  const collections: Collection[] = []
  const pacer = new GarbagePacer(1, (type) => collections.push(type))
  for (let i = 0; i < 2 * FULL_EVERY; i++) pacer.passed(1)
  const expected = Array.from({ length: 2 * FULL_EVERY }, (_, i) =>
    (i + 1) % FULL_EVERY === 0 ? 'major' : 'minor'
  )
  expect(collections).toEqual(expected)
})

test('the default collections are real collections of this Node: dead Buffers are collected', async () => {
  /** How many of 32 dropped 1 MiB Buffers are still alive after the pacer's next `collections`. */
  const alive = async (warmUp: number, collections: number): Promise<number> => {
    const pacer = new GarbagePacer(1)
    for (let i = 0; i < warmUp; i++) pacer.passed(1)
    const refs = Array.from({ length: 32 }, () => new WeakRef(Buffer.alloc(1024 * 1024, 1)))
    // A WeakRef keeps its target alive until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve))
    for (let i = 0; i < collections; i++) pacer.passed(COLLECT_EVERY_BYTES)
    return refs.filter((ref) => ref.deref() !== undefined).length
  }
  // Scavenges go through the same V8 function. What they free depends on whether V8 has already
  // moved the Buffers to the old generation, so that figure belongs to `npm run bench:mirror`
  // (peak RSS), not here.
  // (V8 accepts a scavenge request: it must not throw.)
  await alive(0, 2)
  // The FULL_EVERY-th collection is a full one, which collects every one of them at once. (Their
  // memory is returned by V8's sweeper thread soon after; process.memoryUsage() reading it at
  // once was a race on a loaded machine.)
  await expect(alive(FULL_EVERY - 1, 1)).resolves.toBe(0)
})

test("the default pacer turns V8's incremental marking off", async () => {
  // A child process, so the flag is that Node's own and the trace its output. It keeps the last
  // few batches of objects alive, long enough to be promoted, then drops them: the old generation
  // fills with garbage and V8 marks it; the control run proves that it does.
  const source = new URL('../../../src/storage/garbage.ts', import.meta.url).href
  const markingStarts = async (withPacer: boolean): Promise<number> => {
    const script = [
      withPacer
        ? `const { GarbagePacer } = await import(${JSON.stringify(source)}); new GarbagePacer()`
        : '',
      'const kept = []',
      'const batch = (n) => Array.from({ length: n }, (_, i) => ({ i, s: "x" + i }))',
      'for (let round = 0; round < 150; round++) {',
      '  kept.push(batch(50_000))',
      '  if (kept.length > 4) kept.shift()',
      '}'
    ].join('\n')
    const { stdout } = await execFileAsync(process.execPath, [
      '--trace-incremental-marking',
      '--input-type=module',
      '--eval',
      script
    ])
    return stdout.split('\n').filter((line) => line.includes('[IncrementalMarking] Start marking'))
      .length
  }
  expect(await markingStarts(false)).toBeGreaterThan(0)
  expect(await markingStarts(true)).toBe(0)
}, 30_000)
