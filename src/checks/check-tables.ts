import type { DatabaseTables, Counted } from './inventory.js'
import type { Verdict } from './recorder.js'
import type { TableCount } from './types.js'

/** Fails when a database could not be listed, or when no database holds any table. */
export function judgeTables(databases: DatabaseTables[]): Verdict {
  const broken = databases.filter((d) => d.error !== undefined)
  const tables = databases.reduce((n, d) => n + d.tables.length, 0)
  const perDb = databases.map((d) => `${d.name} (${d.error ? 'error' : d.tables.length})`)
  const listing = `${databases.length} database(s), ${tables} table(s): ${perDb.join(', ') || 'none'}`
  if (broken.length > 0) {
    const why = broken.map((d) => `database ${d.name}: ${d.error ?? ''}`).join('; ')
    return { passed: false, detail: `${why} — ${listing}` }
  }
  if (tables === 0) {
    const seen =
      databases.length > 0
        ? ` (databases: ${databases.map((d) => d.name).join(', ')})`
        : ' (no databases visible to this user)'
    return { passed: false, detail: `the restore has no tables${seen}` }
  }
  return { passed: true, detail: listing }
}

export function judgeRowCounts(counted: Counted): Verdict {
  const total = counted.counts.reduce((n, c) => n + c.rows, 0)
  const largest = biggest(counted.counts)
  const summary =
    `${total.toLocaleString('en-US')} rows in ${counted.counts.length} table(s)` +
    (largest
      ? `; largest ${largest.database}.${largest.table} (${largest.rows.toLocaleString('en-US')})`
      : '')
  if (counted.failures.length > 0) {
    return {
      passed: false,
      detail: `could not count ${counted.failures.join('; ')} — counted ${summary}`
    }
  }
  return { passed: true, detail: summary }
}

function biggest(counts: TableCount[]): TableCount | undefined {
  return counts.reduce<TableCount | undefined>((a, c) => (!a || c.rows > a.rows ? c : a), undefined)
}
