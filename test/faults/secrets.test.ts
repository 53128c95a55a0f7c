import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import type { TroveClient } from '../../src/openstack/index.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { FLAVOR, testClient, waitReady } from '../e2e/helpers/local-instances.js'
import { type ActionResult, cloudInputs, runAction } from '../e2e/helpers/run-action.js'
import { record } from './helpers/results.js'
import { scannedText, secretHits } from './helpers/scan.js'

// Every mode runs with canary values for every secret, and nothing a person
// can read afterwards (stdout, stderr, job summary, outputs, saved state, report JSON) may hold
// one — also when Keystone or Trove echo the secret back in an error body.
let cloud: RunningCloud
let trove: TroveClient
let secrets: string[]
const dir = mkdtempSync(path.join(tmpdir(), 'secrets-'))
const DB_USER = 'app'
/** The source database's real password: a drill that passes has used it. */
const DB_CANARY = 'CANARY-db-9d1e7f3a5c'
/** Wrong values that must not show up either, when a login fails with them. */
const WRONG_SECRET = 'CANARY-appcred-4b8e2d6f1a'
const WRONG_PASSWORD = 'CANARY-password-7c3f9a1e5d'
const WRONG_DB = 'CANARY-wrongdb-2a6c8e4b0f'
const WRONG_S3 = 'CANARY-s3secret-8f2b6d0a4c'
/** An age identity given where a public key belongs: refused, and never shown. */
const AGE_IDENTITY = 'AGE-SECRET-KEY-1CANARYQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'
/** A well-formed age identity given to restore, and the password of its target-url. */
const RESTORE_IDENTITY =
  'AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX'
const TARGET_CANARY = 'CANARY-target-6e1b9d3f7a'
let shopHost = ''

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
  trove = testClient(cloud.info)
  // The cloud's own credentials are the real secrets of these runs.
  secrets = [
    cloud.info.appCredSecret,
    cloud.info.password,
    cloud.info.s3.secretAccessKey,
    DB_CANARY,
    WRONG_SECRET,
    WRONG_PASSWORD,
    WRONG_DB,
    WRONG_S3,
    AGE_IDENTITY,
    RESTORE_IDENTITY,
    TARGET_CANARY
  ]
  const s3 = new S3Client({
    endpoint: cloud.info.s3.endpoint,
    region: cloud.info.s3.region,
    forcePathStyle: true,
    credentials: {
      accessKeyId: cloud.info.s3.accessKeyId,
      secretAccessKey: cloud.info.s3.secretAccessKey
    }
  })
  await s3.send(new CreateBucketCommand({ Bucket: 'offsite' }))
  s3.destroy()
  const created = await trove.createInstance({
    name: 'shop-db',
    flavorRef: FLAVOR,
    volume: { size: 2 },
    datastore: { type: 'postgresql', version: '15' },
    users: [{ name: DB_USER, password: DB_CANARY, databases: ['shop'] }],
    databases: ['shop'],
    access: { allowedCidrs: ['127.0.0.0/22'] }
  })
  const ready = await waitReady(trove, created.id)
  shopHost = ready.addresses[0] as string
  await promisify(execFile)(
    '/usr/lib/postgresql/15/bin/psql',
    [
      '-h',
      ready.addresses[0] as string,
      '-U',
      DB_USER,
      '-d',
      'shop',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      'CREATE TABLE orders (id int); INSERT INTO orders VALUES (1), (2)'
    ],
    { env: { ...process.env, PGPASSWORD: DB_CANARY } }
  )
}, 120_000)

afterAll(async () => {
  await cloud?.stop()
})

beforeEach(async () => {
  await cloud.admin.resetFaults()
})

/** Runs a step and scans it (and the report JSON, when one was written) for every secret. */
async function scanRun(
  name: string,
  inputs: Record<string, string>
): Promise<{ result: ActionResult; hits: string[] }> {
  const reportPath = path.join(dir, `${name.replace(/\W+/g, '-')}.json`)
  const result = await runAction('main', { ...inputs, 'report-path': reportPath })
  const extra = existsSync(reportPath) ? [readFileSync(reportPath, 'utf8')] : []
  const hits = secretHits(scannedText(result, extra), secrets)
  record({ kind: 'secrets', name, hits: hits.length })
  return { result, hits }
}

const appCred = (): Record<string, string> => cloudInputs(cloud.info)

function passwordAuth(password = cloud.info.password): Record<string, string> {
  return {
    'auth-url': cloud.info.authUrl,
    'allow-insecure-http': 'true',
    region: cloud.info.region,
    'auth-type': 'password',
    username: cloud.info.username,
    'user-domain-name': cloud.info.userDomainName,
    password,
    'project-name': cloud.info.projectName,
    'project-domain-id': cloud.info.projectDomainId
  }
}

const drill = (dbPassword: string): Record<string, string> => ({
  mode: 'verify',
  instance: 'shop-db',
  'db-user': DB_USER,
  'db-password': dbPassword,
  'allowed-cidrs': '127.0.0.1/32',
  'compare-with-source': 'true'
})

describe('no secret in anything a run leaves behind', () => {
  let backupId = ''

  test('backup (application credential)', async () => {
    const { result, hits } = await scanRun('backup', {
      ...appCred(),
      mode: 'backup',
      instance: 'shop-db'
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`::add-mask::${cloud.info.appCredSecret}`)
    backupId = result.outputs['backup-id'] as string
    expect(hits).toEqual([])
  }, 60_000)

  test('report (password auth)', async () => {
    const { result, hits } = await scanRun('report', {
      ...passwordAuth(),
      mode: 'report',
      instances: 'all',
      'fail-on': 'never'
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`::add-mask::${cloud.info.password}`)
    expect(hits).toEqual([])
  }, 60_000)

  test('verify (database password, source comparison)', async () => {
    const { result, hits } = await scanRun('verify', {
      ...appCred(),
      ...drill(DB_CANARY),
      'backup-id': backupId
    })
    expect(result.annotations.filter((a) => a.startsWith('::error'))).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`::add-mask::${DB_CANARY}`)
    expect(hits).toEqual([])
  }, 90_000)

  test('verify with a wrong database password (the login fails)', async () => {
    const { result, hits } = await scanRun('verify-wrong-db-password', {
      ...appCred(),
      ...drill(WRONG_DB),
      'backup-id': backupId
    })
    expect(result.exitCode).toBe(1)
    expect(hits).toEqual([])
  }, 90_000)

  test('restore (password auth)', async () => {
    const { result, hits } = await scanRun('restore', {
      ...passwordAuth(),
      mode: 'restore',
      'backup-id': backupId,
      'restore-name': 'shop-db-restored',
      'allowed-cidrs': '127.0.0.1/32'
    })
    expect(result.exitCode).toBe(0)
    await trove.deleteInstance(result.outputs['instance-id'] as string)
    expect(hits).toEqual([])
  }, 90_000)

  const mirror = (s3Secret = cloud.info.s3.secretAccessKey): Record<string, string> => ({
    ...appCred(),
    mode: 'mirror',
    instance: 'shop-db',
    'db-user': DB_USER,
    'db-password': DB_CANARY,
    'allowed-cidrs': '127.0.0.1/32',
    's3-uri': 's3://offsite/copies',
    's3-endpoint': cloud.info.s3.endpoint,
    's3-region': cloud.info.s3.region,
    's3-access-key-id': cloud.info.s3.accessKeyId,
    's3-secret-access-key': s3Secret,
    encryption: 'none'
  })

  test('mirror (S3 keys, database password)', async () => {
    const { result, hits } = await scanRun('mirror', { ...mirror(), 'backup-id': backupId })
    expect(result.annotations.filter((a) => a.startsWith('::error'))).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`::add-mask::${cloud.info.s3.secretAccessKey}`)
    expect(hits).toEqual([])
  }, 90_000)

  test('mirror restore (target-url password, age identity) into a server that refuses the login', async () => {
    const { result, hits } = await scanRun('mirror-restore', {
      ...mirror(),
      'mirror-action': 'restore',
      'target-url': `postgresql://${DB_USER}:${TARGET_CANARY}@${shopHost}:5432/shop_copy`,
      'age-identity': RESTORE_IDENTITY
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(`::add-mask::${TARGET_CANARY}`)
    expect(result.stdout).toContain(`::add-mask::${RESTORE_IDENTITY}`)
    expect(result.stdout).toMatch(
      /::error::Restore of copies\/.* failed: .*password authentication failed/
    )
    expect(hits).toEqual([])
  }, 90_000)

  test('mirror with a wrong S3 secret key (the store refuses it)', async () => {
    const { result, hits } = await scanRun('mirror-wrong-s3', {
      ...mirror(WRONG_S3),
      'backup-id': backupId
    })
    expect(result.exitCode).toBe(1)
    expect(hits).toEqual([])
  }, 90_000)

  test('mirror given an age identity instead of a recipient', async () => {
    const { result, hits } = await scanRun('mirror-age-identity', {
      ...mirror(),
      'age-recipients': AGE_IDENTITY
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('::error::Input "age-recipients"')
    expect(hits).toEqual([])
  }, 60_000)

  test.each(['sweep', 'list'])(
    '%s (application credential)',
    async (mode) => {
      const { hits } = await scanRun(mode, { ...appCred(), mode, instance: 'shop-db', ttl: '1h' })
      expect(hits).toEqual([])
    },
    60_000
  )

  test('a wrong application credential secret', async () => {
    const { result, hits } = await scanRun('wrong-secret', {
      ...appCred(),
      'application-credential-secret': WRONG_SECRET,
      mode: 'backup',
      instance: 'shop-db'
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*401/)
    expect(hits).toEqual([])
  }, 60_000)

  test('a wrong password', async () => {
    const { result, hits } = await scanRun('wrong-password', {
      ...passwordAuth(WRONG_PASSWORD),
      mode: 'report',
      instance: 'shop-db'
    })
    expect(result.exitCode).toBe(1)
    expect(hits).toEqual([])
  }, 60_000)

  test('Keystone echoes the application credential secret in its error body', async () => {
    await cloud.admin.fault({
      method: 'POST',
      pathPattern: '/auth/tokens$',
      status: 401,
      body: {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: `Invalid secret ${cloud.info.appCredSecret} for credential`
        }
      }
    })
    const { result, hits } = await scanRun('keystone-echo-secret', {
      ...appCred(),
      mode: 'backup',
      instance: 'shop-db'
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*Invalid secret/)
    expect(hits).toEqual([])
  }, 60_000)

  test('Keystone echoes the password in a plain-text 500 body (retried, then final)', async () => {
    await cloud.admin.fault({
      method: 'POST',
      pathPattern: '/auth/tokens$',
      status: 500,
      count: 10,
      body: `internal error while checking password=${cloud.info.password} for user ${cloud.info.username}`
    })
    const { result, hits } = await scanRun('keystone-echo-password', {
      ...passwordAuth(),
      mode: 'report',
      instance: 'shop-db'
    })
    expect(result.exitCode).toBe(1)
    expect(hits).toEqual([])
  }, 60_000)

  test('Trove echoes a secret in the error body of a read', async () => {
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/instances$',
      status: 400,
      body: {
        badRequest: {
          code: 400,
          message: `bad header X-Debug: ${cloud.info.appCredSecret} / ${DB_CANARY}`
        }
      }
    })
    const { result, hits } = await scanRun('trove-echo', { ...appCred(), ...drill(DB_CANARY) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*bad header/)
    expect(hits).toEqual([])
  }, 60_000)
})
