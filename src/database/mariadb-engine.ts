import type { EngineOps, IntegrityOutcome, TableRef } from './engine.js'
import { toCount } from './engine.js'
import type { Session } from './session.js'

const ident = (s: string) => `\`${s.replaceAll('`', '``')}\``
const qualified = (t: TableRef) => `${ident(t.database)}.${ident(t.name)}`

/** The server's own schemas, and what a datadir on a mount point shows (Trove volumes). */
const SYSTEM_DATABASES = new Set([
  'information_schema',
  'performance_schema',
  'mysql',
  'sys',
  'lost+found',
  '#mysql50#lost+found'
])

export const mariadbEngine: EngineOps = {
  label: 'MariaDB',
  // No database is needed to connect.
  connectDatabases: [undefined],
  // 1049 unknown database, 1044 no access to it.
  isUnusableDatabase: (error) => [1049, 1044].includes((error as { errno?: number })?.errno ?? 0),
  optionalDatabases: [],

  async version(session) {
    const { rows } = await session.query('SELECT VERSION()')
    // "10.11.6-MariaDB-0+deb12u1" → "10.11.6"
    return String(rows[0]?.[0] ?? '?').split('-')[0] as string
  },

  async listDatabases(session) {
    const { rows } = await session.query('SHOW DATABASES')
    return rows
      .map((r) => String(r[0]))
      .filter((d) => !SYSTEM_DATABASES.has(d.toLowerCase()))
      .sort()
  },

  async listTables(session, database) {
    const { rows } = await session.query(
      `SELECT TABLE_NAME FROM information_schema.TABLES
       WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
      [database]
    )
    return rows.map((r) => ({ database, name: String(r[0]) }))
  },

  async countRows(session, table) {
    const { rows } = await session.query(`SELECT COUNT(*) FROM ${qualified(table)}`)
    return toCount(rows[0]?.[0])
  },

  async checksum(session, table) {
    // Columns: Table, Checksum (NULL when the table cannot be read).
    const { rows } = await session.query(`CHECKSUM TABLE ${qualified(table)}`)
    const value = rows[0]?.[1]
    return value === null || value === undefined ? null : String(value)
  },

  integrity: checkTables
}

/**
 * CHECK TABLE per table. Columns: Table, Op, Msg_type, Msg_text; the last `status` row says OK
 * (or "Table is already up to date"); any `error` row, or another status, means damage. `note`
 * rows (e.g. an engine that cannot check) are not failures.
 */
async function checkTables(
  session: Session,
  _database: string,
  tables: TableRef[]
): Promise<IntegrityOutcome> {
  const failures: string[] = []
  let checked = 0
  for (const table of tables) {
    const { rows } = await session.query(`CHECK TABLE ${qualified(table)}`)
    checked++
    const problems = rows
      .filter(([, , type, text]) => {
        const kind = String(type).toLowerCase()
        if (kind === 'error') return true
        return kind === 'status' && !/^(OK|Table is already up to date)$/i.test(String(text))
      })
      .map(([, , type, text]) => `${String(type)}: ${String(text)}`)
    if (problems.length > 0)
      failures.push(`${table.database}.${table.name}: ${problems.join('; ')}`)
  }
  return { checked, failures }
}
