import { describe, expect, test } from '@jest/globals'
import { compareSeverity, evaluate, type Verdict, worstVerdict } from '../../../src/policy/index.js'
import { backup, daily, DEFAULT_POLICY, NOW } from './fixtures.js'

describe('the verdict on the newest usable backup (max-age 24h + grace 2h)', () => {
  test.each([
    ['no backups at all', [], 'none', undefined],
    ['only FAILED backups', [backup(1, { status: 'FAILED' })], 'none', undefined],
    ['only a running backup', [backup(0.1, { status: 'BUILDING' })], 'none', undefined],
    ['a COMPLETED backup 5 h old', [backup(5)], 'ok', 5],
    ['exactly at the limit (26 h) is still ok', [backup(26)], 'ok', 26],
    ['one minute past the limit is stale', [backup(26 + 1 / 60)], 'stale', 26.02],
    ['a RESTORED (imported) backup counts as usable', [backup(3, { status: 'RESTORED' })], 'ok', 3],
    [
      'a newer FAILED backup does not hide a stale COMPLETED one',
      [backup(1, { status: 'FAILED' }), backup(30)],
      'stale',
      30
    ],
    [
      'a running backup does not count until it is COMPLETED',
      [backup(0.2, { status: 'NEW' }), backup(40)],
      'stale',
      40
    ]
  ] as const)('%s → %s', (_name, backups, verdict, ageHours) => {
    const e = evaluate([...backups], NOW, DEFAULT_POLICY)
    expect(e.verdict).toBe(verdict)
    expect(e.latest?.ageHours).toBe(ageHours)
  })

  test('a custom policy moves the limit', () => {
    const policy = { ...DEFAULT_POLICY, maxAgeMs: 6 * 3_600_000, graceMs: 0 }
    expect(evaluate([backup(7)], NOW, policy).verdict).toBe('stale')
    expect(evaluate([backup(5)], NOW, policy).verdict).toBe('ok')
  })
})

describe('clock skew: a backup "created" in the future', () => {
  test('counts as age 0, is noted with how far ahead it is, and does not break the gaps', () => {
    const ahead = backup(-90 / 3600) // 90 s in the future
    const e = evaluate([ahead, ...daily(5, [], 24)], NOW, DEFAULT_POLICY)
    expect(e.verdict).toBe('ok')
    expect(e.latest).toMatchObject({ id: ahead.id, ageHours: 0 })
    expect(e.clockSkew).toEqual([expect.objectContaining({ id: ahead.id, aheadSeconds: 90 })])
    const last = e.gaps[e.gaps.length - 1]
    expect(last).toMatchObject({ toNow: true, hours: 0 })
    expect(e.gaps.every((g) => g.hours >= 0)).toBe(true)
    // The report keeps the cloud's own time stamp.
    expect(e.latest?.created).toBe(ahead.created.toISOString())
  })

  test('a far-future backup is still age 0 rather than a negative age that passes every check', () => {
    const e = evaluate([backup(-48)], NOW, DEFAULT_POLICY)
    expect(e.latest?.ageHours).toBe(0)
    expect(e.expiringSoon).toEqual([])
    expect(e.pastRetention).toEqual([])
    expect(e.clockSkew[0]?.aheadSeconds).toBe(48 * 3600)
  })
})

describe('counts and size', () => {
  test('counts every status once and sums the size of all backups', () => {
    const e = evaluate(
      [
        backup(1, { sizeGb: 1.25 }),
        backup(2, { status: 'FAILED', sizeGb: 0.25 }),
        backup(0.1, { status: 'BUILDING', sizeGb: 0.5 }),
        backup(3, { status: 'DELETE_FAILED' }),
        backup(4, { status: 'RESTORED', sizeGb: 2 }),
        backup(5, { status: 'NEW', sizeGb: undefined })
      ],
      NOW,
      DEFAULT_POLICY
    )
    expect(e.counts).toEqual({ total: 6, usable: 2, failed: 1, running: 2, other: 1 })
    expect(e.sizeGb).toBe(4.5)
    expect(e.oldest).toMatchObject({ ageDays: 0.21 })
  })

  test('FAILED backups count in the window only', () => {
    const e = evaluate(
      [backup(5), backup(24 * 10, { status: 'FAILED' }), backup(24 * 40, { status: 'FAILED' })],
      NOW,
      DEFAULT_POLICY
    )
    expect(e.counts.failed).toBe(2)
    expect(e.failedInWindow).toHaveLength(1)
  })
})

describe('the worst verdict decides', () => {
  test.each([
    [[], 'ok'],
    [['ok', 'ok'], 'ok'],
    [['ok', 'stale'], 'stale'],
    [['stale', 'none', 'ok'], 'none'],
    [['none', 'stale'], 'none']
  ] as [Verdict[], Verdict][])('%j → %s', (verdicts, worst) => {
    expect(worstVerdict(verdicts)).toBe(worst)
  })

  test('instances sort worst first, then by the age of their newest backup', () => {
    const ok = evaluate([backup(1)], NOW, DEFAULT_POLICY)
    const stale30 = evaluate([backup(30)], NOW, DEFAULT_POLICY)
    const stale90 = evaluate([backup(90)], NOW, DEFAULT_POLICY)
    const none = evaluate([], NOW, DEFAULT_POLICY)
    const sorted = [ok, stale30, none, stale90].sort(compareSeverity)
    expect(sorted).toEqual([none, stale90, stale30, ok])
  })
})
