import {
  CreateBucketCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { type ChildProcess, execFile, execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { DrillEvidence } from '../../src/evidence/index.js'
import type { Instance, TroveClient } from '../../src/openstack/index.js'
import { evidenceErrors } from '../helpers/evidence-schema.js'
import { parseExposition } from '../helpers/exposition.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { sqlAdmin } from '../localcloud/servers/mariadb.js'
import {
  createMariadbWithData,
  createPostgresWithData,
  DB_PASSWORD,
  DB_USER,
  FLAVOR,
  psql,
  psqlSuperuser,
  testClient,
  waitReady
} from './helpers/local-instances.js'
import { cloudInputs, runAction } from './helpers/run-action.js'

// mirror-action restore and drill end to end through the committed bundle: copies made by
// mirror on the local cloud's Swift S3 come back into fresh, real PostgreSQL and MariaDB
// servers reached only through target-url, as a self-hosted server or a service container is.
const run = promisify(execFile)
const BUCKET = 'offsite-dr'
const TARGET_USER = 'restorer'
const TARGET_PASSWORD = 'tgt-Pw-7f3e9a' // distinct from the source's, to scan the log for it
let cloud: RunningCloud
let trove: TroveClient
let s3: S3Client
let pg: Instance
let maria: Instance
let pgTarget: string
let mariaTarget: string
let identity: string
let recipient: string
const dir = mkdtempSync(path.join(tmpdir(), 'mirror-restore-e2e-'))

const PG_FINGERPRINT =
  "select count(*) || ':' || md5(string_agg(id || '=' || total, ',' order by id)) from orders"
const MARIA_FINGERPRINT =
  "select concat(count(*), ':', md5(group_concat(concat(id, '=', total) order by id separator ','))) from orders"

async function baseDirOf(instance: Instance): Promise<string> {
  const found = (await cloud.admin.instances()).find((i) => i.id === instance.id)
  if (!found?.baseDir) throw new Error(`no server for ${instance.id}`)
  return found.baseDir
}

/** An empty server: no database of ours on it, and a user who may create databases. */
async function emptyServer(name: string, type: 'postgresql' | 'mariadb'): Promise<Instance> {
  const created = await trove.createInstance({
    name,
    flavorRef: FLAVOR,
    volume: { size: 2 },
    datastore: { type, version: type === 'postgresql' ? '15' : '10.11' },
    users: [],
    databases: [],
    access: { allowedCidrs: ['127.0.0.0/22'] }
  })
  const ready = await waitReady(trove, created.id)
  const baseDir = await baseDirOf(ready)
  if (type === 'postgresql') {
    await psqlSuperuser(
      baseDir,
      `CREATE ROLE ${TARGET_USER} LOGIN CREATEDB PASSWORD '${TARGET_PASSWORD}'`,
      'postgres'
    )
  } else {
    await sqlAdmin(
      baseDir,
      `CREATE USER '${TARGET_USER}'@'%' IDENTIFIED BY '${TARGET_PASSWORD}'; GRANT ALL ON *.* TO '${TARGET_USER}'@'%';`
    )
  }
  return ready
}

async function targetPsql(database: string, sql: string): Promise<string> {
  const { stdout } = await run(
    '/usr/lib/postgresql/15/bin/psql',
    ['-h', pgTarget, '-U', TARGET_USER, '-d', database, '-tAX', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    { env: { ...process.env, PGPASSWORD: TARGET_PASSWORD, PGCONNECT_TIMEOUT: '5' } }
  )
  return stdout.trim()
}

async function pgDatabases(): Promise<string[]> {
  const list = await targetPsql(
    'postgres',
    "select datname from pg_database where datname not in ('postgres','template0','template1') order by 1"
  )
  return list ? list.split('\n') : []
}

async function targetMariadb(sql: string, database = ''): Promise<string> {
  const args = [
    '--no-defaults',
    '-h',
    mariaTarget,
    '-P',
    '3306',
    '-u',
    TARGET_USER,
    '-N',
    '-B',
    '-e',
    sql
  ]
  if (database) args.push(database)
  const { stdout } = await run('mariadb', args, {
    env: { ...process.env, MYSQL_PWD: TARGET_PASSWORD }
  })
  return stdout.trim()
}

function storeInputs(prefix: string): Record<string, string> {
  return {
    ...cloudInputs(cloud.info),
    mode: 'mirror',
    's3-uri': `s3://${BUCKET}/${prefix}`,
    's3-endpoint': cloud.info.s3.endpoint,
    's3-region': cloud.info.s3.region,
    's3-access-key-id': cloud.info.s3.accessKeyId,
    's3-secret-access-key': cloud.info.s3.secretAccessKey
  }
}

async function upload(instance: string, prefix: string): Promise<string> {
  const made = await runAction('main', {
    ...storeInputs(prefix),
    instance,
    source: 'live',
    'db-user': DB_USER,
    'db-password': DB_PASSWORD,
    'age-recipients': recipient
  })
  expect(made.stdout).not.toMatch(/::error::/)
  expect(made.exitCode).toBe(0)
  return made.outputs['object-key'] as string
}

function pgUrl(database: string): string {
  return `postgresql://${TARGET_USER}:${encodeURIComponent(TARGET_PASSWORD)}@${pgTarget}:5432/${database}`
}

function restore(prefix: string, extra: Record<string, string>) {
  return runAction('main', {
    ...storeInputs(prefix),
    'mirror-action': 'restore',
    'age-identity': identity,
    ...extra
  })
}

/** The log, less GitHub's own masking commands (which must carry the secret to mask it). */
function withoutMasks(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
}

function noSecrets(stdout: string, summary = ''): void {
  const log = withoutMasks(stdout)
  for (const text of [log, summary]) {
    expect(text).not.toContain(TARGET_PASSWORD)
    expect(text).not.toContain(DB_PASSWORD)
    expect(text).not.toContain('AGE-SECRET-KEY-1')
    expect(text).not.toContain(cloud.info.s3.secretAccessKey)
  }
}

async function objectBytes(key: string): Promise<Buffer> {
  const answer = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  return Buffer.from(await answer.Body!.transformToByteArray())
}

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 300, startTimeoutMs: 180_000 })
  // Two sources, two targets, and the new instances the restores create.
  await cloud.admin.config({ quota: { instances: 8 } })
  trove = testClient(cloud.info)
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
  const [a, b, c, d] = await Promise.all([
    createPostgresWithData(trove, 'shop-pg'),
    createMariadbWithData(trove, 'shop-maria'),
    emptyServer('target-pg', 'postgresql'),
    emptyServer('target-maria', 'mariadb')
  ])
  ;[pg, maria] = [a, b]
  pgTarget = c.addresses[0] as string
  mariaTarget = d.addresses[0] as string
  await run('age-keygen', ['-o', path.join(dir, 'key.txt')])
  identity = (await run('cat', [path.join(dir, 'key.txt')])).stdout
  recipient = (await run('age-keygen', ['-y', path.join(dir, 'key.txt')])).stdout.trim()
}, 360_000)

afterAll(async () => {
  s3?.destroy()
  await cloud?.stop()
})

describe('mirror-action: restore', () => {
  test('a PostgreSQL copy restores into a new database of a fresh server, equal to the source', async () => {
    const key = await upload('shop-pg', 'pg')
    const result = await restore('pg', { 'target-url': pgUrl('shop_copy') })
    expect(result.stdout).not.toMatch(/::error::/)
    expect(result.exitCode).toBe(0)
    noSecrets(result.stdout, result.summary)
    expect(result.outputs['object-key']).toBe(key)
    expect(result.outputs.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(result.summary).toContain('Off-site copy restored')
    expect(await targetPsql('shop_copy', PG_FINGERPRINT)).toBe(
      await psql(pg.addresses[0] as string, PG_FINGERPRINT)
    )
    expect(await targetPsql('shop_copy', 'select count(*) from orders')).toBe('500')

    // Again into the same name: refused before any download, the restored data untouched.
    const again = await restore('pg', { 'target-url': pgUrl('shop_copy') })
    expect(again.exitCode).toBe(1)
    expect(again.stdout).toMatch(/shop_copy already exist on the target/)
    expect(await targetPsql('shop_copy', 'select count(*) from orders')).toBe('500')
    // With overwrite: replaced.
    await targetPsql('shop_copy', 'delete from orders where id > 100')
    const replaced = await restore('pg', { 'target-url': pgUrl('shop_copy'), overwrite: 'true' })
    expect(replaced.exitCode).toBe(0)
    expect(await targetPsql('shop_copy', 'select count(*) from orders')).toBe('500')
  }, 180_000)

  test('a MariaDB copy restores into a fresh server under its own name, equal to the source', async () => {
    await upload('shop-maria', 'maria')
    const url = `mariadb://${TARGET_USER}:${TARGET_PASSWORD}@${mariaTarget}:3306`
    const result = await restore('maria', { 'target-url': url })
    expect(result.stdout).not.toMatch(/::error::/)
    expect(result.exitCode).toBe(0)
    noSecrets(result.stdout, result.summary)
    expect(await targetMariadb(MARIA_FINGERPRINT, 'shop')).toBe(
      (
        await run(
          'mariadb',
          [
            '--no-defaults',
            '-h',
            maria.addresses[0] as string,
            '-u',
            DB_USER,
            '-N',
            '-B',
            '-e',
            MARIA_FINGERPRINT,
            'shop'
          ],
          { env: { ...process.env, MYSQL_PWD: DB_PASSWORD } }
        )
      ).stdout.trim()
    )
  }, 180_000)

  describe('a copy that is not what its manifest says fails clearly and leaves no database', () => {
    let key: string
    let original: Buffer
    beforeAll(async () => {
      key = await upload('shop-pg', 'bad')
      original = await objectBytes(key)
    }, 120_000)

    test.each([
      [
        'one byte changed',
        (b: Buffer) => {
          const copy = Buffer.from(b)
          const at = Math.floor(copy.length / 2)
          copy[at] = (copy[at] as number) ^ 0x01
          return copy
        },
        /Restore of bad\/.* failed: .*(sha256 of the stored object|could not be read)/
      ],
      [
        'truncated',
        (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6)),
        /truncated: \d+ of the \d+ bytes/
      ]
    ])(
      '%s',
      async (_name, damage, message) => {
        await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: damage(original) }))
        try {
          const result = await restore('bad', {
            'target-url': pgUrl('shop_bad'),
            'object-key': key
          })
          expect(result.exitCode).toBe(1)
          expect(result.stdout).toMatch(message)
          expect(result.stdout).toMatch(
            /dropped shop_bad from the target, nothing else was touched/
          )
          noSecrets(result.stdout, result.summary)
          expect(await pgDatabases()).not.toContain('shop_bad')
          expect(await pgDatabases()).toContain('shop_copy')
        } finally {
          await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: original }))
        }
      },
      120_000
    )

    test('a wrong identity', async () => {
      await run('age-keygen', ['-o', path.join(dir, 'other.txt')])
      const other = (await run('cat', [path.join(dir, 'other.txt')])).stdout
      const result = await restore('bad', {
        'target-url': pgUrl('shop_bad'),
        'object-key': key,
        'age-identity': other
      })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(/age-identity does not match any recipient/)
      const otherKey = other.split('\n').find((l) => l.startsWith('AGE-SECRET')) as string
      expect(withoutMasks(result.stdout)).not.toContain(otherKey)
      noSecrets(result.stdout, result.summary)
      expect(await pgDatabases()).not.toContain('shop_bad')
    }, 120_000)
  })
})

/**
 * A pg_restore that holds the restore open before it starts: a cancellation then always lands
 * while the restore is under way, however fast the machine.
 */
function slowPgRestore(): string {
  const bin = path.join(dir, 'slow-bin')
  mkdirSync(bin, { recursive: true })
  const real = execFileSync('sh', ['-c', 'command -v pg_restore']).toString().trim()
  const wrapper = path.join(bin, 'pg_restore')
  writeFileSync(
    wrapper,
    `#!/bin/sh\nif [ "$1" = "--version" ]; then exec ${real} --version; fi\nsleep 20\nexec ${real} "$@"\n`
  )
  chmodSync(wrapper, 0o755)
  return `${bin}:${process.env.PATH ?? ''}`
}

/** Sends the run SIGTERM as soon as its log first matches `line`. */
function sigtermOn(line: RegExp): (child: ChildProcess) => void {
  return (child) => {
    let output = ''
    child.stdout?.on('data', (d: Buffer) => {
      const before = output
      output += d.toString()
      if (!line.test(before) && line.test(output)) child.kill('SIGTERM')
    })
  }
}

/** The run, sent SIGTERM as soon as its log shows the restore under way. */
function cancelledRestore(prefix: string, extra: Record<string, string>) {
  return runAction(
    'main',
    { ...storeInputs(prefix), 'mirror-action': 'restore', 'age-identity': identity, ...extra },
    { env: { PATH: slowPgRestore() }, onSpawn: sigtermOn(/::group::Restore s3:\/\//) }
  )
}

async function instancesNamed(name: string): Promise<Instance[]> {
  return (await trove.listInstances()).filter((i) => i.name === name)
}

describe('mirror-action: restore, cancelled', () => {
  test('a cancelled restore (SIGTERM) drops the half-restored database before it exits', async () => {
    await upload('shop-pg', 'cancel')
    const result = await cancelledRestore('cancel', { 'target-url': pgUrl('shop_cancelled') })
    expect(result.exitCode).toBe(143)
    expect(result.stdout).toContain(
      'Received SIGTERM: stopping the restore and dropping shop_cancelled'
    )
    expect(result.stdout).toContain('Cancelled: dropped shop_cancelled')
    expect(await pgDatabases()).not.toContain('shop_cancelled')
    noSecrets(result.stdout, result.summary)
  }, 180_000)
})

describe('mirror-action: restore, target: new-instance', () => {
  const DR_USER = 'dr_app'
  const DR_PASSWORD = 'dr-Pw-51c2e0'

  function intoNewInstance(name: string): Record<string, string> {
    return {
      target: 'new-instance',
      'restore-name': name,
      'db-user': DR_USER,
      'db-password': DR_PASSWORD,
      'allowed-cidrs': '127.0.0.0/22'
    }
  }

  test('a PostgreSQL copy becomes a new instance, sized as the source was, equal to it', async () => {
    const key = await upload('shop-pg', 'new-pg')
    const result = await restore('new-pg', intoNewInstance('shop-pg-dr'))
    expect(result.stdout).not.toMatch(/::error::/)
    expect(result.exitCode).toBe(0)
    noSecrets(result.stdout, result.summary)
    expect(withoutMasks(result.stdout)).not.toContain(DR_PASSWORD)
    expect(result.outputs['object-key']).toBe(key)
    const [made] = await instancesNamed('shop-pg-dr')
    expect(made).toBeDefined()
    expect(result.outputs['instance-id']).toBe(made?.id)
    expect(result.outputs['instance-host']).toBe(made?.addresses[0])
    // Flavor, volume and version default from what the manifest recorded of the source.
    expect(made?.flavorId).toBe(FLAVOR)
    expect(made?.volumeSizeGb).toBe(2)
    expect(made?.datastore?.version).toBe('15')
    expect(result.summary).toContain('New instance ready in')
    const { stdout } = await run(
      '/usr/lib/postgresql/15/bin/psql',
      [
        '-h',
        result.outputs['instance-host'] as string,
        '-U',
        DR_USER,
        '-d',
        'shop',
        '-tAX',
        '-c',
        PG_FINGERPRINT
      ],
      { env: { ...process.env, PGPASSWORD: DR_PASSWORD, PGCONNECT_TIMEOUT: '5' } }
    )
    expect(stdout.trim()).toBe(await psql(pg.addresses[0] as string, PG_FINGERPRINT))

    // The name is taken now: refused before anything is created.
    const again = await restore('new-pg', intoNewInstance('shop-pg-dr'))
    expect(again.exitCode).toBe(1)
    expect(again.stdout).toMatch(
      /Input "restore-name": an instance named "shop-pg-dr" already exists/
    )
    expect(await instancesNamed('shop-pg-dr')).toHaveLength(1)
    await trove.deleteInstance(made?.id as string)
  }, 240_000)

  test('a MariaDB copy becomes a new instance, equal to the source', async () => {
    await upload('shop-maria', 'new-maria')
    const result = await restore('new-maria', intoNewInstance('shop-maria-dr'))
    expect(result.stdout).not.toMatch(/::error::/)
    expect(result.exitCode).toBe(0)
    noSecrets(result.stdout, result.summary)
    const fingerprint = async (host: string, user: string, password: string) =>
      (
        await run(
          'mariadb',
          ['--no-defaults', '-h', host, '-u', user, '-N', '-B', '-e', MARIA_FINGERPRINT, 'shop'],
          {
            env: { ...process.env, MYSQL_PWD: password }
          }
        )
      ).stdout.trim()
    expect(await fingerprint(result.outputs['instance-host'] as string, DR_USER, DR_PASSWORD)).toBe(
      await fingerprint(maria.addresses[0] as string, DB_USER, DB_PASSWORD)
    )
    const [made] = await instancesNamed('shop-maria-dr')
    expect(made?.datastore?.version).toBe('10.11')
    await trove.deleteInstance(made?.id as string)
  }, 240_000)

  test('a restore that fails deletes the new instance it created', async () => {
    await upload('shop-pg', 'new-bad')
    await run('age-keygen', ['-o', path.join(dir, 'wrong.txt')])
    const wrong = (await run('cat', [path.join(dir, 'wrong.txt')])).stdout
    const result = await restore('new-bad', {
      ...intoNewInstance('shop-pg-bad'),
      'age-identity': wrong
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/age-identity does not match any recipient/)
    expect(result.stdout).toMatch(/the new instance shop-pg-bad \([0-9a-f-]{36}\) was deleted/)
    expect(await instancesNamed('shop-pg-bad')).toEqual([])
    // No instance-id output names the deleted instance.
    expect(result.outputs['instance-id']).toBeUndefined()
    noSecrets(result.stdout, result.summary)
  }, 240_000)

  test('a cancelled restore into a new instance asks for its delete', async () => {
    await upload('shop-pg', 'new-cancel')
    const result = await cancelledRestore('new-cancel', intoNewInstance('shop-pg-cancelled'))
    expect(result.exitCode).toBe(143)
    expect(result.stdout).toMatch(
      /Cancelled: asked to delete the new instance shop-pg-cancelled \([0-9a-f-]{36}\)/
    )
    const deadline = Date.now() + 60_000
    while ((await instancesNamed('shop-pg-cancelled')).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(await instancesNamed('shop-pg-cancelled')).toEqual([])
  }, 240_000)
})

describe('mirror-action: drill', () => {
  const drill = (prefix: string, extra: Record<string, string> = {}) =>
    runAction('main', {
      ...storeInputs(prefix),
      'mirror-action': 'drill',
      'age-identity': identity,
      'target-url': pgUrl('drill_shop'),
      ...extra
    })

  const readEvidence = (file: string): DrillEvidence => {
    const evidence = JSON.parse(readFileSync(file, 'utf8')) as DrillEvidence
    expect(evidenceErrors(evidence)).toEqual([])
    return evidence
  }

  test('passes on a good copy, compares with the manifest counts, and drops what it restored', async () => {
    const key = await upload('shop-pg', 'drill')
    const evidencePath = path.join(dir, 'evidence', 'drill', 'passed.json')
    const metricsFile = path.join(dir, 'drill.prom')
    const result = await drill('drill', {
      'evidence-path': evidencePath,
      'metrics-file': metricsFile
    })
    expect(result.stdout).not.toMatch(/::error::/)
    expect(result.exitCode).toBe(0)
    noSecrets(result.stdout, result.summary)
    expect(result.outputs.verified).toBe('true')
    expect(Number(result.outputs['checks-failed'])).toBe(0)
    expect(Number(result.outputs['checks-passed'])).toBeGreaterThanOrEqual(4)
    expect(Number(result.outputs['copy-age-hours'])).toBeLessThan(1)
    expect(result.outputs['restore-seconds']).toMatch(/^\d+$/)
    expect(result.summary).toContain('Off-site copy drill passed')
    expect(result.summary).toMatch(
      /row counts vs manifest \| ✅ pass .*1 table\(s\), 500 rows as the manifest recorded — exact \(dump-snapshot\)/
    )
    expect(await pgDatabases()).not.toContain('drill_shop')

    expect(result.outputs['evidence-json']).toBe(evidencePath)
    const manifest = JSON.parse((await objectBytes(`${key}.manifest.json`)).toString()) as {
      sha256: string
      sizes: { storedBytes: number }
    }
    const evidence = readEvidence(evidencePath)
    expect(evidence).toMatchObject({
      drill: 'mirror',
      result: 'passed',
      run: { url: 'https://github.com/acme/shop/actions/runs/4242', runId: '4242' },
      source: { instanceId: pg.id, instanceName: 'shop-pg' },
      // A live copy: no Trove backup behind it, the copy instead.
      backup: null,
      copy: { objectKey: key, sha256: manifest.sha256, bytes: manifest.sizes.storedBytes },
      restore: {
        tempInstanceName: null,
        tempInstanceId: null,
        cleanup: 'dropped drill_shop from the target'
      },
      versions: { server: { engine: 'PostgreSQL', version: expect.stringMatching(/^\d+\./) } },
      error: null
    })
    expect(evidence.restore.usableSeconds).toBeGreaterThanOrEqual(
      Number(result.outputs['restore-seconds']) - 1
    )
    expect(evidence.checks.map((c) => [c.name, c.result])).toEqual(
      expect.arrayContaining([
        ['connect', 'pass'],
        ['row counts vs manifest', 'pass']
      ])
    )
    expect(evidence.counts.passed).toBe(Number(result.outputs['checks-passed']))
    expect(evidence.versions.tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['dbaas-backup-action', 'node', 'pg_restore'])
    )
    expect(evidence.versions.tools.find((t) => t.name === 'pg_restore')?.version).toMatch(
      /pg_restore \(PostgreSQL\) \d+/
    )

    expect(result.outputs['metrics-file']).toBe(metricsFile)
    const samples = parseExposition(readFileSync(metricsFile, 'utf8')).samples
    const value = (name: string, result?: string) =>
      samples.find(
        (s) =>
          s.name === name &&
          s.labels.instance === 'shop-pg' &&
          (!result || s.labels.result === result)
      )?.value
    expect(value('dbaas_backup_mirror_drill_success')).toBe(1)
    // Whole seconds, as restore-seconds is: a small copy restores in under one.
    expect(value('dbaas_backup_mirror_drill_restore_seconds')).toBe(
      Number(result.outputs['restore-seconds'])
    )
    expect(value('dbaas_backup_mirror_drill_checks', 'pass')).toBe(evidence.counts.passed)
    expect(value('dbaas_backup_mirror_drill_checks', 'fail')).toBe(0)
  }, 180_000)

  test('fails on a copy whose rows were lost, and drops what it restored', async () => {
    // The dump holds 400 rows while the manifest recorded 500 in the dump's snapshot.
    await psql(pg.addresses[0] as string, 'delete from orders where id > 400')
    try {
      const key = await upload('shop-pg', 'lost')
      const manifestKey = `${key}.manifest.json`
      const manifest = JSON.parse((await objectBytes(manifestKey)).toString())
      manifest.rowCounts.tables[0].rows = 500
      await s3.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: manifestKey, Body: JSON.stringify(manifest) })
      )
      const evidencePath = path.join(dir, 'evidence', 'drill', 'lost.json')
      const result = await drill('lost', { 'evidence-path': evidencePath })
      expect(result.exitCode).toBe(1)
      expect(result.outputs.verified).toBe('false')
      expect(result.stdout).toMatch(
        /row counts vs manifest — shop\.orders: 400 rows, 500 at dump time/
      )
      expect(await pgDatabases()).not.toContain('drill_shop')
      expect(result.outputs['evidence-json']).toBe(evidencePath)
      const evidence = readEvidence(evidencePath)
      expect(evidence).toMatchObject({
        drill: 'mirror',
        result: 'failed',
        copy: { objectKey: key },
        restore: { cleanup: 'dropped drill_shop from the target' }
      })
      expect(evidence.checks).toContainEqual(
        expect.objectContaining({
          name: 'row counts vs manifest',
          result: 'fail',
          detail: expect.stringMatching(/shop\.orders: 400 rows, 500 at dump time/)
        })
      )
      expect(evidence.counts.failed).toBeGreaterThanOrEqual(1)
    } finally {
      await psql(
        pg.addresses[0] as string,
        'insert into orders (id, total) select g, g from generate_series(401, 500) g'
      )
    }
  }, 180_000)

  test('cancelled during its checks (SIGTERM), it drops what it restored before it exits', async () => {
    await upload('shop-pg', 'drill-cancel')
    const result = await runAction(
      'main',
      {
        ...storeInputs('drill-cancel'),
        'mirror-action': 'drill',
        'age-identity': identity,
        'target-url': pgUrl('drill_cancelled'),
        // Holds the checks open until the run is cancelled.
        command: 'sleep 30'
      },
      { onSpawn: sigtermOn(/::group::Check the restored data/) }
    )
    expect(result.exitCode).toBe(143)
    expect(result.stdout).toContain('Received SIGTERM: dropping drill_cancelled from the target')
    expect(await pgDatabases()).not.toContain('drill_cancelled')
  }, 180_000)

  test('fails before any download when the newest copy is older than max-age + grace', async () => {
    const evidencePath = path.join(dir, 'evidence', 'drill', 'stale.json')
    const result = await drill('drill', {
      'max-age': '1s',
      grace: '0s',
      'evidence-path': evidencePath
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/older than max-age \+ grace/)
    expect(await pgDatabases()).not.toContain('drill_shop')
    const evidence = readEvidence(evidencePath)
    expect(evidence).toMatchObject({
      drill: 'mirror',
      result: 'failed',
      checks: [],
      restore: { usableSeconds: null, cleanup: 'nothing was restored' },
      versions: { server: null },
      error: expect.stringMatching(/older than max-age \+ grace/)
    })
  }, 60_000)
})
