// The contract between the local cloud's API (test/localcloud/api) and the real
// servers that do the work (test/localcloud/servers). The API never touches a
// database or the object store except through these interfaces.
//
// Runs under Node 24 type stripping as well as ts-jest: erasable syntax only
// (no enums, no parameter properties, no namespaces), relative imports end in `.ts`.

export type Datastore = 'postgresql' | 'mariadb'

export interface DbUser {
  name: string
  password: string
  /** databases this user gets full rights on */
  databases: string[]
}

export interface StartSpec {
  datastore: Datastore
  /** the instance's own loopback address, e.g. 127.0.3.7; the server listens on host:5432 or host:3306 */
  host: string
  /** a fresh directory for this instance only (data dir, socket, logs live under it) */
  baseDir: string
  /** created after start (ALTER USER when the name already exists, e.g. inside a restored backup) */
  users: DbUser[]
  /** created after start when missing */
  databases: string[]
  /** when set: a backup artifact file written by DbServers.backup; the new server starts from its data */
  restoreFrom?: string
  /**
   * Offer TLS with a certificate for `host` signed by the cloud's CA (default true when the
   * servers have a CA); false: a server without TLS, as some clouds run them.
   */
  tls?: boolean
  /**
   * Who may connect over TCP (the instance's security group, see security-group.ts);
   * undefined: anyone. CIDRs that leave out this machine's clients leave the server on
   * its unix socket only.
   */
  allowedCidrs?: string[]
}

export interface RunningDb {
  datastore: Datastore
  host: string
  port: number
  baseDir: string
  /** whether the server offers TLS (with a certificate for `host` from the cloud's CA) */
  tls: boolean
}

export interface DbServers {
  /** Starts a real server (or restores one from a backup artifact) and returns once it accepts connections. */
  start(spec: StartSpec): Promise<RunningDb>
  /** Takes a physical, consistent copy of a running server's data into ONE file. */
  backup(db: RunningDb, outFile: string): Promise<{ bytes: number }>
  /** Stops the server and removes baseDir. Idempotent. */
  destroy(db: RunningDb): Promise<void>
  /** Server version string as the datastore reports it, e.g. "15.18" or "10.11.6". */
  version(datastore: Datastore): Promise<string>
}

export interface ObjectStore {
  /** Swift native API base for the backup account, e.g. http://127.0.0.1:8080/v1/AUTH_test */
  swiftUrl: string
  /** S3 API of the same store (path-style), for the product's off-site mirror */
  s3: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string }
  /** Uploads a local file; returns the object's URL (Trove's backup `locationRef`). */
  putFile(container: string, key: string, file: string): Promise<string>
  /** Downloads an object to a local file. Throws when missing. */
  getFile(container: string, key: string, outFile: string): Promise<void>
  /** Overwrites bytes inside a stored object so a restore from it fails (fault control). */
  corrupt(container: string, key: string): Promise<void>
  /** Keys under a container (prefix optional). */
  list(container: string, prefix?: string): Promise<string[]>
  stop(): Promise<void>
}
