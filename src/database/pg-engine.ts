import type { EngineOps, IntegrityOutcome, TableRef } from './engine.js'
import { toCount } from './engine.js'
import type { Session } from './session.js'

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`
const qualified = (t: TableRef) => `${ident(t.schema ?? 'public')}.${ident(t.name)}`

const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`

/** SQLSTATE of a PostgreSQL error (node-postgres puts it in `code`). */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export const postgresEngine: EngineOps = {
  label: 'PostgreSQL',
  // Every cluster has `postgres`; `template1` when `postgres` was dropped or is closed to us.
  connectDatabases: ['postgres', 'template1'],
  // 3D000 no such database, 42501 no CONNECT privilege, 28000 pg_hba refuses this database.
  isUnusableDatabase: (error) => ['3D000', '42501', '28000'].includes(sqlState(error) ?? ''),
  optionalDatabases: ['postgres'],

  async version(session) {
    const { rows } = await session.query('SHOW server_version')
    return String(rows[0]?.[0] ?? '?').split(' ')[0] as string
  },

  async listDatabases(session) {
    const { rows } = await session.query(
      `SELECT datname FROM pg_database
       WHERE datallowconn AND NOT datistemplate AND has_database_privilege(datname, 'CONNECT')
       ORDER BY datname`
    )
    return rows.map((r) => String(r[0]))
  },

  async listTables(session, database) {
    // Ordinary tables and partitions ('r'); a partitioned parent ('p') would count its rows twice.
    const { rows } = await session.query(
      `SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND c.relpersistence <> 't' AND ${SYSTEM_SCHEMAS}
       ORDER BY n.nspname, c.relname`
    )
    return rows.map((r) => ({ database, schema: String(r[0]), name: String(r[1]) }))
  },

  async countRows(session, table) {
    const { rows } = await session.query(`SELECT count(*) FROM ${qualified(table)}`)
    return toCount(rows[0]?.[0])
  },

  async checksum(session, table) {
    // Row text in a fixed order: equal on both sides exactly when the rows are equal.
    const { rows } = await session.query(
      `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ${qualified(table)} t`
    )
    const value = rows[0]?.[0]
    return value === null || value === undefined ? null : String(value)
  },

  integrity: amcheck
}

/**
 * amcheck's bt_index_check over the btree indexes of user tables. The extension is not trusted:
 * creating it (and calling its functions) needs a superuser or a grant, which a DBaaS user often
 * lacks. That is reported as skipped with the reason, not as a failure of the backup.
 */
async function amcheck(session: Session, database: string): Promise<IntegrityOutcome> {
  try {
    await session.query('CREATE EXTENSION IF NOT EXISTS amcheck')
  } catch (error) {
    const skipped = `amcheck unavailable in ${database}: ${message(error)}`
    return { checked: 0, failures: [], skipped }
  }
  const { rows: schema } = await session.query(
    `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'amcheck'`
  )
  const fn = `${ident(String(schema[0]?.[0] ?? 'public'))}.bt_index_check`
  const { rows: indexes } = await session.query(
    `SELECT c.oid, n.nspname, c.relname FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid
     JOIN pg_am am ON am.oid = c.relam
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'i' AND am.amname = 'btree' AND i.indisvalid AND i.indisready AND c.relpersistence <> 't'
       AND ${SYSTEM_SCHEMAS}
     ORDER BY n.nspname, c.relname`
  )
  const failures: string[] = []
  let checked = 0
  for (const [oid, nsp, name] of indexes) {
    const label = `${database}.${nsp === 'public' ? '' : `${String(nsp)}.`}${String(name)}`
    try {
      await session.query(`SELECT ${fn}($1::oid::regclass)`, [oid])
      checked++
    } catch (error) {
      // 42501: the function exists but EXECUTE was not granted to this user.
      if (sqlState(error) === '42501' && checked === 0) {
        return {
          checked: 0,
          failures: [],
          skipped: `amcheck not usable in ${database}: ${message(error)}`
        }
      }
      failures.push(`${label}: ${message(error)}`)
    }
  }
  return { checked, failures }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
