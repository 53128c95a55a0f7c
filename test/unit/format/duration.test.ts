import { describe, expect, test } from '@jest/globals'
import { formatDuration, parseDuration } from '../../../src/format/duration.js'

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    [' 2H ', 7_200_000]
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms))

  test.each([
    '',
    '60',
    'abc',
    '-5m',
    '5 m',
    '5w',
    'h',
    '1h-30m',
    '1h1h',
    '30m1h',
    '1e3s',
    '1234567890d'
  ])('%s is refused', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })
})

test.each([
  [5_400_000, '1h30m'],
  [90_000, '1m30s'],
  [86_400_000 * 90, '90d'],
  [0, '0s']
])('formatDuration(%d) = %s', (ms, text) => expect(formatDuration(ms)).toBe(text))

test('each unit once, largest first: 1d2h3m4s5ms is fine', () => {
  expect(parseDuration('1d2h3m4s5ms')).toBe(86_400_000 + 7_200_000 + 180_000 + 4_000 + 5)
})
