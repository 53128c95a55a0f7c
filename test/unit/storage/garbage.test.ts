import { expect, test } from '@jest/globals'
import { COLLECT_EVERY_BYTES, GarbagePacer } from '../../../src/storage/garbage.js'

test('collects once each time another interval of bytes has passed', () => {
  let collections = 0
  const pacer = new GarbagePacer(100, () => collections++)
  pacer.passed(99)
  expect(collections).toBe(0)
  pacer.passed(1)
  expect(collections).toBe(1)
  pacer.passed(150)
  expect(collections).toBe(2)
  // One chunk larger than two intervals still collects once: the point is a collection soon.
  pacer.passed(250)
  expect(collections).toBe(3)
})

test('the default collection is a real full collection of this Node', () => {
  // A pacer with the default collector must run V8's collection without throwing, and the
  // memory of a dropped Buffer must be gone after it.
  const pacer = new GarbagePacer(1)
  let big: Buffer | undefined = Buffer.alloc(64 * 1024 * 1024, 1)
  const before = process.memoryUsage().arrayBuffers
  expect(big.length).toBe(64 * 1024 * 1024)
  big = undefined
  pacer.passed(COLLECT_EVERY_BYTES)
  expect(big).toBeUndefined()
  expect(process.memoryUsage().arrayBuffers).toBeLessThan(before - 32 * 1024 * 1024)
})
