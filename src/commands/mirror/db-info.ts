import { connectHome, openServer } from '../../database/server.js'
import type { DbTarget } from '../../database/types.js'
import { CheckFailure } from '../../errors.js'

export interface DbInfo {
  serverVersion: string
  /** What to dump: the given databases, else every non-system one the user can see. */
  databases: string[]
}

/**
 * Logs in once before dumping: proves the credentials, reads the server version (to catch a dump
 * tool that is too old) and lists the databases to dump.
 */
export async function readDbInfo(target: DbTarget): Promise<DbInfo> {
  const server = openServer(target, 30_000, 60_000)
  try {
    const { session } = await connectHome(server)
    const serverVersion = await server.engine.version(session)
    const visible = await server.engine.listDatabases(session)
    const candidates = visible.filter(
      (d) => !(target.engine === 'postgresql' && (d === 'postgres' || d.startsWith('template')))
    )
    const databases = target.databases.length > 0 ? target.databases : candidates
    const missing = target.databases.filter((d) => !visible.includes(d))
    if (missing.length > 0) {
      throw new CheckFailure(
        `database(s) ${missing.join(', ')} not found or not visible to ${target.user}; visible: ${visible.join(', ') || 'none'}`
      )
    }
    if (databases.length === 0) {
      throw new CheckFailure(`user ${target.user} sees no database to dump; set databases`)
    }
    if (target.engine === 'postgresql' && databases.length > 1) {
      // pg_dump's custom format holds one database; one mirror step per database keeps each
      // copy restorable with plain pg_restore.
      throw new CheckFailure(
        `PostgreSQL: ${databases.length} databases (${databases.join(', ')}); a pg_dump holds one: set databases to one of them (one mirror step per database)`
      )
    }
    return { serverVersion, databases }
  } finally {
    await server.pool.closeAll()
  }
}
