import { describe, expect, test } from '@jest/globals'
import { formatElapsed, parseOpenStackTime } from '../../../src/openstack/index.js'

describe('parseOpenStackTime', () => {
  test.each([
    ['2019-12-23T22:38:42', '2019-12-23T22:38:42.000Z'],
    ['2019-12-23 22:38:42', '2019-12-23T22:38:42.000Z'],
    ['2015-11-07T02:58:43.578887Z', '2015-11-07T02:58:43.578Z'],
    ['2026-11-25T12:00:00+02:00', '2026-11-25T10:00:00.000Z'],
    ['2026-11-25T12:00', '2026-11-25T12:00:00.000Z']
  ])('%s is %s', (input, iso) => {
    expect(parseOpenStackTime(input)?.toISOString()).toBe(iso)
  })

  test('a zone-less time is UTC whatever the local time zone', () => {
    const previous = process.env.TZ
    process.env.TZ = 'Europe/Helsinki'
    try {
      expect(parseOpenStackTime('2026-06-01T00:00:00')?.toISOString()).toBe(
        '2026-06-01T00:00:00.000Z'
      )
    } finally {
      process.env.TZ = previous
    }
  })

  test.each(['', 'yesterday', '2026-13-45T99:00:00', '1700000000'])('%s is not a time', (input) => {
    expect(parseOpenStackTime(input)).toBeUndefined()
  })

  test('reads every string of the plain 19-character form as the Date parser does', () => {
    // Edge values of each field (and just past them), in every combination the loop makes,
    // plus a non-digit and a wrong separator: the hand-read fast path must agree everywhere.
    const years = ['0000', '0099', '0999', '1000', '1970', '2024', '2026', '9999', '2o26']
    const months = ['00', '01', '02', '04', '12', '13', '1x']
    const days = ['00', '01', '28', '29', '30', '31', '32']
    const clocks = ['00:00:00', '23:59:59', '24:00:00', '23:60:00', '23:59:60', '12:3a:00']
    let compared = 0
    for (const y of years)
      for (const m of months)
        for (const d of days)
          for (const c of clocks)
            for (const sep of ['T', 'X']) {
              const value = `${y}-${m}-${d}${sep}${c}`
              const oracle = new Date(`${value}Z`).getTime()
              const expected = sep === 'T' && !Number.isNaN(oracle) ? oracle : undefined
              expect([value, parseOpenStackTime(value)?.getTime()]).toEqual([value, expected])
              compared++
            }
    expect(compared).toBe(9 * 7 * 7 * 6 * 2)
  })
})

test.each([
  [0, '0s'],
  [45_400, '45s'],
  [185_000, '3m05s'],
  [3_720_000, '1h02m']
])('formatElapsed(%d) = %s', (ms, text) => {
  expect(formatElapsed(ms)).toBe(text)
})
