import type { EngineOps } from './engine.js'
import { mariadbConnector } from './mariadb-connection.js'
import { mariadbEngine } from './mariadb-engine.js'
import { pgConnector } from './pg-connection.js'
import { postgresEngine } from './pg-engine.js'
import type { Connector, Session } from './session.js'
import { SessionPool } from './session-pool.js'
import type { DbTarget } from './types.js'

/** One database server under check (the restore, or the source to compare with). */
export interface Server {
  target: DbTarget
  engine: EngineOps
  connector: Connector
  pool: SessionPool
}

export function openServer(
  target: DbTarget,
  connectTimeoutMs: number,
  queryTimeoutMs: number
): Server {
  const postgres = target.engine === 'postgresql'
  const connector = postgres ? pgConnector(target) : mariadbConnector(target)
  return {
    target,
    engine: postgres ? postgresEngine : mariadbEngine,
    connector,
    pool: new SessionPool(connector, connectTimeoutMs, queryTimeoutMs)
  }
}

/**
 * The first connection: to the first given database, or else to the engine's usual one
 * (PostgreSQL needs some database to log in to; `template1` when `postgres` is closed to us).
 * A given database that is missing falls back too, so the tables check can say which is missing
 * instead of the whole run stopping at "connect".
 */
export async function connectHome(
  server: Server
): Promise<{ session: Session; database: string | undefined }> {
  const given = server.target.databases[0]
  const usual = server.engine.connectDatabases
  const candidates = given !== undefined ? [given, ...usual.filter((d) => d !== given)] : usual
  let lastError: unknown
  for (const [i, database] of candidates.entries()) {
    try {
      return { session: await server.pool.get(database), database }
    } catch (error) {
      lastError = error
      const more = i < candidates.length - 1
      if (!(more && server.engine.isUnusableDatabase(error))) throw error
    }
  }
  throw lastError
}

export function endpoint(target: DbTarget): string {
  return `${target.host}:${target.port}`
}
