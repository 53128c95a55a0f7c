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
  /** How to use TLS, in libpq's words (database/tls.ts says what each mode checks). */
  tls: TlsMode
  /** The trust anchor for verify-ca and verify-full; absent otherwise. */
  ca?: DbCa
}

/**
 * libpq's `sslmode` values: disable (plain), prefer (TLS when the server has it), require (TLS,
 * any certificate), verify-ca (TLS, the certificate chains to `ca`), verify-full (and it names
 * the host).
 */
export type TlsMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full'

/** CA certificates (PEM) the server's certificate must chain to. Public: not a secret. */
export interface DbCa {
  /** One or more PEM certificates. */
  pem: string
  /** The file they came from, when given as a path (the dump tools read files). */
  file?: string
  /** What to call it in messages, never the whole PEM: the path, or "PEM text", and the subject. */
  label: string
}
