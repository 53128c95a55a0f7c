import { tableLabel } from './engine.js'
import { openServer, type Server } from './server.js'
import type { Session } from './session.js'
import type { DbTarget } from './types.js'

/** One table's rows as the dump saw them (`table` is `orders`, or `audit.orders` outside public). */
export interface RowCount {
  database: string
  table: string
  rows: number
}

/**
 * How far the counts can be trusted:
 * - `dump-snapshot`: counted in the very snapshot the dump read (PostgreSQL's exported
 *   snapshot, which pg_dump imports with --snapshot): exact.
 * - `quiescent-copy`: counted just before the dump in a temporary instance restored from a
 *   backup, which nothing but this run can reach or write: exact.
 * - `separate-snapshot`: counted in a consistent snapshot of our own just before the dump took
 *   its own (mariadb-dump --single-transaction cannot share one): writes in between make them
 *   differ, so they are not exact.
 */
export type CountMethod = 'dump-snapshot' | 'quiescent-copy' | 'separate-snapshot'

export interface SnapshotCounts {
  exact: boolean
  method: CountMethod
  tables: RowCount[]
}

export interface DumpSnapshot {
  /** PostgreSQL: the exported snapshot id for `pg_dump --snapshot`; undefined for MariaDB. */
  snapshotId: string | undefined
  counts: SnapshotCounts
  /** Ends the transaction that keeps the snapshot alive; call once the dump has finished. */
  release(): Promise<void>
}

/** Counting is a full scan per table: a generous limit, but a limit. */
const COUNT_TIMEOUT_MS = 15 * 60_000

/**
 * Opens the snapshot the dump will read and counts every table's rows in it. PostgreSQL: a
 * REPEATABLE READ transaction exports its snapshot (pg_export_snapshot) and stays open until
 * `release`, so pg_dump --snapshot sees exactly the rows counted. MariaDB: counts in a
 * consistent snapshot of our own, released at once; `quiescent` (a restored temporary
 * instance) makes them exact.
 */
export async function openDumpSnapshot(
  target: DbTarget,
  databases: string[],
  quiescent: boolean
): Promise<DumpSnapshot> {
  const server = openServer(target, 30_000, COUNT_TIMEOUT_MS)
  try {
    if (target.engine === 'postgresql') return await postgresSnapshot(server, databases[0] ?? '')
    const tables = await mariadbCounts(server, databases)
    await server.pool.closeAll()
    return {
      snapshotId: undefined,
      counts: {
        exact: quiescent,
        method: quiescent ? 'quiescent-copy' : 'separate-snapshot',
        tables
      },
      release: async () => undefined
    }
  } catch (error) {
    await server.pool.closeAll()
    throw error
  }
}

async function postgresSnapshot(server: Server, database: string): Promise<DumpSnapshot> {
  const session = await server.pool.get(database)
  await session.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
  const { rows } = await session.query('SELECT pg_export_snapshot()')
  const snapshotId = String(rows[0]?.[0] ?? '')
  const tables = await countAll(server, session, database)
  let released = false
  return {
    snapshotId,
    counts: { exact: true, method: 'dump-snapshot', tables },
    release: async () => {
      if (released) return
      released = true
      await session.query('COMMIT').catch(() => undefined)
      await server.pool.closeAll()
    }
  }
}

async function mariadbCounts(server: Server, databases: string[]): Promise<RowCount[]> {
  const session = await server.pool.get(undefined)
  await session.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY')
  const tables: RowCount[] = []
  for (const database of databases) tables.push(...(await countAll(server, session, database)))
  await session.query('COMMIT')
  return tables
}

async function countAll(server: Server, session: Session, database: string): Promise<RowCount[]> {
  const counts: RowCount[] = []
  for (const table of await server.engine.listTables(session, database)) {
    counts.push({
      database,
      table: tableLabel(table),
      rows: await server.engine.countRows(session, table)
    })
  }
  return counts
}
