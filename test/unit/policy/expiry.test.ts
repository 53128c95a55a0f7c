import { describe, expect, test } from '@jest/globals'
import { expiringSoon, pastRetention } from '../../../src/policy/index.js'
import { backup, DAY, DEFAULT_POLICY, NOW } from './fixtures.js'

const H = (days: number): number => days * 24

describe('expiry within expiry-warning (7d) of a 90-day retention', () => {
  test.each([
    ['82 days old: expires in 8 days, not yet', H(82), false, false],
    ['83 days old: expires in exactly 7 days', H(83), true, false],
    ['89.5 days old: expires in 12 h', H(89.5), true, false],
    ['exactly 90 days old: due now, neither expiring nor past', H(90), false, false],
    ['90 days and an hour: past retention', H(90) + 1, false, true],
    ['120 days old: past retention', H(120), false, true],
    ['a day old: nowhere near', 24, false, false]
  ])('%s', (_name, ageHours, expiring, past) => {
    const b = [backup(ageHours)]
    expect(expiringSoon(b, NOW, DEFAULT_POLICY).length).toBe(expiring ? 1 : 0)
    expect(pastRetention(b, NOW, DEFAULT_POLICY).length).toBe(past ? 1 : 0)
  })

  test('says when each expires, soonest first, for any status', () => {
    const list = expiringSoon(
      [backup(H(84)), backup(H(89), { status: 'FAILED' })],
      NOW,
      DEFAULT_POLICY
    )
    expect(list.map((b) => b.expiresInHours)).toEqual([24, 144])
    expect(list[0]?.expiresAt).toBe(new Date(NOW + DAY).toISOString())
  })

  test('past-retention backups come oldest first with their age in days', () => {
    const list = pastRetention([backup(H(91)), backup(H(100))], NOW, DEFAULT_POLICY)
    expect(list.map((b) => b.ageDays)).toEqual([100, 91])
  })

  test('a shorter retention input moves both', () => {
    const policy = { ...DEFAULT_POLICY, retentionMs: 30 * DAY, expiryWarningMs: 2 * DAY }
    expect(expiringSoon([backup(H(29))], NOW, policy)).toHaveLength(1)
    expect(pastRetention([backup(H(31))], NOW, policy)).toHaveLength(1)
  })
})
