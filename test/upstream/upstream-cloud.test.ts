import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import {
  HttpClient,
  type Instance,
  OpenStackSession,
  silentLogger,
  TroveClient
} from '../../src/openstack/index.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { pidsMatching } from '../localcloud/servers/proc.js'
import {
  createPostgresWithData,
  DB_PASSWORD,
  DB_USER,
  psql
} from '../e2e/helpers/local-instances.js'
import { cloudEnv, parseJson, runCli } from '../e2e/helpers/run-cli.js'

// The product against the REAL Keystone and trove-api (test/localcloud/upstream): real
// validation, policy, views and paging decide, not our double. Through the committed bundle
// (`npm run build` first). Part of `npm test` as the `upstream` project; with the e2e suite
// on the same cloud alone: `npm run test:upstream`.
jest.setTimeout(600_000)

let cloud: RunningCloud
let trove: TroveClient
let db: Instance
let env: Record<string, string>

beforeAll(async () => {
  // The first start on a machine builds the snapshot of Keystone's and Trove's databases.
  cloud = await startCloud({ upstream: true, startTimeoutMs: 900_000 })
  trove = upstreamClient()
  db = await createPostgresWithData(trove, 'shop-db')
  env = cloudEnv(cloud.info)
}, 1_200_000)

afterAll(async () => {
  await cloud?.stop()
})

const insecure = '--allow-insecure-http'

/**
 * Our client, to set the scene. Real trove-api answers a create in 1-3 s on an idle machine
 * (Python, bcrypt, a real database): the request timeout allows for a loaded one.
 */
function upstreamClient(): TroveClient {
  const http = new HttpClient({ logger: silentLogger, timeoutMs: 120_000 })
  return new TroveClient(
    new OpenStackSession(http, {
      authUrl: cloud.info.authUrl,
      credentials: {
        method: 'application_credential',
        id: cloud.info.appCredId,
        secret: cloud.info.appCredSecret
      },
      interface: 'public',
      region: cloud.info.region,
      allowInsecureHttp: true
    })
  )
}

/** One call to the real trove-api with a token of the cloud's application credential. */
async function rawTrove(path: string): Promise<{
  status: number
  body: Record<string, Record<string, unknown>>
  requestId: string | null
}> {
  const auth = await fetch(`${cloud.info.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: cloud.info.appCredId, secret: cloud.info.appCredSecret }
        }
      }
    })
  })
  const token = auth.headers.get('x-subject-token') ?? ''
  const res = await fetch(cloud.info.troveUrl + path, { headers: { 'x-auth-token': token } })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, Record<string, unknown>>,
    requestId: res.headers.get('x-openstack-request-id')
  }
}

describe('the upstream cloud', () => {
  test('prints the cloud:up contract with kind "upstream" and the region of its catalog', () => {
    const info = cloud.info as typeof cloud.info & { kind?: string }
    expect(info.kind).toBe('upstream')
    expect(info.region).toBe('pukki_dbaas')
    expect(info.troveUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/v1\\.0/${info.projectId}$`)
    )
    expect(info.s3).toEqual({
      endpoint: expect.stringMatching(/^http:/),
      region: expect.any(String),
      accessKeyId: expect.any(String),
      secretAccessKey: expect.any(String)
    })
  })

  test('an instance the real API created runs a real PostgreSQL with its user and database', async () => {
    expect(db.status).toBe('ACTIVE')
    const raw = await rawTrove(`/instances/${db.id}`)
    // Real Trove takes the region from the instance row (service_credentials.region_name),
    // and its answers carry no x-openstack-request-id.
    expect(raw.status).toBe(200)
    expect(raw.body.instance).toMatchObject({ region: 'pukki_dbaas', operating_status: 'HEALTHY' })
    expect(raw.requestId).toBeNull()
    const host = db.addresses[0] as string
    expect(host).toMatch(/^127\.\d+\.\d+\.\d+$/)
    expect(host).not.toBe('127.0.0.1')
    expect(await psql(host, 'SELECT count(*) FROM orders')).toBe('500')
  })

  test('the CLI lists the instance', async () => {
    const result = await runCli(['list', insecure, '--json'], { env })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('shop-db')
  })

  test('the CLI takes a real backup: NEW → BUILDING → COMPLETED, stored in Swift', async () => {
    const result = await runCli(
      ['backup', '--instance', 'shop-db', '--timeout', '5m', insecure, '--json'],
      { env }
    )
    expect(result.exitCode).toBe(0)
    const json = parseJson(result)
    expect(json.outputs['backup-status']).toBe('COMPLETED')
    const backup = await trove.getBackup(String(json.outputs['backup-id']))
    expect(backup.status).toBe('COMPLETED')
    expect(backup.sizeGb).toBeGreaterThan(0)
    expect(backup.locationRef).toContain(cloud.info.swiftUrl)
    expect(result.stdout + result.stderr).not.toContain(cloud.info.appCredSecret)
  })

  test('the CLI reports on the instance and sees that backup', async () => {
    const result = await runCli(['report', '--instance', 'shop-db', insecure, '--json'], { env })
    expect(result.exitCode).toBe(0)
    const json = parseJson(result)
    expect(json.mode).toBe('report')
    expect(json.result).toBe('ok')
  })

  test('the CLI verifies the backup: a real restore through the real API, data checked', async () => {
    const result = await runCli(
      [
        'verify',
        '--instance',
        'shop-db',
        '--db-user',
        DB_USER,
        '--allowed-cidrs',
        '127.0.0.0/22',
        '--restore-timeout',
        '5m',
        insecure,
        '--json'
      ],
      { env: { ...env, DBAAS_BACKUP_DB_PASSWORD: DB_PASSWORD } }
    )
    const json = parseJson(result)
    expect([json.result, json.error]).toEqual(['ok', undefined])
    expect(json.outputs.verified).toBe(true)
    expect(Number(json.outputs['checks-failed'])).toBe(0)
    // The restored server stood on its own address, and the real API lists it no more.
    expect(json.outputs['temp-instance-host']).not.toBe(db.addresses[0])
    const left = (await trove.listInstances()).filter((i) => i.name.startsWith('dbaas-verify-'))
    expect(left).toEqual([])
  })

  test("its admin API refuses what is fixed in the real servers' configuration", async () => {
    await expect(cloud.admin.config({ tokenTtlSeconds: 5 })).rejects.toThrow(
      /400 .*fixed in the configuration of the real Keystone and trove-api/
    )
    await expect(cloud.admin.config({ rateLimitPerMinute: 1 })).rejects.toThrow(/400 /)
    await expect(cloud.admin.expireTokens()).rejects.toThrow(/400 .*fernet tokens/)
    // what it can change, it does: a project quota in Trove's own table, read back
    expect((await cloud.admin.config({ quota: { backups: 77 } })).quota.backups).toBe(77)
  })

  test('stop leaves no process and no temp dir behind', async () => {
    const { tempDir } = cloud.info
    expect(existsSync(tempDir)).toBe(true)
    await cloud.stop()
    expect(existsSync(tempDir)).toBe(false)
    expect(pidsMatching(tempDir)).toEqual([])
  })
})
