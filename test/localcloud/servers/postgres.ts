// A real PostgreSQL 15 server for one instance: initdb (or restore of a physical
// backup), postgres bound to host:5432, users and databases. Runs as the `postgres`
// system user because initdb and postgres refuse to run as root.
//
// Layout under baseDir: data/ (PGDATA), run/ (unix socket, the superuser's way in).

import { open } from 'node:fs/promises'
import path from 'node:path'
import type { DbUser, StartSpec } from './types.ts'
import { run, startProcess, stopProcess, waitUntil, portOpen, type Proc } from './proc.ts'
import { makeReachable, mkdirFor, chownTree, checkGzip } from './fsutil.ts'
import { admitsLocalClients } from './security-group.ts'
import type { ServerCert } from './tls.ts'

const BIN = '/usr/lib/postgresql/15/bin'
export const PG_PORT = 5432
const OS_USER = 'postgres'

export interface PgServer {
  host: string
  baseDir: string
  proc: Proc
}

const dataDir = (baseDir: string) => path.join(baseDir, 'data')
const runDir = (baseDir: string) => path.join(baseDir, 'run')

// The local socket trusts the superuser (our own admin path); every TCP login needs a
// password, as on a real cloud instance. replication over the socket is for pg_basebackup.
const HBA = `local all all trust
local replication all trust
host all all all scram-sha-256
`

async function initCluster(baseDir: string): Promise<void> {
  const args = ['-D', dataDir(baseDir), '--no-sync', '--auth=trust', '-U', 'postgres']
  args.push('--encoding=UTF8', '--locale=C.UTF-8')
  await run(`${BIN}/initdb`, args, { user: OS_USER })
  const f = await open(path.join(dataDir(baseDir), 'pg_hba.conf'), 'w')
  await f.writeFile(HBA)
  await f.close()
}

async function restoreCluster(baseDir: string, artifact: string): Promise<void> {
  await checkGzip(artifact)
  await mkdirFor(dataDir(baseDir), OS_USER)
  await run('tar', ['-xzf', '-', '-C', dataDir(baseDir)], { user: OS_USER, stdinFile: artifact })
  // The manifest pg_basebackup wrote lists a checksum of every file: proves the copy is whole.
  await run(`${BIN}/pg_verifybackup`, ['--no-parse-wal', dataDir(baseDir)], { user: OS_USER })
}

function startServer(
  host: string,
  baseDir: string,
  cert: ServerCert | undefined,
  tcp: boolean
): Proc {
  const args = ['-D', dataDir(baseDir), '-p', String(PG_PORT), '-k', runDir(baseDir)]
  const settings = [
    // No address at all: the socket only (the security group lets no local client in).
    `listen_addresses=${tcp ? host : ''}`,
    // Test speed: nothing here must survive a machine crash.
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    // pg_basebackup -X fetch copies the WAL at the end: keep it from being recycled meanwhile.
    'wal_keep_size=64MB',
    'shared_buffers=16MB',
    'max_connections=30',
    // TLS offered, not required (pg_hba's `host` lines take both), as on a Trove instance.
    ...(cert ? ['ssl=on', `ssl_cert_file=${cert.certFile}`, `ssl_key_file=${cert.keyFile}`] : [])
  ]
  for (const s of settings) args.push('-c', s)
  return startProcess(`postgres ${host}`, `${BIN}/postgres`, args, { user: OS_USER })
}

/** psql as the superuser over the unix socket; the script runs statement by statement. */
export function psqlAdmin(baseDir: string, script: string, db = 'postgres'): Promise<string> {
  const args = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1']
  args.push('-h', runDir(baseDir), '-p', String(PG_PORT), '-U', 'postgres', '-d', db, '-f', '-')
  return run(`${BIN}/psql`, args, { input: script })
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`

/** Creates missing databases and users; existing users (from a restored backup) get the new password. */
async function applyUsers(baseDir: string, users: DbUser[], databases: string[]): Promise<void> {
  const roles = new Set((await psqlAdmin(baseDir, 'SELECT rolname FROM pg_roles')).split('\n'))
  const dbs = new Set((await psqlAdmin(baseDir, 'SELECT datname FROM pg_database')).split('\n'))
  const wanted = [...new Set([...databases, ...users.flatMap((u) => u.databases)])]
  const sql: string[] = []
  for (const d of wanted) if (!dbs.has(d)) sql.push(`CREATE DATABASE ${ident(d)};`)
  const owned = new Set<string>()
  for (const u of users) {
    const verb = roles.has(u.name) ? 'ALTER' : 'CREATE'
    sql.push(`${verb} ROLE ${ident(u.name)} WITH LOGIN PASSWORD ${literal(u.password)};`)
    for (const d of u.databases) {
      // One owner per database: the first user that lists it (owner = may create in public).
      if (!owned.has(d)) sql.push(`ALTER DATABASE ${ident(d)} OWNER TO ${ident(u.name)};`)
      owned.add(d)
      sql.push(`GRANT ALL ON DATABASE ${ident(d)} TO ${ident(u.name)};`)
    }
  }
  if (sql.length) await psqlAdmin(baseDir, sql.join('\n'))
  // "Full rights" inside the database too: its public schema and the tables already in
  // it (e.g. restored ones owned by another user).
  for (const u of users) {
    for (const d of u.databases) {
      const who = ident(u.name)
      const grants = [`GRANT ALL ON SCHEMA public TO ${who};`]
      grants.push(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${who};`)
      grants.push(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${who};`)
      await psqlAdmin(baseDir, grants.join('\n'), d)
    }
  }
}

export async function startPostgres(spec: StartSpec, cert?: ServerCert): Promise<PgServer> {
  await makeReachable(spec.baseDir)
  // Also the key: postgres refuses a key file it does not own (or one others can read).
  await chownTree(spec.baseDir, OS_USER)
  await mkdirFor(runDir(spec.baseDir), OS_USER)
  if (spec.restoreFrom) await restoreCluster(spec.baseDir, spec.restoreFrom)
  else await initCluster(spec.baseDir)

  const tcp = admitsLocalClients(spec.allowedCidrs)
  const proc = startServer(spec.host, spec.baseDir, cert, tcp)
  try {
    const ready = () =>
      run(`${BIN}/pg_isready`, ['-q', '-h', runDir(spec.baseDir), '-p', String(PG_PORT)])
        .then(() => !tcp || portOpen(spec.host, PG_PORT))
        .catch(() => false)
    await waitUntil(`postgres on ${spec.host}:${PG_PORT}`, ready, { timeoutMs: 30_000, proc })
    await applyUsers(spec.baseDir, spec.users, spec.databases)
  } catch (err) {
    await stopProcess(proc, { signal: 'SIGQUIT', graceMs: 5000 })
    throw err
  }
  return { host: spec.host, baseDir: spec.baseDir, proc }
}

/**
 * Physical copy with pg_basebackup: tar format to stdout, gzip, the WAL needed for
 * consistency included (-X fetch) and its manifest, so ONE .tar.gz file is a complete
 * data directory. `-c fast` checkpoints at once instead of spreading the checkpoint.
 */
export async function backupPostgres(pg: PgServer, outFile: string): Promise<void> {
  const args = ['-h', runDir(pg.baseDir), '-p', String(PG_PORT), '-U', 'postgres']
  args.push('-D', '-', '-F', 't', '-X', 'fetch', '-z', '-c', 'fast')
  await run(`${BIN}/pg_basebackup`, args, { user: OS_USER, stdoutFile: outFile })
}

/** Fast shutdown (SIGINT): active sessions are cut, the postmaster waits for its children. */
export async function stopPostgres(pg: PgServer): Promise<void> {
  await stopProcess(pg.proc, { signal: 'SIGINT', graceMs: 10_000 })
}

export async function postgresVersion(): Promise<string> {
  // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → "15.18"
  const out = await run(`${BIN}/postgres`, ['--version'])
  const m = /\(PostgreSQL\)\s+(\d+(?:\.\d+)*)/.exec(out)
  if (!m?.[1]) throw new Error(`unexpected postgres --version output: ${out}`)
  return m[1]
}
