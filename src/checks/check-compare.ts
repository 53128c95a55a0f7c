import { fullName, tableLabel, type TableRef } from '../database/engine.js'
import { countRows, type DatabaseTables, listTables } from './inventory.js'
import type { Verdict } from './recorder.js'
import { connectHome, endpoint, type Server } from '../database/server.js'
import type { TableCount } from './types.js'

/** Checksums read every row: only for tables this small. */
export const CHECKSUM_MAX_ROWS = 100_000
const MAX_LISTED = 10

export interface Restored {
  server: Server
  databases: DatabaseTables[]
  counts: TableCount[]
}

export interface CompareOptions {
  tolerancePercent: number
  describe: (error: unknown) => string
  warn: (message: string) => void
}

/**
 * Row counts of the restore against the source, table by table. The source keeps changing after
 * the backup, hence the tolerance; a table or database missing from the restore always fails.
 * Where the counts agree exactly and the table is small, checksums compare the content too: a
 * mismatch fails only with tolerance 0 (otherwise the source may simply have changed).
 */
export async function checkCompare(
  restored: Restored,
  source: Server,
  options: CompareOptions
): Promise<Verdict> {
  const { describe } = options
  let home
  try {
    home = await connectHome(source)
  } catch (error) {
    return {
      passed: false,
      detail: `could not connect to the source at ${endpoint(source.target)}: ${describe(error)}`
    }
  }
  const given =
    source.target.databases.length > 0 ? source.target.databases : restored.server.target.databases
  const sourceDbs = await listTables(source.engine, source.pool, home.session, given, describe)
  const sourceCounts = await countRows(source.engine, source.pool, sourceDbs, describe)

  const problems: string[] = []
  const notes: string[] = []
  for (const db of sourceDbs.filter((d) => d.error !== undefined)) {
    problems.push(`could not list the source's database ${db.name}: ${db.error ?? ''}`)
  }
  problems.push(...sourceCounts.failures.map((f) => `could not count the source's ${f}`))

  const key = (database: string, table: string) => `${database}\u0000${table}`
  const restoredDbs = new Map(restored.databases.map((d) => [d.name, d]))
  const restoredRows = new Map(restored.counts.map((c) => [key(c.database, c.table), c.rows]))
  const sourceRows = new Map(sourceCounts.counts.map((c) => [key(c.database, c.table), c.rows]))
  const sourceTables = new Set<string>()
  let compared = 0
  const checksumCandidates: TableRef[] = []

  for (const db of sourceDbs) {
    if (db.error !== undefined) continue
    const mirror = restoredDbs.get(db.name)
    if (!mirror || mirror.error !== undefined) {
      problems.push(`database ${db.name} is missing from the restore`)
      for (const t of db.tables) sourceTables.add(key(db.name, tableLabel(t)))
      continue
    }
    const present = new Set(mirror.tables.map((t) => tableLabel(t)))
    for (const table of db.tables) {
      const label = tableLabel(table)
      sourceTables.add(key(db.name, label))
      if (!present.has(label)) {
        problems.push(`table ${fullName(table)} is missing from the restore`)
        continue
      }
      const want = sourceRows.get(key(db.name, label))
      const got = restoredRows.get(key(db.name, label))
      if (want === undefined || got === undefined) continue // counting failed: reported elsewhere
      compared++
      const diff = relativeDifference(got, want)
      if (diff > options.tolerancePercent) {
        problems.push(
          `table ${fullName(table)} has ${got} rows, the source ${want} ` +
            `(${diff.toFixed(1)}% ${got < want ? 'fewer' : 'more'}; tolerance ${options.tolerancePercent}%)`
        )
      } else if (got === want && want > 0 && want < CHECKSUM_MAX_ROWS) {
        checksumCandidates.push(table)
      }
    }
  }

  const extra = restored.databases.flatMap((d) =>
    d.tables.filter((t) => !sourceTables.has(key(d.name, tableLabel(t)))).map(fullName)
  )
  // Only meaningful when the source's side was listed in full.
  if (extra.length > 0 && sourceDbs.every((d) => d.error === undefined)) {
    notes.push(`${extra.length} table(s) only in the restore: ${shortList(extra)}`)
  }

  let equal = 0
  const differing: string[] = []
  for (const table of checksumCandidates) {
    try {
      const [mine, theirs] = [
        await restored.server.engine.checksum(
          await restored.server.pool.get(table.database),
          table
        ),
        await source.engine.checksum(await source.pool.get(table.database), table)
      ]
      if (mine === null || theirs === null) continue
      if (mine === theirs) equal++
      else differing.push(fullName(table))
    } catch (error) {
      notes.push(`no checksum for ${fullName(table)}: ${describe(error)}`)
    }
  }
  if (differing.length > 0) {
    if (options.tolerancePercent === 0) {
      problems.push(
        ...differing.map(
          (t) => `table ${t} has the same row count but different content (checksum)`
        )
      )
    } else {
      const note = `${differing.length} table(s) with equal row counts but different content: ${shortList(differing)} (not failed: tolerance ${options.tolerancePercent}% allows changes on the source)`
      notes.push(note)
      options.warn(`Compare with source: ${note}`)
    }
  }

  const summary =
    `${compared} table(s) compared within ${options.tolerancePercent}%` +
    (checksumCandidates.length > 0
      ? `, ${equal} of ${checksumCandidates.length} checksum(s) equal`
      : '')
  const tail = [summary, ...notes].join('; ')
  if (problems.length > 0)
    return { passed: false, detail: `${shortList(problems, '; ')} — ${tail}` }
  return { passed: true, detail: tail }
}

/** Percent difference from the source; an empty source table allows no rows in the restore. */
export function relativeDifference(restored: number, source: number): number {
  if (source === 0) return restored === 0 ? 0 : 100
  return (Math.abs(restored - source) / source) * 100
}

function shortList(items: string[], separator = ', '): string {
  const shown = items.slice(0, MAX_LISTED).join(separator)
  return items.length > MAX_LISTED
    ? `${shown}${separator}… and ${items.length - MAX_LISTED} more`
    : shown
}
