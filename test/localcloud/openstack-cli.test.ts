// The real Debian `openstack` CLI (python3-openstackclient + python3-troveclient)
// against the local cloud: if the reference client is happy with our Keystone and
// Trove, the product's REST client is tested against something credible.

import { execFile } from 'node:child_process'
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { waitUntil } from '../helpers/wait-until.ts'
import { testOnDouble } from '../helpers/cloud-kind.ts'
import { startCloud, type RunningCloud } from './harness.ts'

jest.setTimeout(180_000)

const OPENSTACK = '/usr/bin/openstack'

let cloud: RunningCloud

type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** The environment of CSC's app-credential rc file, pointed at the local cloud. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OS_')) env[k] = v
  const i = cloud.info
  return {
    ...env,
    OS_AUTH_URL: i.authUrl,
    OS_AUTH_TYPE: 'v3applicationcredential',
    OS_APPLICATION_CREDENTIAL_ID: i.appCredId,
    OS_APPLICATION_CREDENTIAL_SECRET: i.appCredSecret,
    OS_REGION_NAME: i.region,
    OS_INTERFACE: 'public',
    OS_IDENTITY_API_VERSION: '3'
  }
}

interface CliResult {
  code: number
  stdout: string
  stderr: string
}

function cli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(OPENSTACK, args, { env: cliEnv(), timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** Runs a command with `-f json` and parses what it printed. */
async function cliJson(args: string[]): Promise<J> {
  const r = await cli([...args, '-f', 'json'])
  if (r.code !== 0) throw new Error(`openstack ${args.join(' ')} exited ${r.code}:\n${r.stderr}`)
  return JSON.parse(r.stdout) as J
}

/** psql over TCP as a database user of the instance, as that user would connect. */
function psqlAs(host: string, user: string, password: string, db: string, sql: string) {
  return new Promise<string>((resolve, reject) => {
    execFile(
      '/usr/lib/postgresql/15/bin/psql',
      ['-h', host, '-U', user, '-d', db, '-tAX', '-v', 'ON_ERROR_STOP=1', '-c', sql],
      { env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '5' }, timeout: 30_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`psql: ${stderr}`)) : resolve(stdout.trim()))
    )
  })
}

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
})

afterAll(async () => {
  await cloud?.stop()
})

beforeEach(async () => {
  await cloud.admin.reset()
})

describe('openstack CLI', () => {
  test('database instance list and show (seeded records)', async () => {
    const ids = await cloud.admin.seedInstances(3, { namePrefix: 'cli-' })
    const list = (await cliJson(['database', 'instance', 'list'])) as unknown as J[]
    expect(list.map((i) => i.ID).sort()).toEqual([...ids].sort())
    expect(list[0]).toEqual(
      expect.objectContaining({
        Datastore: 'postgresql',
        'Datastore Version': '15',
        Status: 'ACTIVE',
        'Operating Status': 'HEALTHY',
        Public: true
      })
    )
    const show = await cliJson(['database', 'instance', 'show', ids[0] as string])
    expect(show).toEqual(
      expect.objectContaining({
        id: ids[0],
        name: 'cli-0',
        status: 'ACTIVE',
        operating_status: 'HEALTHY',
        datastore: 'postgresql',
        public: true,
        allowed_cidrs: ['192.0.2.1/32'],
        region: cloud.info.region
      })
    )
    expect(show.datastore_version_number).toMatch(/^15\./)
    const log = await cloud.admin.requests()
    // Version discovery, token, then Trove (the list sends include_clustered=False).
    expect(log.filter((r) => r.service === 'keystone').map((r) => r.status)).toContain(201)
    expect(log).toContainEqual(
      expect.objectContaining({ method: 'GET', query: { include_clustered: 'False' }, status: 200 })
    )
  })

  test('instance list shows only the first page (the CLI does not follow the id marker)', async () => {
    await cloud.admin.seedInstances(25)
    const list = (await cliJson(['database', 'instance', 'list'])) as unknown as J[]
    expect(list).toHaveLength(20)
  })

  test('backup list follows offset pages; show', async () => {
    const inst = '0c5c6e37-0000-4000-8000-000000000001'
    const ids = await cloud.admin.seedBackups(
      inst,
      Array.from({ length: 45 }, (_, i) => ({ ageHours: i + 1, name: `nightly-${i}` }))
    )
    const list = (await cliJson(['database', 'backup', 'list'])) as unknown as J[]
    expect(list.map((b) => b.ID)).toEqual(ids)
    const markers = (await cloud.admin.requests())
      .filter((r) => r.path.endsWith('/backups'))
      .map((r) => r.query.marker ?? '')
    expect(markers).toEqual(['', '20', '40'])
    const show = await cliJson(['database', 'backup', 'show', ids[0] as string])
    expect(show).toEqual(
      expect.objectContaining({
        id: ids[0],
        name: 'nightly-0',
        status: 'COMPLETED',
        instance_id: inst,
        datastore: 'postgresql',
        datastore_version: '15'
      })
    )
  })

  testOnDouble(
    "trove-api's rate limits are fixed in its configuration",
    'a 413 overLimit makes the CLI fail at once',
    async () => {
      await cloud.admin.config({ rateLimitPerMinute: 1 })
      await cloud.admin.seedInstances(1)
      expect((await cli(['database', 'instance', 'list'])).code).toBe(0)
      const r = await cli(['database', 'instance', 'list'])
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(/rate-limited|413|overLimit/i)
    }
  )

  test('real instance: create, backup create/show/list', async () => {
    const created = await cliJson([
      'database',
      'instance',
      'create',
      'cli-db',
      '--flavor',
      'standard.small',
      '--size',
      '1',
      '--datastore',
      'postgresql',
      '--datastore-version',
      '15',
      '--is-public',
      '--allowed-cidr',
      '127.0.0.0/22',
      '--databases',
      'appdb',
      '--users',
      'app:s3cret'
    ])
    expect(created.status).toBe('BUILD')
    const id = created.id as string
    // Each poll starts the Python CLI: 90 s, and no hurry between polls.
    const active = await waitUntil(() => cliJson(['database', 'instance', 'show', id]), {
      what: `instance ${id} ACTIVE (or ERROR)`,
      until: (i) => i.status === 'ACTIVE' || i.status === 'ERROR',
      timeoutMs: 90_000,
      intervalMs: 200
    })
    expect(active.status).toBe('ACTIVE')
    expect(active.operating_status).toBe('HEALTHY')
    // The user and database the create named exist on a real server behind its address.
    const host = /\b127(?:\.\d{1,3}){3}\b/.exec(JSON.stringify(active))?.[0]
    expect(host).toBeDefined()
    expect(await psqlAs(host as string, 'app', 's3cret', 'appdb', 'SELECT current_user')).toBe(
      'app'
    )

    const b = await cliJson(['database', 'backup', 'create', 'cli-manual', '--instance', id])
    expect(b).toEqual(
      expect.objectContaining({ name: 'cli-manual', status: 'NEW', instance_id: id })
    )
    const done = await waitUntil(() => cliJson(['database', 'backup', 'show', b.id]), {
      what: `backup ${b.id} done (neither NEW nor BUILDING)`,
      until: (x) => !['NEW', 'BUILDING'].includes(x.status),
      timeoutMs: 90_000,
      intervalMs: 200
    })
    expect(done.status).toBe('COMPLETED')
    expect(done.size).toBeGreaterThan(0)
    expect(done.locationRef).toContain('database_backups')
    const list = (await cliJson(['database', 'backup', 'list'])) as unknown as J[]
    expect(list).toEqual([
      expect.objectContaining({ ID: b.id, Status: 'COMPLETED', 'Instance ID': id })
    ])
    const byInstance = (await cliJson([
      'database',
      'backup',
      'list',
      '--instance',
      id
    ])) as unknown as J[]
    expect(byInstance.map((x) => x.ID)).toEqual([b.id])
  })
})
