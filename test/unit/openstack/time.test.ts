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
})

test.each([
  [0, '0s'],
  [45_400, '45s'],
  [185_000, '3m05s'],
  [3_720_000, '1h02m']
])('formatElapsed(%d) = %s', (ms, text) => {
  expect(formatElapsed(ms)).toBe(text)
})
