import { describe, expect, test } from '@jest/globals'
import { relativeDifference } from '../../../src/checks/check-compare.js'
import { judgeRowCounts, judgeTables } from '../../../src/checks/check-tables.js'
import { Recorder } from '../../../src/checks/recorder.js'
import { redact } from '../../../src/checks/redact.js'
import { TlsChoice } from '../../../src/database/session.js'

const SECRET = 'p@ss w/rd'

function recorder() {
  const lines: string[] = []
  let t = 0
  const rec = new Recorder(
    { info: (m) => void lines.push(`info ${m}`), warning: (m) => void lines.push(`warning ${m}`) },
    [SECRET, ''],
    () => (t += 25)
  )
  return { rec, lines }
}

describe('redact', () => {
  test('removes every occurrence, also URL-encoded; an empty secret changes nothing', () => {
    expect(redact(`a ${SECRET} b ${encodeURIComponent(SECRET)} c ${SECRET}`, [SECRET, ''])).toBe(
      'a *** b *** c ***'
    )
  })
})

describe('Recorder', () => {
  test('times a check, logs one line with its mark and keeps the result', async () => {
    const { rec, lines } = recorder()
    const ok = await rec.check('tables', async () => ({ passed: true, detail: '3 tables' }))
    const bad = await rec.check('row counts', async () => ({ passed: false, detail: 'none' }))
    expect(ok).toEqual({ name: 'tables', passed: true, detail: '3 tables', durationMs: 25 })
    expect(bad.passed).toBe(false)
    expect(rec.results).toEqual([ok, bad])
    expect(lines).toEqual(['info ✓ tables (25 ms): 3 tables', 'info ✗ row counts (25 ms): none'])
  })

  test('a thrown database error is a failed check, without the password, on one line', async () => {
    const { rec, lines } = recorder()
    const result = await rec.check('connect', async () => {
      throw Object.assign(new Error(`login failed\nfor "${SECRET}"`), { code: '28P01' })
    })
    expect(result).toMatchObject({ passed: false, detail: 'login failed for "***"' })
    expect(lines.join('\n')).not.toContain(SECRET)
  })

  test('a detail or warning that quotes the password is cleaned too', async () => {
    const { rec, lines } = recorder()
    const result = await rec.check('x', async () => ({ passed: true, detail: `got ${SECRET}` }))
    rec.warn(`careful ${SECRET}`)
    expect(result.detail).toBe('got ***')
    expect(lines).toEqual(['info ✓ x (25 ms): got ***', 'warning careful ***'])
  })

  test('a programming error propagates (cleaned), it is not a failed check', async () => {
    const { rec } = recorder()
    await expect(
      rec.check('x', async () => {
        throw new TypeError(`cannot read ${SECRET}`)
      })
    ).rejects.toThrow(new TypeError('cannot read ***'))
    expect(rec.results).toEqual([])
  })

  test('a very long detail is cut', async () => {
    const { rec } = recorder()
    const result = await rec.check('x', async () => ({ passed: false, detail: 'y'.repeat(5000) }))
    expect(result.detail.length).toBe(1000)
  })
})

describe('judging tables and counts', () => {
  const table = (database: string, name: string) => ({ database, name })

  test('no tables anywhere fails', () => {
    expect(judgeTables([{ name: 'shop', tables: [] }])).toEqual({
      passed: false,
      detail: 'the restore has no tables (databases: shop)'
    })
    expect(judgeTables([])).toEqual({
      passed: false,
      detail: 'the restore has no tables (no databases visible to this user)'
    })
  })

  test('one database with tables is enough; a database that could not be listed fails', () => {
    const shop = { name: 'shop', tables: [table('shop', 'a'), table('shop', 'b')] }
    expect(judgeTables([shop, { name: 'empty', tables: [] }])).toEqual({
      passed: true,
      detail: '2 database(s), 2 table(s): shop (2), empty (0)'
    })
    expect(judgeTables([shop, { name: 'gone', tables: [], error: 'does not exist' }])).toEqual({
      passed: false,
      detail: 'database gone: does not exist — 2 database(s), 2 table(s): shop (2), gone (error)'
    })
  })

  test('row counts name the largest table and every table that could not be counted', () => {
    const counts = [
      { database: 'shop', table: 'a', rows: 1200 },
      { database: 'shop', table: 'b', rows: 3 }
    ]
    expect(judgeRowCounts({ counts, failures: [] })).toEqual({
      passed: true,
      detail: '1,203 rows in 2 table(s); largest shop.a (1,200)'
    })
    expect(judgeRowCounts({ counts, failures: ['shop.c: permission denied'] }).detail).toBe(
      'could not count shop.c: permission denied — counted 1,203 rows in 2 table(s); largest shop.a (1,200)'
    )
  })
})

describe('relativeDifference', () => {
  test.each([
    [490, 500, 2],
    [510, 500, 2],
    [500, 500, 0],
    [0, 0, 0],
    [1, 0, 100],
    [0, 10, 100]
  ])('restore %d vs source %d → %d%%', (restored, source, percent) => {
    expect(relativeDifference(restored, source)).toBeCloseTo(percent)
  })
})

describe('TlsChoice', () => {
  test('prefer tries TLS once, then remembers the server has none', () => {
    const tls = new TlsChoice('prefer')
    expect([tls.next(), tls.canFallBack()]).toEqual([true, true])
    tls.settle(false)
    expect([tls.next(), tls.canFallBack(), tls.state()]).toEqual([
      false,
      false,
      'no TLS (the server does not offer it)'
    ])
  })

  test('require and the verifying modes never fall back; disable never tries', () => {
    for (const mode of ['require', 'verify-ca', 'verify-full'] as const) {
      const required = new TlsChoice(mode)
      expect([required.next(), required.canFallBack()]).toEqual([true, false])
    }
    const off = new TlsChoice('disable')
    expect([off.next(), off.canFallBack(), off.state()]).toEqual([false, false, 'TLS off'])
  })
})

test('a skipped check counts as neither passed nor failed; verified needs a pass and no failure', async () => {
  const { allPassed, tally } = await import('../../../src/checks/types.js')
  const recorder = new Recorder({ info: () => undefined, warning: () => undefined }, [])
  await recorder.check('connect', async () => ({ passed: true, detail: 'ok' }))
  await recorder.check('integrity', async () => ({
    passed: true,
    skipped: true,
    detail: 'skipped: no amcheck'
  }))
  expect(recorder.results[1]).toMatchObject({ passed: false, skipped: true })
  expect(tally(recorder.results)).toEqual({ passed: 1, failed: 0, skipped: 1 })
  expect(allPassed(recorder.results)).toBe(true)
  expect(allPassed(recorder.results.slice(1))).toBe(false)
})
