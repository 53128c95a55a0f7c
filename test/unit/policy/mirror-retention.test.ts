import { describe, expect, test } from '@jest/globals'
import {
  isoWeek,
  planRetention,
  selectExpired,
  type StoredCopy,
  utcDay,
  utcMonth
} from '../../../src/policy/mirror-retention.js'

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

const at = (iso: string): StoredCopy => ({
  objectKey: `p/db/db-${iso}.pgdump.zst`,
  manifestKey: `p/db/db-${iso}.pgdump.zst.manifest.json`,
  created: new Date(iso)
})
/** The creation times (ISO text) of the copies kept, newest first. */
const keptTimes = (
  times: string[],
  policy: Parameters<typeof planRetention>[1],
  options: { now?: string; protect?: string } = {}
) =>
  planRetention(
    times.map(at),
    policy,
    new Date(options.now ?? '2027-02-01T00:00:00Z'),
    options.protect
  ).kept.map((k) => k.copy.created.toISOString().replace('.000Z', 'Z'))

describe('calendar periods (UTC)', () => {
  test.each([
    // ISO 8601 weeks: Monday to Sunday; week 1 holds the year's first Thursday.
    ['2026-11-30T00:00:00Z', '2026-W49'], // a Monday
    ['2026-11-29T23:59:59Z', '2026-W48'], // the Sunday before
    ['2025-12-29T00:00:00Z', '2026-W01'], // a Monday in December already in next year's week 1
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2026-12-31T23:59:59Z', '2026-W53'], // 2026 has 53 weeks (it starts on a Thursday)
    ['2027-01-03T23:59:59Z', '2026-W53'], // a Sunday in January still in the old year's week
    ['2027-01-04T00:00:00Z', '2027-W01'],
    ['2021-01-03T10:00:00Z', '2020-W53'],
    ['2024-12-30T00:00:00Z', '2025-W01']
  ])('isoWeek(%s) = %s', (iso, week) => {
    expect(isoWeek(new Date(iso))).toBe(week)
  })

  test('days and months are UTC, whatever the offset the time was written with', () => {
    // 23:30 in Helsinki on 31 Jan is 21:30 UTC: still January. 00:30 on 1 Feb in Helsinki is
    // 22:30 UTC on 31 Jan.
    expect(utcDay(new Date('2027-02-01T00:30:00+02:00'))).toBe('2027-01-31')
    expect(utcMonth(new Date('2027-02-01T00:30:00+02:00'))).toBe('2027-01')
    expect(utcMonth(new Date('2027-02-01T02:00:00+02:00'))).toBe('2027-02')
  })
})

describe('planRetention: tiered rules', () => {
  test.each([
    [
      'keep-daily keeps the newest copy of each of the last N days that have one',
      [
        '2027-01-31T23:00:00Z',
        '2027-01-31T01:00:00Z',
        '2027-01-30T12:00:00Z',
        '2027-01-28T12:00:00Z'
      ],
      { keepDaily: 2 },
      ['2027-01-31T23:00:00Z', '2027-01-30T12:00:00Z']
    ],
    [
      'a day without a copy does not use up one of the N',
      [
        '2027-01-31T12:00:00Z',
        '2027-01-25T12:00:00Z',
        '2027-01-20T12:00:00Z',
        '2027-01-10T12:00:00Z'
      ],
      { keepDaily: 3 },
      ['2027-01-31T12:00:00Z', '2027-01-25T12:00:00Z', '2027-01-20T12:00:00Z']
    ],
    [
      'the UTC day ends at midnight UTC: 23:59:59 and 00:00:00 are two days',
      ['2027-01-31T00:00:00Z', '2027-01-30T23:59:59Z', '2027-01-30T00:00:00Z'],
      { keepDaily: 2 },
      ['2027-01-31T00:00:00Z', '2027-01-30T23:59:59Z']
    ],
    [
      'keep-weekly across a month boundary: Mon 1 Feb … Sun 7 Feb 2027 is one week',
      [
        '2027-02-07T10:00:00Z',
        '2027-02-01T10:00:00Z',
        '2027-01-31T10:00:00Z',
        '2027-01-25T10:00:00Z',
        '2027-01-24T10:00:00Z'
      ],
      { keepWeekly: 2 },
      ['2027-02-07T10:00:00Z', '2027-01-31T10:00:00Z']
    ],
    [
      'keep-weekly across the year change: 28 Dec 2026 … 3 Jan 2027 is 2026-W53',
      [
        '2027-01-04T08:00:00Z',
        '2027-01-03T08:00:00Z',
        '2027-01-01T08:00:00Z',
        '2026-12-28T08:00:00Z',
        '2026-12-27T08:00:00Z'
      ],
      { keepWeekly: 3 },
      ['2027-01-04T08:00:00Z', '2027-01-03T08:00:00Z', '2026-12-27T08:00:00Z']
    ],
    [
      'keep-monthly across the year change',
      [
        '2027-01-15T00:00:00Z',
        '2027-01-01T00:00:00Z',
        '2026-12-31T23:59:59Z',
        '2026-12-01T00:00:00Z',
        '2026-11-30T00:00:00Z',
        '2026-10-31T00:00:00Z'
      ],
      { keepMonthly: 3 },
      ['2027-01-15T00:00:00Z', '2026-12-31T23:59:59Z', '2026-11-30T00:00:00Z']
    ],
    [
      'the rules add up (union), each counting on its own',
      // Nightly copies of the last 10 days, plus older month-end copies.
      [
        '2027-01-31T02:00:00Z',
        '2027-01-30T02:00:00Z',
        '2027-01-29T02:00:00Z',
        '2027-01-28T02:00:00Z',
        '2027-01-27T02:00:00Z',
        '2027-01-26T02:00:00Z',
        '2027-01-25T02:00:00Z',
        '2027-01-24T02:00:00Z',
        '2027-01-23T02:00:00Z',
        '2027-01-22T02:00:00Z',
        '2026-12-31T02:00:00Z',
        '2026-11-30T02:00:00Z',
        '2026-10-31T02:00:00Z'
      ],
      { keepDaily: 3, keepWeekly: 2, keepMonthly: 3 },
      [
        // daily: 31, 30, 29 Jan; weekly: 31 Jan (W04, Sunday) and 24 Jan (W03, Sunday);
        // monthly: Jan (31st), Dec, Nov.
        '2027-01-31T02:00:00Z',
        '2027-01-30T02:00:00Z',
        '2027-01-29T02:00:00Z',
        '2027-01-24T02:00:00Z',
        '2026-12-31T02:00:00Z',
        '2026-11-30T02:00:00Z'
      ]
    ],
    [
      'with keep-last and keep-days',
      [
        '2027-01-31T12:00:00Z',
        '2027-01-30T12:00:00Z',
        '2027-01-20T12:00:00Z',
        '2026-12-15T12:00:00Z',
        '2026-11-15T12:00:00Z'
      ],
      { keepLast: 1, keepDays: 2, keepMonthly: 2 },
      // keep-days 2 from 1 Feb 00:00: only the 31st (and the 30th at 36 h); monthly: Jan, Dec.
      ['2027-01-31T12:00:00Z', '2027-01-30T12:00:00Z', '2026-12-15T12:00:00Z']
    ],
    [
      'a 0 (off) tier with no other rule deletes nothing',
      ['2027-01-31T12:00:00Z', '2026-01-01T12:00:00Z'],
      { keepDaily: 0 },
      ['2027-01-31T12:00:00Z', '2026-01-01T12:00:00Z']
    ]
  ])('%s', (_name, times, policy, kept) => {
    // Given in scrambled order: the plan sorts them itself.
    const scrambled = [...times].reverse()
    scrambled.push(...scrambled.splice(0, 1))
    expect(keptTimes(scrambled, policy)).toEqual(kept)
    const plan = planRetention(scrambled.map(at), policy, new Date('2027-02-01T00:00:00Z'))
    expect(plan.kept.length + plan.expired.length).toBe(times.length)
  })

  test('the same instants give the same plan whatever the process time zone (UTC periods)', () => {
    // 27/28 March 2027 is the EU's DST change: local days would be 23 hours long there.
    const times = [
      '2027-03-28T23:30:00Z',
      '2027-03-28T00:30:00Z',
      '2027-03-27T23:30:00Z',
      '2027-03-27T00:30:00Z',
      '2027-03-26T23:30:00Z'
    ]
    const policy = { keepDaily: 2, keepWeekly: 1 }
    const expected = ['2027-03-28T23:30:00Z', '2027-03-27T23:30:00Z']
    const before = process.env.TZ
    try {
      for (const tz of ['UTC', 'Europe/Helsinki', 'America/New_York', 'Pacific/Kiritimati']) {
        process.env.TZ = tz
        expect(keptTimes(times, policy, { now: '2027-03-29T00:00:00Z' })).toEqual(expected)
      }
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  })

  test('the newest copy and the protected one always stay, and say why', () => {
    const copies = ['2027-01-31T12:00:00Z', '2027-01-31T11:00:00Z', '2027-01-31T10:00:00Z'].map(at)
    const plan = planRetention(
      copies,
      { keepDaily: 1 },
      new Date('2027-02-01T00:00:00Z'),
      copies[2]!.objectKey
    )
    expect(plan.kept.map((k) => k.rules)).toEqual([['newest', 'daily'], ['protected']])
    expect(plan.expired.map((c) => c.objectKey)).toEqual([copies[1]!.objectKey])
  })

  test('a copy kept by a rule is not taken by another rule’s count twice', () => {
    // Both copies are in the same week and month: weekly 1 and monthly 1 keep only the newest.
    const plan = planRetention(
      ['2027-01-28T00:00:00Z', '2027-01-27T00:00:00Z'].map(at),
      { keepWeekly: 1, keepMonthly: 1 },
      new Date('2027-02-01T00:00:00Z')
    )
    expect(plan.kept.map((k) => k.rules)).toEqual([['newest', 'weekly', 'monthly']])
    expect(plan.expired).toHaveLength(1)
  })
})
