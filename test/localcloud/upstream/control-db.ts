// The throwaway MariaDB that holds Keystone's and Trove's own tables (not an instance's
// database: those are servers/mariadb.ts). It listens on a unix socket only, so two
// clouds never compete for a port, and runs from a datadir copied out of the snapshot.

import path from 'node:path'
import { run, startProcess, stopProcess, waitUntil, type Proc } from '../servers/proc.ts'
import { chownTree, makeReachable, mkdirFor } from '../servers/fsutil.ts'

/** The account Keystone, trove-api and the control plane use (created in the snapshot). */
export const DB_USER = 'os'
export const DB_PASSWORD = 'os'

// Values that go into SQL text: ids are checked to be UUIDs, strings are quoted.
export function uuid(v: unknown): string {
  if (typeof v !== 'string' || !/^[0-9a-f-]{36}$/i.test(v))
    throw new Error(`not a uuid: ${String(v)}`)
  return v
}
export const literal = (s: string): string =>
  `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`

export interface ControlDb {
  socket: string
  /** SQLAlchemy URL of one database over the socket */
  url(database: string): string
  /** Runs SQL as root; returns the rows, tab-separated, without a header. */
  sql(script: string, database?: string): Promise<string>
  stop(): Promise<void>
}

export async function initControlDatadir(dataDir: string): Promise<void> {
  await makeReachable(path.dirname(dataDir))
  await mkdirFor(dataDir, 'mysql')
  await run('mariadb-install-db', [
    '--no-defaults',
    '--user=mysql',
    `--datadir=${dataDir}`,
    '--skip-test-db',
    '--skip-name-resolve'
  ])
}

/** `baseDir/data` must hold a datadir; the socket and pid file go to `baseDir/run`. */
export async function startControlDb(baseDir: string): Promise<ControlDb> {
  const dataDir = path.join(baseDir, 'data')
  const runDir = path.join(baseDir, 'run')
  await makeReachable(baseDir)
  await mkdirFor(runDir, 'mysql', 0o755)
  await chownTree(dataDir, 'mysql')
  const socket = path.join(runDir, 'mysqld.sock')
  const proc: Proc = startProcess('control mariadbd', '/usr/sbin/mariadbd', [
    '--no-defaults',
    '--user=mysql',
    `--datadir=${dataDir}`,
    `--socket=${socket}`,
    `--pid-file=${path.join(runDir, 'mysqld.pid')}`,
    '--skip-networking',
    '--skip-name-resolve',
    '--character-set-server=utf8mb4',
    '--innodb-buffer-pool-size=64M',
    '--innodb-log-file-size=16M',
    // Test data: losing the last second on a crash does not matter; fsyncs cost seconds.
    '--innodb-flush-log-at-trx-commit=0',
    '--innodb-doublewrite=0',
    '--performance-schema=OFF'
  ])
  const sql = (script: string, database?: string): Promise<string> =>
    run(
      'mariadb',
      [
        '--no-defaults',
        `--socket=${socket}`,
        '-u',
        'root',
        '-N',
        '-B',
        ...(database ? [database] : [])
      ],
      { input: script }
    )
  try {
    await waitUntil(
      'the control MariaDB',
      () =>
        sql('SELECT 1').then(
          () => true,
          () => false
        ),
      { timeoutMs: 60_000, intervalMs: 50, proc }
    )
  } catch (err) {
    await stopProcess(proc, { graceMs: 5000 })
    throw err
  }
  return {
    socket,
    url: (database) =>
      `mysql+pymysql://${DB_USER}:${DB_PASSWORD}@localhost/${database}?unix_socket=${socket}&charset=utf8mb4`,
    sql,
    // SIGTERM is a clean shutdown: the datadir can then be copied as a snapshot.
    stop: () => stopProcess(proc, { signal: 'SIGTERM', graceMs: 20_000 })
  }
}
