import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import {
  HttpClient,
  type Instance,
  isInstanceReady,
  OpenStackSession,
  silentLogger,
  TroveClient,
  waitFor
} from '../../../src/openstack/index.js'
import type { CloudInfo } from '../../localcloud/harness.js'

const run = promisify(execFile)

export const DB_USER = 'app'
export const DB_PASSWORD = 'app-secret-pw'
export const FLAVOR = 'd4a2cb9c-0000-4000-8000-000000000002'

/** Our own client, used by tests to set the scene (as a user would with the openstack CLI). */
export function testClient(info: CloudInfo): TroveClient {
  const http = new HttpClient({ logger: silentLogger, timeoutMs: 10_000 })
  return new TroveClient(
    new OpenStackSession(http, {
      authUrl: info.authUrl,
      credentials: {
        method: 'application_credential',
        id: info.appCredId,
        secret: info.appCredSecret
      },
      interface: 'public',
      region: info.region,
      // The local cloud is plain http on loopback.
      allowInsecureHttp: true
    })
  )
}

export async function waitReady(trove: TroveClient, id: string): Promise<Instance> {
  const { value } = await waitFor({
    what: id,
    poll: () => trove.getInstance(id),
    describe: (i) => i.status,
    isDone: isInstanceReady,
    failure: (i) => (i.status === 'ERROR' ? `ERROR ${i.fault ?? ''}` : undefined),
    timeoutMs: 60_000,
    logger: silentLogger,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 200))),
    now: Date.now
  })
  return value
}

/** A real PostgreSQL instance with a user, a database and some rows. */
export async function createPostgresWithData(trove: TroveClient, name: string): Promise<Instance> {
  const created = await trove.createInstance({
    name,
    flavorRef: FLAVOR,
    volume: { size: 2 },
    datastore: { type: 'postgresql', version: '15' },
    users: [{ name: DB_USER, password: DB_PASSWORD, databases: ['shop'] }],
    databases: ['shop'],
    access: { allowedCidrs: ['127.0.0.0/22'] }
  })
  const ready = await waitReady(trove, created.id)
  await psql(
    ready.addresses[0] as string,
    'CREATE TABLE orders (id serial primary key, total numeric); INSERT INTO orders (total) SELECT g FROM generate_series(1, 500) g'
  )
  return ready
}

export async function psql(host: string, sql: string): Promise<string> {
  const { stdout } = await run(
    '/usr/lib/postgresql/15/bin/psql',
    ['-h', host, '-U', DB_USER, '-d', 'shop', '-tAX', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    { env: { ...process.env, PGPASSWORD: DB_PASSWORD, PGCONNECT_TIMEOUT: '5' } }
  )
  return stdout.trim()
}

/** A real MariaDB instance with the same user, database and rows as createPostgresWithData. */
export async function createMariadbWithData(trove: TroveClient, name: string): Promise<Instance> {
  const created = await trove.createInstance({
    name,
    flavorRef: FLAVOR,
    volume: { size: 2 },
    datastore: { type: 'mariadb', version: '10.11' },
    users: [{ name: DB_USER, password: DB_PASSWORD, databases: ['shop'] }],
    databases: ['shop'],
    access: { allowedCidrs: ['127.0.0.0/22'] }
  })
  const ready = await waitReady(trove, created.id)
  await mariadbSql(
    ready.addresses[0] as string,
    'CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, total DECIMAL(10,2)); ' +
      'INSERT INTO orders (total) SELECT seq FROM seq_1_to_500'
  )
  return ready
}

/** The mariadb client over TCP as the instance's user (as a user's own script would). */
export async function mariadbSql(host: string, sql: string, database = 'shop'): Promise<string> {
  const { stdout } = await run(
    'mariadb',
    ['--no-defaults', '-h', host, '-P', '3306', '-u', DB_USER, '-N', '-B', '-e', sql, database],
    { env: { ...process.env, MYSQL_PWD: DB_PASSWORD } }
  )
  return stdout.trim()
}

/**
 * psql as the PostgreSQL superuser over the instance's unix socket (`baseDir` from the admin
 * API): what a DBaaS operator could do, e.g. allow amcheck. Not something the product can do.
 */
export async function psqlSuperuser(
  baseDir: string,
  sql: string,
  database = 'shop'
): Promise<string> {
  const { stdout } = await run('/usr/lib/postgresql/15/bin/psql', [
    '-h',
    `${baseDir}/run`,
    '-p',
    '5432',
    '-U',
    'postgres',
    '-d',
    database,
    '-tAX',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    sql
  ])
  return stdout.trim()
}
