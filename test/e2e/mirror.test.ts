import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Instance, TroveClient } from '../../src/openstack/index.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import {
  createMariadbWithData,
  createPostgresWithData,
  DB_PASSWORD,
  DB_USER,
  mariadbSql,
  psql,
  testClient,
  waitReady,
  FLAVOR
} from './helpers/local-instances.js'
import { cloudInputs, runAction } from './helpers/run-action.js'
import { parseExposition } from '../helpers/exposition.js'

// mirror mode end to end through the committed bundle, against the local cloud's real Swift S3
// API: copies are read back with standard tools (Debian's awscli, age, zstd, gzip, pg_restore,
// the mariadb client) and restored into fresh servers.
const run = promisify(execFile)
const BUCKET = 'offsite'
let cloud: RunningCloud
let trove: TroveClient
let s3: S3Client
let pg: Instance
let maria: Instance
let backupId: string
let echo: http.Server
let echoUrl: string
const dir = mkdtempSync(path.join(tmpdir(), 'mirror-e2e-'))

const PG_FINGERPRINT =
  "select count(*) || ':' || md5(string_agg(id || '=' || total, ',' order by id)) from orders"
const MARIA_FINGERPRINT =
  "select concat(count(*), ':', md5(group_concat(concat(id, '=', total) order by id separator ','))) from orders"

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 300 })
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
  ;[pg, maria] = await Promise.all([
    createPostgresWithData(trove, 'shop-pg'),
    createMariadbWithData(trove, 'shop-maria')
  ])
  const taken = await runAction('main', {
    ...cloudInputs(cloud.info),
    mode: 'backup',
    instance: 'shop-pg'
  })
  backupId = taken.outputs['backup-id'] as string
  echo = http.createServer((_req, res) => res.end('127.0.0.1\n'))
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r))
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/`
}, 180_000)

afterAll(async () => {
  await new Promise((r) => echo?.close(r))
  s3?.destroy()
  await cloud?.stop()
})

function mirrorInputs(extra: Record<string, string>): Record<string, string> {
  return {
    ...cloudInputs(cloud.info),
    mode: 'mirror',
    'db-user': DB_USER,
    'db-password': DB_PASSWORD,
    'runner-ip-url': echoUrl,
    's3-endpoint': cloud.info.s3.endpoint,
    's3-region': cloud.info.s3.region,
    's3-access-key-id': cloud.info.s3.accessKeyId,
    's3-secret-access-key': cloud.info.s3.secretAccessKey,
    // Unencrypted only where a case gives no recipient, and then on purpose.
    ...(extra['age-recipients'] ? {} : { encryption: 'none' }),
    ...extra
  }
}

async function keys(prefix: string): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))
  return (page.Contents ?? []).map((c) => c.Key as string).sort()
}

/** Debian's awscli, as a user restoring by hand would use it. */
async function awsDownload(key: string, file: string): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: cloud.info.s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: cloud.info.s3.secretAccessKey,
    AWS_DEFAULT_REGION: cloud.info.s3.region
  }
  delete env.AWS_CA_BUNDLE
  await run(
    '/usr/bin/aws',
    ['--endpoint-url', cloud.info.s3.endpoint, 's3', 'cp', `s3://${BUCKET}/${key}`, file],
    { env }
  )
}

async function freshInstance(name: string, type: 'postgresql' | 'mariadb'): Promise<Instance> {
  const created = await trove.createInstance({
    name,
    flavorRef: FLAVOR,
    volume: { size: 2 },
    datastore: { type, version: type === 'postgresql' ? '15' : '10.11' },
    users: [{ name: DB_USER, password: DB_PASSWORD, databases: ['shop'] }],
    databases: ['shop'],
    access: { allowedCidrs: ['127.0.0.0/22'] }
  })
  return waitReady(trove, created.id)
}

/** The log, less GitHub's own masking commands (which must carry the secret to mask it). */
function logWithoutMasks(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
}

function noSecrets(stdout: string): void {
  const log = logWithoutMasks(stdout)
  expect(log).not.toContain(DB_PASSWORD)
  expect(log).not.toContain(cloud.info.s3.secretAccessKey)
}

describe('mirror mode', () => {
  test('PostgreSQL, restored from a backup, age-encrypted zstd: restores by hand to equal data', async () => {
    await run('age-keygen', ['-o', path.join(dir, 'key.txt')])
    const recipient = (await run('age-keygen', ['-y', path.join(dir, 'key.txt')])).stdout.trim()
    const result = await runAction(
      'main',
      mirrorInputs({
        instance: 'shop-pg',
        'backup-id': backupId,
        's3-uri': `s3://${BUCKET}/pg`,
        'age-recipients': recipient
      })
    )
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    noSecrets(result.stdout)
    const key = result.outputs['object-key'] as string
    expect(key).toMatch(/^pg\/shop-pg\/shop-pg-\d{8}T\d{6}Z-[0-9a-f]{8}\.pgdump\.zst\.age$/)
    expect(result.outputs['manifest-key']).toBe(`${key}.manifest.json`)
    expect(result.outputs.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(result.summary).toContain('Off-site mirror')
    expect(result.summary).toContain('MB/s')
    expect(result.summary).toContain('deleted (confirmed gone)')
    // The temporary instance is gone.
    expect((await trove.listInstances()).filter((i) => i.name.startsWith('dbaas-verify-'))).toEqual(
      []
    )
    const manifest = JSON.parse(
      await (
        await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${key}.manifest.json` }))
      ).Body!.transformToString()
    )
    expect(manifest).toMatchObject({
      tool: 'dbaas-backup-action',
      objectKey: key,
      sha256: result.outputs.sha256,
      source: { kind: 'restored', instanceId: pg.id, backupId },
      datastore: { type: 'postgresql' },
      compression: { algorithm: 'zstd' },
      encryption: { format: 'age', recipients: [recipient] },
      sizes: { storedBytes: Number(result.outputs.bytes) },
      // Counted in the snapshot pg_dump read (--snapshot): exact.
      rowCounts: {
        exact: true,
        method: 'dump-snapshot',
        tables: [{ database: 'shop', table: 'orders', rows: 500 }]
      }
    })

    const file = path.join(dir, 'pg.age')
    await awsDownload(key, file)
    const sha = (await run('sha256sum', [file])).stdout.split(' ')[0]
    expect(sha).toBe(result.outputs.sha256)
    await run('sh', ['-c', `age -d -i ${dir}/key.txt ${file} | zstd -d -q -o ${dir}/pg.dump`])
    const fresh = await freshInstance('fresh-pg', 'postgresql')
    await run(
      '/usr/lib/postgresql/15/bin/pg_restore',
      [
        '--no-owner',
        '-h',
        fresh.addresses[0] as string,
        '-U',
        DB_USER,
        '-d',
        'shop',
        `${dir}/pg.dump`
      ],
      { env: { ...process.env, PGPASSWORD: DB_PASSWORD } }
    )
    expect(await psql(fresh.addresses[0] as string, PG_FINGERPRINT)).toBe(
      await psql(pg.addresses[0] as string, PG_FINGERPRINT)
    )
    expect(await psql(fresh.addresses[0] as string, 'select count(*) from orders')).toBe('500')
  }, 240_000)

  test('MariaDB, live, gzip: restores with the mariadb client to equal data', async () => {
    const result = await runAction(
      'main',
      mirrorInputs({
        instance: 'shop-maria',
        source: 'live',
        compression: 'gzip',
        's3-uri': `s3://${BUCKET}/maria/`
      })
    )
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    noSecrets(result.stdout)
    const key = result.outputs['object-key'] as string
    expect(key).toMatch(/^maria\/shop-maria\/.*-live\.sql\.gz$/)
    const manifest = JSON.parse(
      await (
        await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${key}.manifest.json` }))
      ).Body!.transformToString()
    )
    // A live MariaDB dump has its own snapshot, which our count cannot share: not exact.
    expect(manifest.rowCounts).toEqual({
      exact: false,
      method: 'separate-snapshot',
      tables: [{ database: 'shop', table: 'orders', rows: 500 }]
    })
    const file = path.join(dir, 'maria.sql.gz')
    await awsDownload(key, file)
    await run('gzip', ['-d', '-f', file])
    const fresh = await freshInstance('fresh-maria', 'mariadb')
    await run(
      'sh',
      [
        '-c',
        `mariadb --no-defaults -h ${fresh.addresses[0]} -P 3306 -u ${DB_USER} < ${dir}/maria.sql`
      ],
      { env: { ...process.env, MYSQL_PWD: DB_PASSWORD } }
    )
    expect(await mariadbSql(fresh.addresses[0] as string, MARIA_FINGERPRINT)).toBe(
      await mariadbSql(maria.addresses[0] as string, MARIA_FINGERPRINT)
    )
    expect(await mariadbSql(fresh.addresses[0] as string, 'select count(*) from orders')).toBe(
      '500'
    )
  }, 240_000)

  test('verify-mirror passes on an intact copy and detects a corrupted one', async () => {
    const made = await runAction(
      'main',
      mirrorInputs({ instance: 'shop-pg', source: 'live', 's3-uri': `s3://${BUCKET}/check` })
    )
    expect(made.exitCode).toBe(0)
    const key = made.outputs['object-key'] as string
    const check = (extra: Record<string, string> = {}) =>
      runAction(
        'main',
        mirrorInputs({ 'mirror-action': 'verify', 's3-uri': `s3://${BUCKET}/check`, ...extra })
      )
    const good = await check({ 'object-key': key })
    expect(good.exitCode).toBe(0)
    expect(good.outputs.sha256).toBe(made.outputs.sha256)
    expect(good.summary).toContain('matches its manifest')

    // Flip one byte of the stored object, keeping its size.
    const body = Buffer.from(
      await (
        await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
      ).Body!.transformToByteArray()
    )
    const middle = Math.floor(body.length / 2)
    body[middle] = (body[middle] as number) ^ 0xff
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }))
    const bad = await check() // the newest copy under the prefix
    expect(bad.exitCode).toBe(1)
    expect(bad.stdout).toMatch(/::error::Copy check\/.* does not match its manifest: sha256/)
  }, 120_000)

  test('metrics-file: a copy from a backup and the check of it, as Prometheus gauges', async () => {
    const backup = await trove.getBackup(backupId)
    const uploadMetrics = path.join(dir, 'mirror-upload.prom')
    const made = await runAction(
      'main',
      mirrorInputs({
        instance: 'shop-pg',
        'backup-id': backupId,
        's3-uri': `s3://${BUCKET}/metrics/`,
        'metrics-file': uploadMetrics
      })
    )
    expect(made.exitCode).toBe(0)
    expect(made.outputs['metrics-file']).toBe(uploadMetrics)
    const value = (file: string, name: string) => {
      const { samples } = parseExposition(readFileSync(file, 'utf8'))
      const sample = samples.find((s) => s.name === name)
      if (sample) expect(sample.labels).toEqual({ instance: 'shop-pg', instance_id: pg.id })
      return sample?.value
    }
    expect(value(uploadMetrics, 'dbaas_backup_mirror_success')).toBe(1)
    expect(value(uploadMetrics, 'dbaas_backup_mirror_copy_size_bytes')).toBe(
      Number(made.outputs.bytes)
    )
    // The copy is as old as the backup it was restored from, not as the upload.
    const expectedAge = (Date.now() - backup.created.getTime()) / 1000
    const age = value(uploadMetrics, 'dbaas_backup_mirror_copy_age_seconds') as number
    expect(Math.abs(age - expectedAge)).toBeLessThan(120)
    expect(value(uploadMetrics, 'dbaas_backup_mirror_duration_seconds')).toBe(
      Number(made.outputs.seconds)
    )

    const checkMetrics = path.join(dir, 'mirror-check.prom')
    const checked = await runAction(
      'main',
      mirrorInputs({
        'mirror-action': 'verify',
        's3-uri': `s3://${BUCKET}/metrics/`,
        'metrics-file': checkMetrics
      })
    )
    expect(checked.exitCode).toBe(0)
    expect(value(checkMetrics, 'dbaas_backup_mirror_copy_valid')).toBe(1)
    expect(value(checkMetrics, 'dbaas_backup_mirror_copy_size_bytes')).toBe(
      Number(made.outputs.bytes)
    )
    expect(value(checkMetrics, 'dbaas_backup_mirror_success')).toBeUndefined()
  }, 240_000)

  describe('interrupted uploads', () => {
    beforeAll(async () => {
      // ~20 MB of incompressible rows and a 1 MB/s cap: the upload takes many seconds.
      await psql(
        pg.addresses[0] as string,
        "CREATE TABLE blobs AS SELECT g AS id, string_agg(md5(random()::text || g || h), '') AS data FROM generate_series(1, 20000) g, generate_series(1, 32) h GROUP BY g"
      )
    }, 60_000)
    afterAll(async () => {
      await psql(pg.addresses[0] as string, 'DROP TABLE blobs')
    })

    /** Runs a slow upload and sends `signal` once its first part is stored. */
    const interrupted = (prefix: string, signal: NodeJS.Signals) => {
      let output = ''
      return runAction(
        'main',
        mirrorInputs({
          instance: 'shop-pg',
          source: 'live',
          's3-uri': `s3://${BUCKET}/${prefix}`,
          'part-size': '5MiB',
          'bandwidth-limit': '1MB'
        }),
        {
          onSpawn: (child) => {
            child.stdout?.on('data', (d: Buffer) => {
              const before = output
              output += d.toString()
              if (!/part 1: /.test(before) && /part 1: /.test(output)) child.kill(signal)
            })
          }
        }
      )
    }

    test('a killed upload (SIGKILL after the first part) leaves no object under the final key', async () => {
      const result = await interrupted('killed', 'SIGKILL')
      expect(result.signal).toBe('SIGKILL')
      expect(result.stdout).toMatch(/part 1: 5\.00 MiB stored/)
      // The upload was under way (its parts are stored, invisibly) but no object exists.
      const open = await s3.send(
        new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'killed/' })
      )
      expect(open.Uploads?.length).toBe(1)
      expect(await keys('killed/')).toEqual([])
      for (const upload of open.Uploads ?? []) {
        await s3.send(
          new AbortMultipartUploadCommand({
            Bucket: BUCKET,
            Key: upload.Key,
            UploadId: upload.UploadId
          })
        )
      }
    }, 120_000)

    test('a cancelled upload (SIGTERM) is aborted: no object, no upload left open', async () => {
      const result = await interrupted('cancelled', 'SIGTERM')
      expect(result.exitCode).toBe(143)
      expect(result.stdout).toContain('Received SIGTERM: aborting the upload')
      const open = await s3.send(
        new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'cancelled/' })
      )
      expect(open.Uploads ?? []).toEqual([])
      expect(await keys('cancelled/')).toEqual([])
    }, 120_000)
  })

  test('retention deletes only old copies that have our manifest', async () => {
    const prefix = 'kept'
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/shop-pg/notes.txt`, Body: 'mine' })
    )
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${prefix}/shop-pg/other.pgdump.zst.manifest.json`,
        Body: '{"tool":"someone-else","objectKey":"kept/shop-pg/other.pgdump.zst"}'
      })
    )
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/shop-pg/other.pgdump.zst`, Body: 'x' })
    )
    const made: string[] = []
    let last
    for (let i = 0; i < 3; i++) {
      last = await runAction(
        'main',
        mirrorInputs({
          instance: 'shop-pg',
          source: 'live',
          's3-uri': `s3://${BUCKET}/${prefix}`,
          'keep-last': '2'
        })
      )
      expect(last.exitCode).toBe(0)
      made.push(last.outputs['object-key'] as string)
      await new Promise((r) => setTimeout(r, 1_100)) // keys carry the second
    }
    expect(last!.stdout).toContain(`Retention: deleted ${made[0]}`)
    expect(await keys(`${prefix}/`)).toEqual(
      [
        `${prefix}/shop-pg/notes.txt`,
        `${prefix}/shop-pg/other.pgdump.zst`,
        `${prefix}/shop-pg/other.pgdump.zst.manifest.json`,
        made[1] as string,
        `${made[1]}.manifest.json`,
        made[2] as string,
        `${made[2]}.manifest.json`
      ].sort()
    )
  }, 120_000)

  test('tiered retention: dry-run deletes nothing; the real run deletes exactly the expired copies of ours', async () => {
    const prefix = 'tiers'
    const dumpKey = (instance: string, stamp: string) =>
      `${prefix}/${instance}/${instance}-${stamp}-live.pgdump.zst`
    /** A manifest as mirror writes one, for a copy made at `created`. */
    const plant = async (key: string, created: string, instanceId = pg.id) => {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `dump ${created}` }))
      const manifest = {
        schemaVersion: 1,
        tool: 'dbaas-backup-action',
        kind: 'mirror',
        objectKey: key,
        created,
        source: { kind: 'live', instanceId, instanceName: 'shop-pg', backupId: null },
        datastore: { type: 'postgresql', version: '15' },
        sha256: 'ab'.repeat(32)
      }
      await s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: `${key}.manifest.json`,
          Body: JSON.stringify(manifest)
        })
      )
    }
    // Copies of shop-pg from 2025 (newest first). Under keep-daily 2, keep-weekly 3 and
    // keep-monthly 3, with today's copy taking one period of each rule:
    const history = {
      A: '2025-03-10T02:00:00.000Z', // Mon, 2025-W11: daily, weekly, monthly (March)
      B: '2025-03-09T02:00:00.000Z', // Sun, 2025-W10: weekly
      C: '2025-03-09T01:00:00.000Z', // the same day and week as B, older: expired
      D: '2025-03-02T02:00:00.000Z', // 2025-W09, a fourth week: expired
      E: '2025-02-28T02:00:00.000Z', // February's newest: monthly
      F: '2025-01-31T02:00:00.000Z' // January, a fourth month: expired
    }
    const key = Object.fromEntries(
      Object.entries(history).map(([name, created]) => [
        name,
        dumpKey('shop-pg', created.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z'))
      ])
    ) as Record<keyof typeof history, string>
    for (const [name, created] of Object.entries(history)) {
      await plant(key[name as keyof typeof history], created)
    }
    // Not ours to delete: another instance's copy, a dump without a manifest, a manifest of
    // another tool, and a manifest of ours that points at another object.
    const other = dumpKey('other-db', '20250101T000000Z')
    await plant(other, '2025-01-01T00:00:00.000Z', '3f0e2c1a-0000-4000-8000-00000000beef')
    const foreign = [
      other,
      `${other}.manifest.json`,
      `${prefix}/shop-pg/shop-pg-20240101T000000Z-live.pgdump.zst`,
      `${prefix}/shop-pg/theirs.pgdump.zst`,
      `${prefix}/shop-pg/theirs.pgdump.zst.manifest.json`,
      `${prefix}/shop-pg/notes.txt`,
      `${prefix}/shop-pg/forged.pgdump.zst.manifest.json`
    ]
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: foreign[2], Body: 'no manifest' }))
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: foreign[3], Body: 'theirs' }))
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: foreign[4],
        Body: JSON.stringify({ tool: 'someone-else', objectKey: foreign[3], kind: 'mirror' })
      })
    )
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: foreign[5], Body: 'mine' }))
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: foreign[6],
        Body: JSON.stringify({
          schemaVersion: 1,
          tool: 'dbaas-backup-action',
          kind: 'mirror',
          objectKey: foreign[5],
          created: '2020-01-01T00:00:00Z',
          source: { instanceId: pg.id },
          sha256: 'cd'.repeat(32)
        })
      })
    )
    const tiers = {
      instance: 'shop-pg',
      source: 'live',
      's3-uri': `s3://${BUCKET}/${prefix}`,
      'keep-daily': '2',
      'keep-weekly': '3',
      'keep-monthly': '3'
    }
    const planted = await keys(`${prefix}/`)
    const expired = [key.C, key.D, key.F]

    const dry = await runAction('main', mirrorInputs({ ...tiers, 'dry-run': 'true' }))
    expect(dry.exitCode).toBe(0)
    const madeDry = dry.outputs['object-key'] as string
    for (const k of expired) expect(dry.stdout).toContain(`Retention: would delete ${k}`)
    expect(dry.stdout.match(/Retention: would delete /g)).toHaveLength(3)
    expect(dry.stdout).toContain(`Retention: keep ${key.B} (created ${history.B}; weekly)`)
    expect(dry.stdout).not.toMatch(/Retention: deleted /)
    expect(await keys(`${prefix}/`)).toEqual(
      [...planted, madeDry, `${madeDry}.manifest.json`].sort()
    )

    // The dry run's own copy is taken away by hand, so that the real run sees the same history
    // (two runs seconds apart may fall on either side of a midnight).
    for (const k of [madeDry, `${madeDry}.manifest.json`]) {
      await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: k }))
    }
    const real = await runAction('main', mirrorInputs(tiers))
    expect(real.exitCode).toBe(0)
    const made = real.outputs['object-key'] as string
    for (const k of expired) expect(real.stdout).toContain(`Retention: deleted ${k}`)
    expect(real.stdout).toContain('7 copies of this instance, 3 deleted')
    const gone = expired.flatMap((k) => [k, `${k}.manifest.json`])
    expect(await keys(`${prefix}/`)).toEqual(
      [...planted.filter((k) => !gone.includes(k)), made, `${made}.manifest.json`].sort()
    )
    for (const k of foreign) expect(planted).toContain(k)
  }, 120_000)

  test('exclude-tables leaves the tables out of the PostgreSQL dump, and the manifest says so', async () => {
    const host = pg.addresses[0] as string
    await psql(
      host,
      'CREATE SCHEMA crm; CREATE TABLE audit_log (id int); CREATE TABLE crm.audit_log (id int); ' +
        'CREATE TABLE crm.sessions (id int); CREATE TABLE crm.contacts (id int)'
    )
    try {
      const result = await runAction(
        'main',
        mirrorInputs({
          instance: 'shop-pg',
          source: 'live',
          's3-uri': `s3://${BUCKET}/selected`,
          'exclude-tables': 'audit_log, crm.sessions'
        })
      )
      expect(result.exitCode).toBe(0)
      const key = result.outputs['object-key'] as string
      const file = path.join(dir, 'selected.pgdump.zst')
      await awsDownload(key, file)
      await run('zstd', ['-d', '-q', '-f', file, '-o', `${dir}/selected.dump`])
      const toc = (
        await run('/usr/lib/postgresql/15/bin/pg_restore', ['--list', `${dir}/selected.dump`])
      ).stdout
      const tables = toc
        .split('\n')
        .filter((l) => / TABLE (?!DATA)/.test(l))
        .map((l) => l.split(' ').slice(4, 6).join('.'))
        .sort()
      expect(tables).toEqual(['crm.contacts', 'public.orders'])
      const manifest = JSON.parse(
        await (
          await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${key}.manifest.json` }))
        ).Body!.transformToString()
      )
      expect(manifest.dump).toMatchObject({
        databases: ['shop'],
        schemas: [],
        excludeTables: ['audit_log', 'crm.sessions']
      })

      // schemas: only crm (strict: a schema that does not exist would fail the dump).
      const onlyCrm = await runAction(
        'main',
        mirrorInputs({
          instance: 'shop-pg',
          source: 'live',
          's3-uri': `s3://${BUCKET}/selected`,
          schemas: 'crm',
          'exclude-tables': 'crm.sessions'
        })
      )
      expect(onlyCrm.exitCode).toBe(0)
      await awsDownload(onlyCrm.outputs['object-key'] as string, file)
      await run('zstd', ['-d', '-q', '-f', file, '-o', `${dir}/crm.dump`])
      const crmToc = (
        await run('/usr/lib/postgresql/15/bin/pg_restore', ['--list', `${dir}/crm.dump`])
      ).stdout
      expect(
        crmToc
          .split('\n')
          .filter((l) => / TABLE (?!DATA)/.test(l))
          .map((l) => l.split(' ').slice(4, 6).join('.'))
          .sort()
      ).toEqual(['crm.audit_log', 'crm.contacts'])
    } finally {
      await psql(host, 'DROP SCHEMA crm CASCADE; DROP TABLE audit_log')
    }
  }, 120_000)

  test('exclude-tables leaves a table out of the MariaDB dump', async () => {
    const host = maria.addresses[0] as string
    await mariadbSql(host, 'CREATE TABLE sessions (id INT); INSERT INTO sessions VALUES (1)')
    try {
      const result = await runAction(
        'main',
        mirrorInputs({
          instance: 'shop-maria',
          source: 'live',
          compression: 'gzip',
          's3-uri': `s3://${BUCKET}/selected-maria`,
          databases: 'shop',
          'exclude-tables': 'sessions'
        })
      )
      expect(result.exitCode).toBe(0)
      const file = path.join(dir, 'selected-maria.sql.gz')
      await awsDownload(result.outputs['object-key'] as string, file)
      const sql = (await run('sh', ['-c', `gzip -dc ${file}`], { maxBuffer: 64 * 1024 ** 2 }))
        .stdout
      expect(sql).toMatch(/CREATE TABLE `orders`/)
      expect(sql).not.toMatch(/`sessions`/)
    } finally {
      await mariadbSql(host, 'DROP TABLE sessions')
    }
  }, 120_000)

  test('a pg_dump older than the backup’s server fails before the restore and says how to fix it', async () => {
    // A runner whose pg_dump is 14: the backup is PostgreSQL 15.
    const bin = path.join(dir, 'old-bin')
    mkdirSync(bin, { recursive: true })
    writeFileSync(path.join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 14.10"\n', {
      mode: 0o755
    })
    await cloud.admin.clearRequests()
    const result = await runAction(
      'main',
      mirrorInputs({ instance: 'shop-pg', 's3-uri': `s3://${BUCKET}/old` }),
      { env: { PATH: `${bin}:${process.env.PATH}` } }
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/pg_dump 14 cannot dump a PostgreSQL 15 server/)
    expect(result.stdout).toMatch(/apt-get install -y postgresql-client-15/)
    const creates = (await cloud.admin.requests()).filter(
      (r) => r.method === 'POST' && r.path.endsWith('/instances')
    )
    expect(creates).toEqual([])
  }, 60_000)

  test('a selection that does not fit the engine is refused before the store or a restore is touched', async () => {
    await cloud.admin.clearRequests()
    const result = await runAction(
      'main',
      mirrorInputs({ instance: 'shop-maria', 's3-uri': `s3://${BUCKET}/engine`, schemas: 'app' })
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/Input "schemas": applies to PostgreSQL only/)
    // Reads only: the instance was looked up, nothing created; the store was not reached.
    const writes = (await cloud.admin.requests()).filter(
      (r) => r.service === 'trove' && r.method !== 'GET' && r.method !== 'HEAD'
    )
    expect(writes).toEqual([])
    expect(await keys('engine/')).toEqual([])
  }, 60_000)

  test('bad inputs fail before any call to the cloud or the store', async () => {
    await cloud.admin.clearRequests()
    const cases: [Record<string, string>, RegExp][] = [
      [{ 's3-uri': 'https://bucket/x' }, /Input "s3-uri"/],
      [{ 's3-uri': `s3://${BUCKET}/x`, 'age-recipients': 'age1nope' }, /Input "age-recipients"/],
      [{ 's3-uri': `s3://${BUCKET}/x`, 'part-size': '1MiB' }, /Input "part-size"/],
      [{ 's3-uri': `s3://${BUCKET}/x`, 'keep-last': '0' }, /Input "keep-last"/],
      [{ 's3-uri': `s3://${BUCKET}/x`, source: 'replica' }, /Input "source"/],
      [{ 's3-uri': `s3://${BUCKET}/x`, 'keep-weekly': '-2' }, /Input "keep-weekly"/],
      [{ 's3-uri': `s3://${BUCKET}/x`, 'exclude-tables': '-T*' }, /Input "exclude-tables"/]
    ]
    for (const [extra, message] of cases) {
      const result = await runAction('main', mirrorInputs({ instance: 'shop-pg', ...extra }))
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(message)
    }
    const secret = await runAction(
      'main',
      mirrorInputs({
        instance: 'shop-pg',
        's3-uri': `s3://${BUCKET}/x`,
        'age-recipients':
          'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'
      })
    )
    expect(secret.exitCode).toBe(1)
    expect(logWithoutMasks(secret.stdout)).not.toContain('AGE-SECRET-KEY-1QQQ')
    expect(await cloud.admin.requests()).toEqual([])
    expect(await keys('x/')).toEqual([])
  }, 60_000)
})
