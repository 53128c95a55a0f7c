import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TroveClient } from '../../src/openstack/index.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { createTestCa } from '../localcloud/servers/tls.js'
import {
  createMariadbWithData,
  createPostgresWithData,
  DB_PASSWORD,
  DB_USER,
  testClient
} from './helpers/local-instances.js'
import { cloudInputs, runAction } from './helpers/run-action.js'

// db-tls and db-ca end to end through the committed bundle: the local cloud's servers offer TLS
// with certificates from its own CA (cloudInfo.dbCaFile), each naming the instance's address.
let cloud: RunningCloud
let trove: TroveClient
let s3: S3Client
let echo: http.Server
let echoUrl: string
let otherCa: string
const dir = mkdtempSync(path.join(tmpdir(), 'db-tls-e2e-'))
const BUCKET = 'offsite'

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 300 })
  trove = testClient(cloud.info)
  await cloud.admin.config({ quota: { instances: 10, volumes: 100 } })
  await Promise.all([
    createPostgresWithData(trove, 'shop-pg'),
    createMariadbWithData(trove, 'shop-maria')
  ])
  for (const instance of ['shop-pg', 'shop-maria']) {
    const taken = await runAction('main', { ...cloudInputs(cloud.info), mode: 'backup', instance })
    expect(taken.exitCode).toBe(0)
  }
  // A CA that signed none of the cloud's certificates.
  otherCa = (await createTestCa(path.join(dir, 'other-ca'), 'unrelated CA')).certFile
  s3 = new S3Client({
    endpoint: cloud.info.s3.endpoint,
    region: cloud.info.s3.region,
    forcePathStyle: true,
    credentials: {
      accessKeyId: cloud.info.s3.accessKeyId,
      secretAccessKey: cloud.info.s3.secretAccessKey
    },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED'
  })
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }))
  echo = http.createServer((_req, res) => res.end('127.0.0.1\n'))
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r))
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/`
}, 180_000)

afterAll(async () => {
  await new Promise((r) => echo?.close(r))
  s3?.destroy()
  await cloud?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const tempInstances = async () =>
  (await trove.listInstances()).filter((i) => i.name.startsWith('dbaas-verify-'))

function drill(instance: string, extra: Record<string, string>): Record<string, string> {
  return {
    ...cloudInputs(cloud.info),
    mode: 'verify',
    instance,
    'db-user': DB_USER,
    'db-password': DB_PASSWORD,
    'runner-ip-url': echoUrl,
    'compare-with-source': 'true',
    ...extra
  }
}

const VERIFIED =
  /✓ connect \(\d+ ms\): .*TLS, certificate verified \(chain to db-ca and host name\)/
const PRODUCTION_WARNING = /^::warning title=Unverified TLS to a production database::/

describe('verify mode with db-tls: verify-full', () => {
  test.each([
    ['PostgreSQL', 'shop-pg', 'file'],
    ['MariaDB', 'shop-maria', 'PEM text']
  ])(
    '%s (%s): the restored copy and the source are both verified, db-ca as a %s; no warning',
    async (_engine, instance, given) => {
      const ca = given === 'file' ? cloud.info.dbCaFile : readFileSync(cloud.info.dbCaFile, 'utf8')
      const result = await runAction(
        'main',
        drill(instance, {
          'db-tls': 'verify-full',
          'db-ca': ca,
          // The command's own client checks what ours did: libpq with PGSSLMODE/PGSSLROOTCERT,
          // mariadb with --ssl-ca from DB_SSL_CA.
          command:
            instance === 'shop-pg'
              ? 'test "$PGSSLMODE" = verify-full && test "$(psql -tAc "select ssl from pg_stat_ssl where pid = pg_backend_pid()")" = t'
              : 'mariadb --no-defaults -h "$DB_HOST" -u "$DB_USER" --ssl-ca="$DB_SSL_CA" --ssl-verify-server-cert -N -e "select 1" "$DB_NAME"'
        })
      )
      const failure = `${result.stdout}\n${result.stderr}`
      expect({ exitCode: result.exitCode, output: result.exitCode === 0 ? '' : failure }).toEqual({
        exitCode: 0,
        output: ''
      })
      expect(result.outputs.verified).toBe('true')
      expect(result.stdout).toMatch(VERIFIED)
      expect(result.stdout).toMatch(/✓ compare with source \(\d+ ms\)/)
      expect(result.stdout).toMatch(/✓ command \(\d+ ms\): exit code 0/)
      expect(result.annotations.filter((a) => PRODUCTION_WARNING.test(a))).toEqual([])
      // The PEM text is public, but the log never holds it whole.
      const pemBody = readFileSync(cloud.info.dbCaFile, 'utf8').split('\n')[1] as string
      expect(result.stdout).not.toContain(pemBody)
      expect(await tempInstances()).toEqual([])
    },
    180_000
  )

  test.each([
    ['PostgreSQL', 'shop-pg'],
    ['MariaDB', 'shop-maria']
  ])(
    '%s: a db-ca from an unrelated CA fails the drill, saying db-ca does not hold the signer; nothing is left',
    async (_engine, instance) => {
      const result = await runAction(
        'main',
        drill(instance, { 'db-tls': 'verify-full', 'db-ca': otherCa })
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.verified).toBe('false')
      const error = result.annotations.find((a) => a.startsWith('::error::')) ?? ''
      expect(error).toMatch(
        new RegExp(
          `connect — the certificate of 127\\.[\\d.]+ is not signed by db-ca \\(${otherCa.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: CN=unrelated CA\\).*` +
            `db-ca must hold the CA certificate that signed the instance's certificate \\(db-tls: verify-full\\)`
        )
      )
      expect(await tempInstances()).toEqual([])
    },
    180_000
  )

  test('prefer (the default) with compare-with-source warns that the source is not verified', async () => {
    const result = await runAction('main', drill('shop-pg', {}))
    expect(result.exitCode).toBe(0)
    const warnings = result.annotations.filter((a) => PRODUCTION_WARNING.test(a))
    expect(warnings).toEqual([
      expect.stringMatching(
        /compare-with-source connects to the production instance shop-pg \(127\.[\d.]+\) with db-tls: prefer, which does not verify the server's certificate: set db-tls: verify-full and db-ca/
      )
    ])
    // The restored copy alone is no production database: no warning without the comparison.
    const alone = await runAction('main', drill('shop-pg', { 'compare-with-source': 'false' }))
    expect(alone.exitCode).toBe(0)
    expect(alone.annotations.filter((a) => PRODUCTION_WARNING.test(a))).toEqual([])
    expect(alone.stdout).toMatch(/✓ connect \(\d+ ms\): .*TLS, certificate not verified/)
  }, 180_000)
})

describe('mirror source: live with db-tls: verify-full', () => {
  function live(instance: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...cloudInputs(cloud.info),
      mode: 'mirror',
      source: 'live',
      instance,
      'db-user': DB_USER,
      'db-password': DB_PASSWORD,
      's3-uri': `s3://${BUCKET}/${instance}/`,
      's3-endpoint': cloud.info.s3.endpoint,
      's3-region': cloud.info.s3.region,
      's3-access-key-id': cloud.info.s3.accessKeyId,
      's3-secret-access-key': cloud.info.s3.secretAccessKey,
      encryption: 'none',
      ...extra
    }
  }

  test.each([
    ['pg_dump', 'shop-pg'],
    ['mariadb-dump', 'shop-maria']
  ])(
    '%s dumps the production instance with its certificate verified; no warning',
    async (tool, instance) => {
      const result = await runAction(
        'main',
        live(instance, { 'db-tls': 'verify-full', 'db-ca': cloud.info.dbCaFile })
      )
      expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({
        exitCode: 0,
        stderr: ''
      })
      expect(result.stdout).toContain(tool)
      expect(Number(result.outputs.bytes)).toBeGreaterThan(0)
      expect(result.annotations.filter((a) => PRODUCTION_WARNING.test(a))).toEqual([])
    },
    120_000
  )

  test('without verification the live source warns, naming db-tls and db-ca', async () => {
    const result = await runAction('main', live('shop-maria', { 'db-tls': 'require' }))
    expect(result.exitCode).toBe(0)
    expect(result.annotations.filter((a) => PRODUCTION_WARNING.test(a))).toEqual([
      expect.stringMatching(
        /mirror source: live dumps the production instance shop-maria \(127\.[\d.]+\) with db-tls: require, which does not verify the server's certificate: set db-tls: verify-full and db-ca/
      )
    ])
  }, 120_000)

  test('a db-ca from an unrelated CA stops the live dump before it starts', async () => {
    const result = await runAction(
      'main',
      live('shop-pg', { 'db-tls': 'verify-full', 'db-ca': otherCa })
    )
    expect(result.exitCode).not.toBe(0)
    expect(result.annotations.find((a) => a.startsWith('::error::'))).toMatch(
      /is not signed by db-ca .*\(db-tls: verify-full\)/
    )
  }, 120_000)
})
