import type { SnapshotCounts } from '../database/dump-snapshot.js'
import type { Verdict } from './recorder.js'
import type { TableCount } from './types.js'

/**
 * The restored rows against those the manifest recorded at dump time. Exact counts (taken in
 * the dump's own snapshot, or in a copy nothing else wrote to) must match table by table; counts
 * the manifest marks not exact may differ by `tolerancePercent` of the recorded count. A table
 * the manifest lists that the restore lacks fails either way; a restored table the manifest
 * does not list is named but does not fail (it may have been created during the dump).
 */
export function judgeManifestCounts(
  restored: readonly TableCount[],
  recorded: SnapshotCounts | undefined,
  tolerancePercent: number
): Verdict {
  if (!recorded) {
    return {
      passed: false,
      skipped: true,
      detail: 'the manifest records no row counts (a copy made before they were recorded)'
    }
  }
  const key = (database: string, table: string) => `${database}.${table}`
  const have = new Map(restored.map((c) => [key(c.database, c.table), c.rows]))
  const allowed = recorded.exact ? 0 : tolerancePercent
  const problems: string[] = []
  let total = 0
  for (const table of recorded.tables) {
    total += table.rows
    const name = key(table.database, table.table)
    const rows = have.get(name)
    have.delete(name)
    if (rows === undefined) {
      problems.push(`${name} is missing (${table.rows} rows at dump time)`)
      continue
    }
    const limit = (table.rows * allowed) / 100
    if (Math.abs(rows - table.rows) > limit) {
      problems.push(`${name}: ${rows} rows, ${table.rows} at dump time`)
    }
  }
  const how = recorded.exact
    ? `exact (${recorded.method})`
    : `not exact (${recorded.method}), tolerance ${tolerancePercent}%`
  const extra = [...have.keys()]
  const note = extra.length > 0 ? `; not in the manifest: ${extra.join(', ')}` : ''
  if (problems.length > 0) {
    return { passed: false, detail: `${problems.join('; ')} — manifest counts ${how}${note}` }
  }
  return {
    passed: true,
    detail: `${recorded.tables.length} table(s), ${total} rows as the manifest recorded — ${how}${note}`
  }
}
