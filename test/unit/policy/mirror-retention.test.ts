import { describe, expect, test } from '@jest/globals'
import { selectExpired, type StoredCopy } from '../../../src/policy/mirror-retention.js'

const now = new Date('2026-11-25T12:00:00Z')
const daysAgo = (d: number): StoredCopy => ({
  objectKey: `p/db/db-${d}.pgdump.zst`,
  manifestKey: `p/db/db-${d}.pgdump.zst.manifest.json`,
  created: new Date(now.getTime() - d * 86_400_000)
})
// Weekly copies, given out of order: the selection must sort them itself.
const copies = [daysAgo(14), daysAgo(0), daysAgo(28), daysAgo(7), daysAgo(21)]
const deleted = (policy: Parameters<typeof selectExpired>[1]) =>
  selectExpired(copies, policy, now).map((c) => c.objectKey)

describe('selectExpired', () => {
  test('no policy deletes nothing', () => {
    expect(deleted({})).toEqual([])
  })

  test('keep-last keeps the newest N', () => {
    expect(deleted({ keepLast: 2 })).toEqual([
      'p/db/db-14.pgdump.zst',
      'p/db/db-21.pgdump.zst',
      'p/db/db-28.pgdump.zst'
    ])
  })

  test('keep-days keeps the younger ones', () => {
    expect(deleted({ keepDays: 15 })).toEqual(['p/db/db-21.pgdump.zst', 'p/db/db-28.pgdump.zst'])
  })

  test('with both, either keeps a copy', () => {
    expect(deleted({ keepLast: 4, keepDays: 10 })).toEqual(['p/db/db-28.pgdump.zst'])
    expect(deleted({ keepLast: 1, keepDays: 20 })).toEqual([
      'p/db/db-21.pgdump.zst',
      'p/db/db-28.pgdump.zst'
    ])
  })

  test('the newest copy is never deleted, even when older than keep-days', () => {
    expect(
      selectExpired([daysAgo(30), daysAgo(40)], { keepDays: 1 }, now).map((c) => c.objectKey)
    ).toEqual(['p/db/db-40.pgdump.zst'])
  })
})
