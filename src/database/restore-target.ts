import { CheckFailure, describeError } from '../errors.js'
import { connectHome, openServer, type Server } from './server.js'
import type { Session } from './session.js'
import { parseServerVersion } from './tool-version.js'
import type { DbTarget } from './types.js'

const pgIdent = (s: string) => `"${s.replaceAll('"', '""')}"`
const mariaIdent = (s: string) => `\`${s.replaceAll('`', '``')}\``

/**
 * The server a copy is restored into, through a maintenance connection (PostgreSQL's
 * `postgres` or `template1`; MariaDB needs none). It only ever creates and drops the
 * databases it is told to: nothing else on the server is touched.
 */
export class RestoreServer {
  private readonly server: Server
  private session: Session | undefined

  constructor(target: DbTarget) {
    // The maintenance connection never opens the database being restored.
    this.server = openServer({ ...target, databases: [] }, 30_000, 10 * 60_000)
  }

  private async home(): Promise<Session> {
    if (!this.session || this.session.broken) {
      this.session = (await connectHome(this.server)).session
    }
    return this.session
  }

  async version(): Promise<string> {
    return this.server.engine.version(await this.home())
  }

  /** Which of `names` exist on the server (the user may not see them all: a PostgreSQL
   * database is listed whatever its privileges; MariaDB lists what the user may use). */
  async existing(names: string[]): Promise<string[]> {
    const session = await this.home()
    const found: string[] = []
    for (const name of names) {
      const { rows } =
        this.server.target.engine === 'postgresql'
          ? await session.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
          : await session.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
              name
            ])
      if (rows.length > 0) found.push(name)
    }
    return found
  }

  async create(name: string): Promise<void> {
    const session = await this.home()
    try {
      await session.query(
        this.server.target.engine === 'postgresql'
          ? `CREATE DATABASE ${pgIdent(name)}`
          : `CREATE DATABASE ${mariaIdent(name)}`
      )
    } catch (error) {
      throw new CheckFailure(
        `Cannot create database ${name} on the target as ${this.server.target.user}: ${describeError(error)} ` +
          '(the target-url user needs the right to create databases: PostgreSQL CREATEDB, MariaDB CREATE)'
      )
    }
  }

  /** Drops the database, ending other sessions in it first (PostgreSQL 13+ WITH (FORCE)). */
  async drop(name: string): Promise<void> {
    const session = await this.home()
    if (this.server.target.engine === 'postgresql') {
      const [major = 0] = parseServerVersion(await this.version())
      await session.query(
        `DROP DATABASE IF EXISTS ${pgIdent(name)}${major >= 13 ? ' WITH (FORCE)' : ''}`
      )
      return
    }
    await session.query(`DROP DATABASE IF EXISTS ${mariaIdent(name)}`)
  }

  async close(): Promise<void> {
    this.session = undefined
    await this.server.pool.closeAll()
  }
}
