import { describe, expect, test } from '@jest/globals'
import { parseOpenStackTime } from '../../../src/openstack/index.js'
import { evaluate, gapsOver, largestGap } from '../../../src/policy/index.js'
import { backup, daily, DAY, DEFAULT_POLICY, HOUR, NOW } from './fixtures.js'

const WINDOW = 30 * DAY

describe('gaps between consecutive COMPLETED backups over the window', () => {
  test('a missed day shows as one 48 h gap, at the right place', () => {
    const gaps = gapsOver(daily(40, [10]), NOW, WINDOW)
    const largest = largestGap(gaps)
    expect(largest).toMatchObject({ hours: 48, toNow: false })
    expect(largest?.from).toBe(new Date(NOW - (11 * 24 + 3) * HOUR).toISOString())
    expect(largest?.to).toBe(new Date(NOW - (9 * 24 + 3) * HOUR).toISOString())
    expect(gaps.filter((g) => g.hours === 24).length).toBeGreaterThan(25)
  })

  test('the open gap from the newest backup to now counts', () => {
    const backups = daily(20).map((b) => ({
      ...b,
      created: new Date(b.created.getTime() - 37 * HOUR)
    }))
    const largest = largestGap(gapsOver(backups, NOW, WINDOW))
    expect(largest).toMatchObject({ toNow: true, hours: 40 })
  })

  test('only gaps that end inside the window; one that crosses its start is kept', () => {
    // Daily backups 0..45 days ago but none between day 29 and day 33.
    const gaps = gapsOver(daily(46, [30, 31, 32]), NOW, WINDOW)
    expect(largestGap(gaps)?.hours).toBe(96)
    expect(gaps.every((g) => Date.parse(g.to) >= NOW - WINDOW)).toBe(true)
  })

  test('FAILED and running backups do not close a gap', () => {
    const e = evaluate(
      [backup(3), backup(27, { status: 'FAILED' }), backup(51)],
      NOW,
      DEFAULT_POLICY
    )
    expect(e.largestGap?.hours).toBe(48)
  })

  test('one backup: the only gap is its age; none: no gaps', () => {
    expect(gapsOver([backup(5)], NOW, WINDOW)).toEqual([
      expect.objectContaining({ hours: 5, toNow: true })
    ])
    expect(gapsOver([], NOW, WINDOW)).toEqual([])
  })

  test('a tie goes to the most recent gap', () => {
    const gaps = gapsOver([backup(0), backup(48), backup(96)], NOW, WINDOW)
    expect(largestGap(gaps)).toMatchObject({ hours: 48, to: new Date(NOW).toISOString() })
  })

  test('the input order of the listing does not matter', () => {
    const backups = daily(30, [5])
    const shuffled = [...backups].reverse()
    expect(gapsOver(shuffled, NOW, WINDOW)).toEqual(gapsOver(backups, NOW, WINDOW))
  })
})

describe('time zones', () => {
  // Trove's stamps carry no zone and mean UTC (parsed as such, whatever the runner's zone);
  // a stamp with an offset names the same instant. Daily 01:00 UTC backups across Europe's
  // switch to summer time (2026-03-29 01:00 UTC) stay 24 h apart: no 23 h / 25 h artefacts.
  const now = Date.parse('2026-03-31T05:00:00Z')
  const utcInstants = [
    '2026-03-27T01:00:00Z',
    '2026-03-28T01:00:00Z',
    '2026-03-29T01:00:00Z',
    '2026-03-30T01:00:00Z',
    '2026-03-31T01:00:00Z'
  ]
  const shift = (offset: string): string[] =>
    utcInstants.map((s) => {
      const sign = offset.startsWith('-') ? -1 : 1
      const [h, m] = offset.slice(1).split(':').map(Number) as [number, number]
      const local = new Date(Date.parse(s) + sign * (h * 60 + m) * 60_000)
      return local.toISOString().slice(0, 19) + offset
    })

  test.each([
    ['naive Trove stamps (UTC)', utcInstants.map((s) => s.slice(0, 19))],
    ['Europe/Helsinki in winter (+02:00)', shift('+02:00')],
    ['America/Los_Angeles (-07:00)', shift('-07:00')],
    ['Pacific/Chatham (+13:45)', shift('+13:45')]
  ])('%s give the same ages and 24 h gaps', (_name, stamps) => {
    const backups = stamps.map((s, i) =>
      backup(0, { created: parseOpenStackTime(s) as Date, id: `b${i}` })
    )
    const e = evaluate(backups, now, DEFAULT_POLICY)
    expect(e.latest).toMatchObject({ id: 'b4', ageHours: 4, created: '2026-03-31T01:00:00.000Z' })
    expect(e.gaps.map((g) => g.hours)).toEqual([24, 24, 24, 24, 4])
    expect(e.verdict).toBe('ok')
  })

  test("a naive stamp is not read as the runner's local time", () => {
    const created = parseOpenStackTime('2026-11-25T11:00:00') as Date
    expect(evaluate([backup(0, { created })], NOW, DEFAULT_POLICY).latest?.ageHours).toBe(1)
  })
})
