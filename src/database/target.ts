import { CheckFailure } from '../errors.js'
import type { DbCa, DbTarget, Engine, TlsMode } from './types.js'

/** The standard port of each engine: a Trove instance listens on it at its own address. */
export const DEFAULT_PORTS: Record<Engine, number> = { postgresql: 5432, mariadb: 3306 }

/** The engine behind a Trove datastore type (`postgresql`, `mariadb`, `mysql`). */
export function engineOf(datastore: string): Engine {
  const name = datastore.toLowerCase()
  if (name.includes('postgres')) return 'postgresql'
  if (name.includes('maria') || name.includes('mysql')) return 'mariadb'
  throw new CheckFailure(
    `Datastore ${datastore} has no database checks yet (PostgreSQL and MariaDB do)`
  )
}

/** How to log in to the databases of an instance. */
export interface DbLogin {
  dbUser: string
  dbPassword: string
  databases: string[]
  dbTls: TlsMode
  /** For verify-ca and verify-full only. */
  dbCa?: DbCa
}

/** The database server of an instance at `host`, with the user's login. */
export function dbTarget(login: DbLogin, engine: Engine, host: string): DbTarget {
  return {
    engine,
    host,
    port: DEFAULT_PORTS[engine],
    user: login.dbUser,
    password: login.dbPassword,
    databases: login.databases,
    tls: login.dbTls,
    ...(login.dbCa && { ca: login.dbCa })
  }
}
