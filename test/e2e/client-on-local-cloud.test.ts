import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import {
  HttpClient,
  isInstanceReady,
  OpenStackSession,
  type SessionConfig,
  silentLogger,
  TroveClient,
  waitFor
} from '../../src/openstack/index.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { testOnDouble } from '../helpers/cloud-kind.js'

// Our typed client against the local cloud: real HTTP, real Trove quirks, real servers.
let cloud: RunningCloud

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
}, 60_000)

afterAll(async () => {
  await cloud?.stop()
})

beforeEach(async () => {
  await cloud.admin.reset()
  await cloud.admin.config({ instanceBuildMs: 200, backupMs: 200, deleteMs: 100 })
})

function client(config: Partial<SessionConfig> = {}): TroveClient {
  const { info } = cloud
  const http = new HttpClient({
    logger: silentLogger,
    timeoutMs: 10_000,
    retry: { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 500, maxRetryAfterMs: 5000 }
  })
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
      allowInsecureHttp: true,
      ...config
    })
  )
}

const fast = {
  logger: silentLogger,
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 200))),
  now: Date.now,
  timeoutMs: 60_000
}

describe('the typed client on the local cloud', () => {
  test('password auth with names and domains reaches Trove through the catalog', async () => {
    const { info } = cloud
    const trove = client({
      credentials: {
        method: 'password',
        user: { name: info.username, domain: { name: info.userDomainName } },
        password: info.password,
        project: { name: info.projectName, domain: { id: info.projectDomainId } }
      }
    })
    const datastores = await trove.listDatastores()
    expect(datastores.map((d) => d.name).sort()).toEqual(['mariadb', 'postgresql'])
  })

  test('lists every instance across id-marker pages and every backup across offset pages', async () => {
    const ids = await cloud.admin.seedInstances(45)
    await cloud.admin.seedBackups(
      ids[0] as string,
      Array.from({ length: 40 }, (_, i) => ({ ageHours: i * 24 }))
    )
    const trove = client()
    const instances = await trove.listInstances()
    expect(new Set(instances.map((i) => i.id))).toEqual(new Set(ids))
    const backups = await trove.listBackups({ instanceId: ids[0] as string })
    expect(backups).toHaveLength(40)
    const ages = backups.map((b) => (Date.now() - b.created.getTime()) / 3_600_000)
    // UTC parsing: the newest seeded backup is minutes old, not hours off by a time zone.
    expect(Math.min(...ages)).toBeLessThan(0.1)
    const requests = await cloud.admin.requests()
    expect(requests.filter((r) => r.path.endsWith('/backups')).length).toBe(3)
  })

  test('survives injected 503s and a 429 with Retry-After on reads', async () => {
    await cloud.admin.fault({ method: 'GET', pathPattern: '/datastores$', status: 503, count: 2 })
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/flavors$',
      status: 429,
      retryAfter: 1,
      count: 1
    })
    const trove = client()
    await expect(trove.listDatastores()).resolves.toHaveLength(2)
    await expect(trove.listFlavors()).resolves.not.toHaveLength(0)
  })

  testOnDouble(
    "Keystone's tokens expire only by its configuration",
    're-authenticates after the cloud expires the token',
    async () => {
      const trove = client()
      await trove.listFlavors()
      await cloud.admin.expireTokens()
      await expect(trove.listFlavors()).resolves.not.toHaveLength(0)
      const auths = (await cloud.admin.requests()).filter(
        (r) => r.service === 'keystone' && r.method === 'POST'
      )
      expect(auths).toHaveLength(2)
    }
  )

  test('create → ACTIVE/HEALTHY → backup → COMPLETED → restore with the backup datastore → delete', async () => {
    const trove = client()
    const flavor = (await trove.listFlavors())[0]
    if (!flavor) throw new Error('the local cloud offers no flavor')
    const source = await trove.createInstance({
      name: 'e2e-source',
      flavorRef: flavor.id,
      volume: { size: 1 },
      datastore: { type: 'postgresql', version: '15' },
      users: [{ name: 'app', password: 'app-pw', databases: ['appdb'] }],
      databases: ['appdb'],
      access: { allowedCidrs: ['127.0.0.0/24'] }
    })
    const ready = await waitFor({
      ...fast,
      what: 'source',
      poll: () => trove.getInstance(source.id),
      describe: (i) => i.status,
      isDone: isInstanceReady,
      failure: () => undefined
    })
    expect(ready.value.addresses[0]).toMatch(/^127\./)

    const created = await trove.createBackup({
      name: 'e2e',
      instanceId: source.id,
      description: 'from the e2e test'
    })
    expect(['NEW', 'BUILDING']).toContain(created.status)
    const done = await waitFor({
      ...fast,
      what: 'backup',
      poll: () => trove.getBackup(created.id),
      describe: (b) => b.status,
      isDone: (b) => b.status === 'COMPLETED',
      failure: (b) => (b.status === 'FAILED' ? 'failed' : undefined)
    })
    expect(done.value.sizeGb).toBeGreaterThan(0)
    expect(done.value.datastore?.type).toBe('postgresql')

    const restored = await trove.createInstance({
      name: 'e2e-restore',
      flavorRef: flavor.id,
      volume: { size: 1 },
      datastore: {
        type: done.value.datastore?.type as string,
        version: done.value.datastore?.version as string
      },
      restoreBackupId: done.value.id,
      access: { allowedCidrs: ['127.0.0.0/24'] }
    })
    const restoredReady = await waitFor({
      ...fast,
      what: 'restore',
      poll: () => trove.getInstance(restored.id),
      describe: (i) => i.status,
      isDone: isInstanceReady,
      failure: (i) => (i.status === 'ERROR' ? 'error' : undefined)
    })
    expect(restoredReady.value.addresses[0]).not.toBe(ready.value.addresses[0])

    expect(await trove.deleteInstance(restored.id)).toBe(true)
    expect(await trove.deleteInstance(source.id)).toBe(true)
    await waitFor({
      ...fast,
      what: 'gone',
      poll: () => trove.findInstanceById(source.id),
      describe: (i) => i?.status ?? 'gone',
      isDone: (i) => i === undefined,
      failure: () => undefined
    })
    // Backups outlive their instance, as on the real service.
    expect((await trove.listBackups({ instanceId: source.id })).map((b) => b.id)).toEqual([
      done.value.id
    ])
  }, 90_000)
})
