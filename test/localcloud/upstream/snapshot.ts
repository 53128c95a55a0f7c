// The saved start of an upstream cloud: Keystone's and Trove's schemas and seeds, made
// once by the real tools (keystone-manage, trove-manage, Keystone's REST API) and kept
// as a cleanly shut-down MariaDB datadir plus Keystone's key repositories. A cloud then
// starts from a copy in about a second instead of a minute of db_sync and seeding.
//
// The cache key covers the package versions and SNAPSHOT_VERSION, so an upgrade builds a
// new one; bump SNAPSHOT_VERSION whenever a change here changes what is seeded. Endpoints are saved with placeholder
// hosts (trove.invalid) and pointed at the real ports when a cloud starts.

import { createHash, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { freePorts, run, stopProcess } from '../servers/proc.ts'
import { removeTree } from '../servers/fsutil.ts'
import { postgresVersion } from '../servers/postgres.ts'
import { mariadbVersion } from '../servers/mariadb.ts'
import { DB_PASSWORD, DB_USER, initControlDatadir, startControlDb } from './control-db.ts'
import { PY_DIR, PYTHON, REGION, keystoneConf, startKeystone, writeTroveFiles } from './services.ts'

export const TROVE_PLACEHOLDER = 'http://trove.invalid'

export interface Seed {
  projectId: string
  projectName: string
  userId: string
  username: string
  password: string
  appCredId: string
  appCredName: string
  appCredSecret: string
  /** an application credential limited by access_rules to the read calls */
  rulesCredId: string
  rulesCredName: string
  rulesCredSecret: string
}

export interface Snapshot {
  dir: string
  /** cleanly shut down MariaDB datadir: databases keystone and trove */
  dataDir: string
  fernetKeys: string
  credentialKeys: string
  seed: Seed
}

const SNAPSHOT_VERSION = 2

export function cacheRoot(): string {
  return process.env.UPSTREAM_CLOUD_CACHE ?? path.join(os.tmpdir(), 'upstream-cloud-cache')
}

async function cacheKey(): Promise<string> {
  const h = createHash('sha256')
  const pkgs = ['keystone', 'trove-api', 'mariadb-server', 'postgresql']
  h.update(await run('dpkg-query', ['-W', '-f=${Package} ${Version}\\n', ...pkgs]))
  h.update(`snapshot ${SNAPSHOT_VERSION}`)
  return h.digest('hex').slice(0, 16)
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false
  )

function snapshotAt(dir: string, seed: Seed): Snapshot {
  return {
    dir,
    dataDir: path.join(dir, 'data'),
    fernetKeys: path.join(dir, 'fernet-keys'),
    credentialKeys: path.join(dir, 'credential-keys'),
    seed
  }
}

/** The snapshot for the installed packages; builds it first when there is none. */
export async function ensureSnapshot(log: (s: string) => void = () => {}): Promise<Snapshot> {
  const root = cacheRoot()
  const dir = path.join(root, `snapshot-${await cacheKey()}`)
  const seedFile = path.join(dir, 'seed.json')
  if (await exists(seedFile)) return snapshotAt(dir, JSON.parse(await readFile(seedFile, 'utf8')))
  await mkdir(root, { recursive: true })
  const build = await mkdtemp(path.join(root, 'build-'))
  try {
    log(`upstream cloud: no snapshot for these packages, building ${dir}`)
    const t0 = Date.now()
    const seed = await buildSnapshot(build)
    await writeFile(path.join(build, 'seed.json'), JSON.stringify(seed, null, 2))
    // Two builds may race: the first rename wins, the other one is thrown away.
    await rename(build, dir).catch(async (err: unknown) => {
      if (!(await exists(seedFile))) throw err
    })
    log(`upstream cloud: snapshot built in ${Date.now() - t0} ms`)
    // Snapshots of older packages or seeds are never used again.
    for (const name of await readdir(root)) {
      if (name.startsWith('snapshot-') && path.join(root, name) !== dir) {
        await removeTree(path.join(root, name))
      }
    }
  } finally {
    await removeTree(build)
  }
  return snapshotAt(dir, JSON.parse(await readFile(seedFile, 'utf8')))
}

const secret = () => randomBytes(24).toString('base64url')

async function buildSnapshot(build: string): Promise<Seed> {
  const snap = snapshotAt(build, undefined as unknown as Seed)
  await mkdir(snap.dataDir, { recursive: true })
  await initControlDatadir(snap.dataDir)
  const db = await startControlDb(build)
  try {
    await db.sql(`CREATE DATABASE keystone; CREATE DATABASE trove;
      CREATE USER '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
      GRANT ALL ON *.* TO '${DB_USER}'@'localhost';`)
    const work = path.join(build, 'work')
    const k = {
      dir: path.join(work, 'keystone'),
      fernetKeys: snap.fernetKeys,
      credentialKeys: snap.credentialKeys
    }
    for (const d of [k.dir, k.fernetKeys, k.credentialKeys])
      await mkdir(d, { recursive: true, mode: 0o700 })
    const kconf = path.join(k.dir, 'keystone.conf')
    await writeFile(kconf, keystoneConf(k, db.url('keystone')))
    const [port] = await freePorts(1)
    const adminPassword = secret()
    const km = (...args: string[]) =>
      run('keystone-manage', ['--config-file', kconf, ...args], { timeoutMs: 300_000 })
    await km('db_sync')
    await km('fernet_setup', '--keystone-user', 'root', '--keystone-group', 'root')
    await km('credential_setup', '--keystone-user', 'root', '--keystone-group', 'root')
    await km(
      'bootstrap',
      '--bootstrap-password',
      adminPassword,
      '--bootstrap-username',
      'admin',
      '--bootstrap-project-name',
      'admin',
      '--bootstrap-role-name',
      'admin',
      '--bootstrap-region-id',
      REGION,
      // keystonemiddleware (in trove-api) looks for the internal identity endpoint.
      '--bootstrap-public-url',
      'http://keystone.invalid/v3',
      '--bootstrap-internal-url',
      'http://keystone.invalid/v3',
      '--bootstrap-admin-url',
      'http://keystone.invalid/v3'
    )
    await seedTrove(path.join(work, 'trove'), db.url('trove'))
    const keystone = await startKeystone(k, port as number)
    try {
      return await seedKeystone(`http://127.0.0.1:${port}/v3`, adminPassword)
    } finally {
      await stopProcess(keystone, { signal: 'SIGTERM', graceMs: 10_000 })
    }
  } finally {
    await db.stop()
  }
}

/** Trove's schema and datastores, by the packaged trove-manage (through py/trove_manage.py). */
async function seedTrove(dir: string, dbUrl: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  const files = { dir, spool: dir, addresses: '', flavors: '' }
  const conf = await writeTroveFiles(files, { port: 1, keystonePort: 1, dbUrl })
  const tm = (...args: string[]) =>
    run(PYTHON, [path.join(PY_DIR, 'trove_manage.py'), '--config-file', conf, ...args], {
      env: { PYTHONPATH: PY_DIR, PYTHONHOME: '' },
      timeoutMs: 300_000
    })
  const [pg, maria] = await Promise.all([postgresVersion(), mariadbVersion()])
  await tm('db_sync')
  // datastore_version_update <datastore> <version> <manager> <image id> <packages> <active>
  const version = async (ds: string, name: string, active: boolean, number: string) =>
    tm(
      'datastore_version_update',
      ds,
      name,
      ds,
      '',
      '',
      active ? '1' : '0',
      '--image-tags',
      `trove,${ds}`,
      '--version',
      number
    )
  await tm('datastore_update', 'postgresql', '')
  await version('postgresql', '15', true, pg)
  // PostgreSQL 14 is switched off on Pukki: restores into it get 400.
  await version('postgresql', '14', false, '14')
  await tm('datastore_update', 'postgresql', '15')
  await tm('datastore_update', 'mariadb', '')
  await version('mariadb', '10.11', true, maria)
  await tm('datastore_update', 'mariadb', '10.11')
}

interface Api {
  call(method: string, p: string, body?: unknown, token?: string): Promise<Record<string, unknown>>
  token(auth: unknown): Promise<string>
}

function keystoneApi(base: string): Api {
  const call = async (method: string, p: string, body?: unknown, token?: string) => {
    const res = await fetch(base + p, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { 'x-auth-token': token } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`keystone ${method} ${p}: ${res.status} ${text}`)
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>
  }
  return {
    call,
    async token(auth) {
      const res = await fetch(base + '/auth/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ auth })
      })
      const token = res.headers.get('x-subject-token')
      if (res.status !== 201 || !token)
        throw new Error(`keystone token: ${res.status} ${await res.text()}`)
      return token
    }
  }
}

const idOf = (r: Record<string, unknown>, key: string): string => {
  const id = (r[key] as { id?: unknown } | undefined)?.id
  if (typeof id !== 'string') throw new Error(`keystone: no ${key}.id in ${JSON.stringify(r)}`)
  return id
}

const passwordAuth = (name: string, password: string, project: string) => ({
  identity: {
    methods: ['password'],
    password: { user: { name, password, domain: { id: 'default' } } }
  },
  scope: { project: { name: project, domain: { id: 'default' } } }
})

/** The same seed as a cloud operator makes with the openstack CLI, over REST (faster). */
async function seedKeystone(base: string, adminPassword: string): Promise<Seed> {
  const api = keystoneApi(base)
  const admin = await api.token(passwordAuth('admin', adminPassword, 'admin'))
  const post = async (p: string, body: unknown, key: string) =>
    idOf(await api.call('POST', p, body, admin), key)
  const projectName = 'project_2001234'
  const projectId = await post(
    '/projects',
    { project: { name: projectName, domain_id: 'default' } },
    'project'
  )
  const serviceProject = await post(
    '/projects',
    { project: { name: 'service', domain_id: 'default' } },
    'project'
  )
  const username = 'localcloud-user'
  const password = secret()
  const userId = await post(
    '/users',
    { user: { name: username, password, domain_id: 'default', default_project_id: projectId } },
    'user'
  )
  const troveUser = await post(
    '/users',
    { user: { name: 'trove', password: 'trove-pass', domain_id: 'default' } },
    'user'
  )
  const roles = (await api.call('GET', '/roles', undefined, admin)).roles as Array<{
    id: string
    name: string
  }>
  const role = (name: string) => {
    const r = roles.find((x) => x.name === name)
    if (!r) throw new Error(`keystone: no role ${name}`)
    return r.id
  }
  for (const r of ['member', 'reader']) {
    await api.call(
      'PUT',
      `/projects/${projectId}/users/${userId}/roles/${role(r)}`,
      undefined,
      admin
    )
  }
  await api.call(
    'PUT',
    `/projects/${serviceProject}/users/${troveUser}/roles/${role('admin')}`,
    undefined,
    admin
  )
  const service = await post(
    '/services',
    { service: { type: 'database', name: 'trove', description: 'Database' } },
    'service'
  )
  for (const iface of ['public', 'internal', 'admin']) {
    // Keystone puts the token's project id in place of $(project_id)s, as Trove clouds do.
    await post(
      '/endpoints',
      {
        endpoint: {
          service_id: service,
          interface: iface,
          region_id: REGION,
          url: `${TROVE_PLACEHOLDER}/v1.0/$(project_id)s`
        }
      },
      'endpoint'
    )
  }
  // Application credentials belong to the user, who makes them with a token of their own.
  const user = await api.token(passwordAuth(username, password, projectName))
  const appCredName = 'localcloud-gha'
  const appCredSecret = secret()
  const full = await api.call(
    'POST',
    `/users/${userId}/application_credentials`,
    { application_credential: { name: appCredName, secret: appCredSecret } },
    user
  )
  const rulesCredName = 'localcloud-read-only'
  const rulesCredSecret = secret()
  const read = (p: string) => ({ service: 'database', method: 'GET', path: `/v1.0/*${p}` })
  const rules = await api.call(
    'POST',
    `/users/${userId}/application_credentials`,
    {
      application_credential: {
        name: rulesCredName,
        secret: rulesCredSecret,
        access_rules: [
          read('/backups'),
          read('/backups/*'),
          read('/instances'),
          read('/instances/*'),
          read('/instances/*/backups')
        ]
      }
    },
    user
  )
  return {
    projectId,
    projectName,
    userId,
    username,
    password,
    appCredId: idOf(full, 'application_credential'),
    appCredName,
    appCredSecret,
    rulesCredId: idOf(rules, 'application_credential'),
    rulesCredName,
    rulesCredSecret
  }
}
