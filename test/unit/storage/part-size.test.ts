import { describe, expect, test } from '@jest/globals'
import {
  capacityBytes,
  choosePartSize,
  MAX_PART_BYTES,
  MIN_PART_BYTES,
  partSizeFor,
  partsInFlight
} from '../../../src/storage/part-size.js'

const MiB = 1024 * 1024
const GiB = 1024 * MiB

describe('part sizes for a stream of unknown length', () => {
  test('the first half of the allowed parts keep the base size', () => {
    expect(partSizeFor(0, 16 * MiB, 1000)).toBe(16 * MiB)
    expect(partSizeFor(499, 16 * MiB, 1000)).toBe(16 * MiB)
  })

  test('then the size doubles every tenth of the allowed parts', () => {
    expect(partSizeFor(500, 16 * MiB, 1000)).toBe(32 * MiB)
    expect(partSizeFor(599, 16 * MiB, 1000)).toBe(32 * MiB)
    expect(partSizeFor(600, 16 * MiB, 1000)).toBe(64 * MiB)
    expect(partSizeFor(999, 16 * MiB, 1000)).toBe(512 * MiB)
  })

  test('never beyond S3’s 5 GiB part limit', () => {
    expect(partSizeFor(9_999, 1 * GiB, 10_000)).toBe(MAX_PART_BYTES)
  })

  test('1,000 Swift parts of 16 MiB base hold far more than the 8 GB a fixed size would', () => {
    expect(capacityBytes(16 * MiB, 1000)).toBeGreaterThan(100 * GiB)
    expect(capacityBytes(16 * MiB, 1000)).toBe(
      500 * 16 * MiB + 100 * 16 * MiB * (2 + 4 + 8 + 16 + 32)
    )
  })

  test('a single allowed part is still usable', () => {
    expect(partSizeFor(0, 8 * MiB, 1)).toBe(16 * MiB)
    expect(capacityBytes(8 * MiB, 1)).toBe(16 * MiB)
  })
})

describe('choosePartSize', () => {
  test('keeps the requested size when the growth already holds twice the expected size', () => {
    expect(choosePartSize(16 * MiB, 1000, 1 * GiB)).toBe(16 * MiB)
    expect(choosePartSize(16 * MiB, 1000, 50 * GiB)).toBe(16 * MiB)
  })

  test('raises it when even the grown parts would not hold twice the expected size', () => {
    const size = choosePartSize(16 * MiB, 1000, 500 * GiB)
    expect(size).toBeGreaterThan(16 * MiB)
    expect(capacityBytes(size, 1000)).toBeGreaterThanOrEqual(2 * 500 * GiB)
    expect(capacityBytes(size - MiB, 1000)).toBeLessThan(2 * 500 * GiB)
  })

  test('never below S3’s 5 MiB minimum, rounded up to whole MiB', () => {
    expect(choosePartSize(1, 1000)).toBe(MIN_PART_BYTES)
    expect(choosePartSize(5 * MiB + 1, 1000) % MiB).toBe(0)
  })
})

describe('partsInFlight', () => {
  test('grown parts take the room of several base parts', () => {
    expect(partsInFlight(4, 16 * MiB, 16 * MiB)).toBe(4)
    expect(partsInFlight(4, 16 * MiB, 32 * MiB)).toBe(2)
    expect(partsInFlight(4, 16 * MiB, 64 * MiB)).toBe(1)
    expect(partsInFlight(4, 16 * MiB, 512 * MiB)).toBe(1)
  })

  test('a short last part does not raise the limit', () => {
    expect(partsInFlight(4, 16 * MiB, 100)).toBe(4)
  })
})
