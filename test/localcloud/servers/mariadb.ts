// A real MariaDB 10.11 server for one instance: mariadb-install-db (or restore of a
// mariadb-backup copy), mariadbd bound to host:3306, users and databases.
// mariadbd starts as root and drops to `mysql` itself (--user); its files belong to mysql.
//
// Layout under baseDir: data/ (datadir), run/ (socket, pid), tmp/ (its own tmpdir), work/
// (backup scratch).
// `--no-defaults` is always the FIRST option, otherwise /etc/mysql is read.

import path from 'node:path'
import { mkdtemp } from 'node:fs/promises'
import type { DbUser, StartSpec } from './types.ts'
import { run, startProcess, stopProcess, waitUntil, portOpen, type Proc } from './proc.ts'
import { makeReachable, mkdirFor, chownTree, removeTree, checkGzip } from './fsutil.ts'
import { admitsLocalClients } from './security-group.ts'
import type { ServerCert } from './tls.ts'

export const MARIADB_PORT = 3306
const OS_USER = 'mysql'

export interface MariaServer {
  host: string
  baseDir: string
  proc: Proc
}

const dataDir = (baseDir: string) => path.join(baseDir, 'data')
const socket = (baseDir: string) => path.join(baseDir, 'run', 'mysqld.sock')
/**
 * Each server's own tmpdir. A starting mariadbd (mariadb-install-db's bootstrap too) deletes every
 * `#sql…` file it finds in its tmpdir as a crash leftover, so servers sharing /tmp remove each
 * other's temporary tables: two instances created at once failed with "Unknown table
 * 'mysql.tmp_user_sys'".
 */
const tmpDir = (baseDir: string) => path.join(baseDir, 'tmp')

// Small footprint for tests (the defaults: 128M buffer pool, a 96M redo log per instance).
const SERVER_OPTS = [
  '--innodb-buffer-pool-size=32M',
  '--innodb-log-file-size=16M',
  '--performance-schema=OFF',
  '--skip-name-resolve'
]

async function initDatadir(baseDir: string): Promise<void> {
  const args = ['--no-defaults', `--user=${OS_USER}`, `--datadir=${dataDir(baseDir)}`]
  args.push(`--tmpdir=${tmpDir(baseDir)}`)
  await run('mariadb-install-db', [...args, '--skip-test-db', ...SERVER_OPTS])
}

async function restoreDatadir(baseDir: string, artifact: string): Promise<void> {
  await checkGzip(artifact)
  const src = await mkdtemp(path.join(baseDir, 'restore-'))
  try {
    await run('tar', ['-xzf', artifact, '-C', src])
    // --move-back puts each file where the server expects it (datadir, redo log).
    const args = ['--no-defaults', '--move-back', `--target-dir=${src}`]
    await run('mariadb-backup', [...args, `--datadir=${dataDir(baseDir)}`])
  } finally {
    await removeTree(src)
  }
  await chownTree(dataDir(baseDir), OS_USER)
}

function startServer(
  host: string,
  baseDir: string,
  cert: ServerCert | undefined,
  tcp: boolean
): Proc {
  const args = ['--no-defaults', `--user=${OS_USER}`, `--datadir=${dataDir(baseDir)}`]
  args.push(`--socket=${socket(baseDir)}`, `--pid-file=${path.join(baseDir, 'run', 'mysqld.pid')}`)
  args.push(`--tmpdir=${tmpDir(baseDir)}`)
  // The socket only when the security group lets no local client in.
  args.push(...(tcp ? [`--port=${MARIADB_PORT}`, `--bind-address=${host}`] : ['--skip-networking']))
  args.push(...SERVER_OPTS)
  // TLS offered, not required, as on a Trove instance.
  if (cert) args.push(`--ssl-cert=${cert.certFile}`, `--ssl-key=${cert.keyFile}`)
  return startProcess(`mariadbd ${host}`, '/usr/sbin/mariadbd', args)
}

/** The mariadb client as root over the socket (root@localhost authenticates by unix_socket). */
export function sqlAdmin(baseDir: string, script: string): Promise<string> {
  const args = ['--no-defaults', `--socket=${socket(baseDir)}`, '-u', 'root', '-N', '-B']
  return run('mariadb', args, { input: script })
}

const ident = (s: string) => `\`${s.replaceAll('`', '``')}\``
const literal = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`

/**
 * Users at host '%' (logins come over TCP from 127.x addresses). CREATE USER IF NOT
 * EXISTS is a silent no-op for an existing user, so the password is set by ALTER USER.
 */
async function applyUsers(baseDir: string, users: DbUser[], databases: string[]): Promise<void> {
  const wanted = [...new Set([...databases, ...users.flatMap((u) => u.databases)])]
  const sql = wanted.map((d) => `CREATE DATABASE IF NOT EXISTS ${ident(d)};`)
  for (const u of users) {
    const account = `${literal(u.name)}@'%'`
    sql.push(`CREATE USER IF NOT EXISTS ${account} IDENTIFIED BY ${literal(u.password)};`)
    sql.push(`ALTER USER ${account} IDENTIFIED BY ${literal(u.password)};`)
    for (const d of u.databases) sql.push(`GRANT ALL ON ${ident(d)}.* TO ${account};`)
  }
  if (sql.length) await sqlAdmin(baseDir, sql.join('\n'))
}

export async function startMariadb(spec: StartSpec, cert?: ServerCert): Promise<MariaServer> {
  await makeReachable(spec.baseDir)
  await mkdirFor(path.join(spec.baseDir, 'run'), OS_USER, 0o755)
  await mkdirFor(tmpDir(spec.baseDir), OS_USER, 0o700)
  // mariadbd runs as mysql, which must be able to read its key.
  if (cert) await chownTree(path.dirname(cert.keyFile), OS_USER)
  if (spec.restoreFrom) await restoreDatadir(spec.baseDir, spec.restoreFrom)
  else await initDatadir(spec.baseDir)

  const tcp = admitsLocalClients(spec.allowedCidrs)
  const proc = startServer(spec.host, spec.baseDir, cert, tcp)
  try {
    const ready = () =>
      sqlAdmin(spec.baseDir, 'SELECT 1')
        .then(() => !tcp || portOpen(spec.host, MARIADB_PORT))
        .catch(() => false)
    await waitUntil(`mariadbd on ${spec.host}:${MARIADB_PORT}`, ready, {
      timeoutMs: 60_000,
      intervalMs: 100,
      proc
    })
    await applyUsers(spec.baseDir, spec.users, spec.databases)
  } catch (err) {
    await stopProcess(proc, { graceMs: 5000 })
    throw err
  }
  return { host: spec.host, baseDir: spec.baseDir, proc }
}

/**
 * Physical copy: mariadb-backup --backup, then --prepare (the copy becomes a consistent
 * datadir on its own), packed as ONE .tar.gz.
 */
export async function backupMariadb(db: MariaServer, outFile: string): Promise<void> {
  const work = path.join(db.baseDir, 'work')
  await mkdirFor(work, 'root')
  const target = await mkdtemp(path.join(work, 'backup-'))
  try {
    const common = ['--no-defaults']
    await run('mariadb-backup', [
      ...common,
      '--backup',
      `--target-dir=${target}`,
      `--socket=${socket(db.baseDir)}`,
      '--user=root',
      // The redo-log copier polls once a second by default: a whole second per backup.
      '--log-copy-interval=50'
    ])
    await run('mariadb-backup', [...common, '--prepare', `--target-dir=${target}`])
    await run('tar', ['-czf', outFile, '-C', target, '.'])
  } finally {
    await removeTree(target)
  }
}

/** SIGTERM is mariadbd's normal shutdown. */
export async function stopMariadb(db: MariaServer): Promise<void> {
  await stopProcess(db.proc, { signal: 'SIGTERM', graceMs: 15_000 })
}

export async function mariadbVersion(): Promise<string> {
  // "mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)"
  const out = await run('/usr/sbin/mariadbd', ['--no-defaults', '--version'])
  const m = /Ver\s+(\d+\.\d+\.\d+)/.exec(out)
  if (!m?.[1]) throw new Error(`unexpected mariadbd --version output: ${out}`)
  return m[1]
}
