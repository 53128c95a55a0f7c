import { expect, test } from '@jest/globals'
import {
  COLLECT_EVERY_BYTES,
  type Collection,
  FULL_EVERY,
  GarbagePacer
} from '../../../src/storage/garbage.js'

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

test('the default collections are real collections of this Node: dead Buffers are freed', () => {
  /** MiB of 32 dropped 1 MiB Buffers still held after the pacer's next `collections`. */
  const left = (warmUp: number, collections: number): number => {
    const pacer = new GarbagePacer(1)
    for (let i = 0; i < warmUp; i++) pacer.passed(1)
    const before = process.memoryUsage().arrayBuffers
    let sum = 0
    for (let i = 0; i < 32; i++) sum += Buffer.alloc(1024 * 1024, 1)[i] as number
    expect(sum).toBe(32)
    for (let i = 0; i < collections; i++) pacer.passed(COLLECT_EVERY_BYTES)
    return (process.memoryUsage().arrayBuffers - before) / (1024 * 1024)
  }
  // Scavenges go through the same V8 function. What they free depends on whether V8 has already moved the Buffers to the old generation, so
  // that figure belongs to `npm run bench:mirror` (peak RSS), not here.
  expect(() => left(0, 2)).not.toThrow()
  // The FULL_EVERY-th collection is a full one, which frees it at once.
  expect(left(FULL_EVERY - 1, 1)).toBeLessThan(4)
})
