import type { EngineOps, TableRef } from '../database/engine.js'
import { fullName, tableLabel } from '../database/engine.js'
import type { Session } from '../database/session.js'
import type { SessionPool } from '../database/session-pool.js'
import type { TableCount } from './types.js'

export interface DatabaseTables {
  name: string
  tables: TableRef[]
  /** Why this database could not be listed (no such database, no access…). */
  error?: string
}

/**
 * The databases to check and their tables: the given ones, or every non-system database the
 * user can see (PostgreSQL's `postgres` only when it holds tables of its own).
 */
export async function listTables(
  engine: EngineOps,
  pool: SessionPool,
  home: Session,
  given: string[],
  describe: (error: unknown) => string
): Promise<DatabaseTables[]> {
  const names = given.length > 0 ? given : await engine.listDatabases(home)
  const result: DatabaseTables[] = []
  for (const name of names) {
    try {
      const session = await pool.get(name)
      const tables = await engine.listTables(session, name)
      const optional = given.length === 0 && engine.optionalDatabases.includes(name)
      if (optional && tables.length === 0) continue
      result.push({ name, tables })
    } catch (error) {
      result.push({ name, tables: [], error: describe(error) })
    }
  }
  return result
}

export interface Counted {
  counts: TableCount[]
  /** `shop.orders: permission denied…` for each table that could not be counted. */
  failures: string[]
}

/** Exact `count(*)` of every table: slow on huge tables, but a drill wants the truth. */
export async function countRows(
  engine: EngineOps,
  pool: SessionPool,
  databases: DatabaseTables[],
  describe: (error: unknown) => string
): Promise<Counted> {
  const counts: TableCount[] = []
  const failures: string[] = []
  for (const db of databases) {
    for (const table of db.tables) {
      try {
        const rows = await engine.countRows(await pool.get(db.name), table)
        counts.push({ database: db.name, table: tableLabel(table), rows })
      } catch (error) {
        failures.push(`${fullName(table)}: ${describe(error)}`)
      }
    }
  }
  return { counts, failures }
}
