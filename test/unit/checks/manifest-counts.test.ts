import { describe, expect, test } from '@jest/globals'
import { judgeManifestCounts } from '../../../src/checks/check-manifest-counts.js'

const restored = [
  { database: 'shop', table: 'orders', rows: 480 },
  { database: 'shop', table: 'customers', rows: 10 }
]

describe('row counts against the manifest', () => {
  test('exact counts must match table by table, whatever the tolerance', () => {
    const verdict = judgeManifestCounts(
      restored,
      {
        exact: true,
        method: 'dump-snapshot',
        tables: [
          { database: 'shop', table: 'orders', rows: 500 },
          { database: 'shop', table: 'customers', rows: 10 }
        ]
      },
      10
    )
    expect(verdict.passed).toBe(false)
    expect(verdict.detail).toMatch(
      /^shop\.orders: 480 rows, 500 at dump time — manifest counts exact \(dump-snapshot\)/
    )
  })

  test('counts marked not exact may differ within row-count-tolerance', () => {
    const recorded = {
      exact: false,
      method: 'separate-snapshot' as const,
      tables: [
        { database: 'shop', table: 'orders', rows: 500 },
        { database: 'shop', table: 'customers', rows: 10 }
      ]
    }
    expect(judgeManifestCounts(restored, recorded, 5).passed).toBe(true)
    expect(judgeManifestCounts(restored, recorded, 3).passed).toBe(false)
  })

  test('a table the dump had that the restore lacks fails; an extra one is only named', () => {
    const verdict = judgeManifestCounts(
      restored,
      {
        exact: true,
        method: 'quiescent-copy',
        tables: [
          { database: 'shop', table: 'orders', rows: 480 },
          { database: 'shop', table: 'audit.log', rows: 3 }
        ]
      },
      0
    )
    expect(verdict.passed).toBe(false)
    expect(verdict.detail).toMatch(/shop\.audit\.log is missing \(3 rows at dump time\)/)
    expect(verdict.detail).toMatch(/not in the manifest: shop\.customers/)
  })

  test('a manifest without counts (older copies) is skipped, not passed', () => {
    expect(judgeManifestCounts(restored, undefined, 0)).toMatchObject({
      passed: false,
      skipped: true
    })
  })
})
