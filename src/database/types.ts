// What a database connection needs: the engine and where to log in. Shared by the drill's
// checks and the mirror's dump; nothing here knows about Trove or GitHub.

export type Engine = 'postgresql' | 'mariadb'

export interface DbTarget {
  engine: Engine
  host: string
  port: number
  user: string
  /** Secret: never logged, never in a result detail. */
  password: string
  /** Limit the checks to these databases; empty = every non-system database the user can see. */
  databases: string[]
  /** MariaDB on Pukki needs TLS with a self-signed certificate; PostgreSQL `sslmode=prefer`. */
  tls: 'prefer' | 'require' | 'off'
}
