import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { stringify } from 'yaml'
import type { Instance, TroveClient } from '../../src/openstack/index.js'
import type { ReportDocument } from '../../src/commands/report/document.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import {
  createPostgresWithData,
  DB_PASSWORD,
  DB_USER,
  testClient
} from './helpers/local-instances.js'
import { cloudEnv, parseJson, runCli } from './helpers/run-cli.js'
import { parseExposition } from '../helpers/exposition.js'

// The CLI bundle (dist/cli/index.js) on the local cloud: every built mode, --json, human output
// and the documented exit codes (0 ok, 1 failed check, 2 bad input, 3 cloud error).
jest.setTimeout(240_000)

let cloud: RunningCloud
let trove: TroveClient
let db: Instance
let dir: string
let env: Record<string, string>

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 300 })
  trove = testClient(cloud.info)
  db = await createPostgresWithData(trove, 'shop-db')
  dir = mkdtempSync(path.join(tmpdir(), 'cli-e2e-'))
  env = { ...cloudEnv(cloud.info), TMPDIR: dir }
}, 120_000)

afterAll(async () => {
  await cloud?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  await cloud.admin.resetFaults()
})

const insecure = '--allow-insecure-http'

const tempInstances = async (): Promise<Instance[]> =>
  (await trove.listInstances()).filter((i) => i.name.startsWith('dbaas-verify-'))

describe('dbaas-backup CLI', () => {
  test('--help and <mode> --help print usage from action.yml and exit 0', async () => {
    const help = await runCli(['--help'])
    expect(help.exitCode).toBe(0)
    expect(help.stdout).toMatch(/^Usage: dbaas-backup <mode>/)
    expect(help.stdout).toContain('--application-credential-id <value>')
    expect(help.stdout).toMatch(/Exit codes: 0 ok/)
    const mode = await runCli(['backup', '--help'])
    expect(mode.exitCode).toBe(0)
    expect(mode.stdout).toContain('--[no-]wait')
    expect(mode.stdout).toContain('backup-id')
    // The bundle carries the version it was built from.
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    const shown = await runCli(['--version'])
    expect(shown).toMatchObject({ exitCode: 0, stdout: `dbaas-backup ${version}\n` })
  })

  test('backup through the CLI: --json outputs, the secret never printed', async () => {
    const result = await runCli(
      ['backup', '--instance', 'shop-db', '--timeout', '5m', insecure, '--json'],
      {
        env
      }
    )
    expect(result.exitCode).toBe(0)
    const json = parseJson(result)
    expect(json).toMatchObject({ mode: 'backup', result: 'ok', exitCode: 0 })
    expect(json.outputs['backup-status']).toBe('COMPLETED')
    expect(typeof json.outputs['backup-id']).toBe('string')
    expect(result.stdout + result.stderr).not.toContain(cloud.info.appCredSecret)
  })

  test('report in human form: a table on stdout, log lines on stderr, exit 0', async () => {
    const reportPath = path.join(dir, 'report.json')
    const result = await runCli(
      ['report', '--instance', 'shop-db', '--report-path', reportPath, insecure],
      { env }
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^Backup report: ✅ ok/)
    expect(result.stdout).not.toContain('```')
    expect(result.stdout).toMatch(/Outputs:\n[\s\S]*status: ok/)
    expect(result.stderr).toContain('▸ List backups')
    const doc = JSON.parse(readFileSync(reportPath, 'utf8')) as ReportDocument
    expect(doc.instances[0]?.name).toBe('shop-db')
  })

  test("report from cron writes the textfile collector's .prom file and names it in its outputs", async () => {
    const [id] = await cloud.admin.seedInstances(1, { namePrefix: 'cron-db-' })
    await cloud.admin.seedBackups(id as string, [{ ageHours: 1 }])
    const collector = mkdtempSync(path.join(dir, 'textfile-'))
    const metricsFile = path.join(collector, 'dbaas-report.prom')
    const result = await runCli(
      ['report', '--instance', 'cron-db-0', '--metrics-file', metricsFile, insecure, '--json'],
      { env }
    )
    expect(result.exitCode).toBe(0)
    expect(parseJson(result).outputs['metrics-file']).toBe(metricsFile)
    const { samples } = parseExposition(readFileSync(metricsFile, 'utf8'))
    const fresh = samples.find((s) => s.name === 'dbaas_backup_fresh')
    expect(fresh).toMatchObject({ labels: { instance: 'cron-db-0', instance_id: id }, value: 1 })
    // Only the .prom file is left in the collector's folder: the temporary file was renamed.
    expect(readdirSync(collector)).toEqual(['dbaas-report.prom'])
  })

  test('a stale backup is exit code 1', async () => {
    const [id] = await cloud.admin.seedInstances(1, { namePrefix: 'old-db-' })
    await cloud.admin.seedBackups(id as string, [{ ageHours: 50 }])
    const result = await runCli(['report', '--instance', 'old-db-0', insecure, '--json'], { env })
    expect(result.exitCode).toBe(1)
    const json = parseJson(result)
    expect(json.result).toBe('failed')
    expect(json.outputs.status).toBe('stale')
    expect(json.error).toMatch(/old-db-0 .*newest COMPLETED backup 50(\.\d+)? h old/)
  })

  test('list through the CLI gives the matrix', async () => {
    const result = await runCli(['list', '--instances', 'shop-*', insecure, '--json'], { env })
    expect(result.exitCode).toBe(0)
    const matrix = JSON.parse(String(parseJson(result).outputs.matrix)) as { include: unknown[] }
    expect(matrix.include).toEqual([
      { id: db.id, name: 'shop-db', datastore: 'postgresql', version: '15' }
    ])
  })

  test('list with --os-cloud: the connection from clouds.yaml and secure.yaml, no OS_* set', async () => {
    const clouds = path.join(dir, 'clouds.yaml')
    const secure = path.join(dir, 'secure.yaml')
    const auth = {
      auth_url: cloud.info.authUrl,
      application_credential_id: cloud.info.appCredId
    }
    writeFileSync(
      clouds,
      stringify({
        clouds: {
          local: { auth_type: 'v3applicationcredential', auth, region_name: cloud.info.region }
        }
      })
    )
    writeFileSync(
      secure,
      stringify({
        clouds: { local: { auth: { application_credential_secret: cloud.info.appCredSecret } } }
      })
    )
    const fileEnv = {
      TMPDIR: dir,
      XDG_CONFIG_HOME: dir,
      OS_CLIENT_CONFIG_FILE: clouds,
      OS_CLIENT_SECURE_FILE: secure
    }
    const result = await runCli(['list', '--os-cloud', 'local', insecure, '--json'], {
      env: fileEnv
    })
    expect(result.exitCode).toBe(0)
    expect(parseJson(result).outputs.count).toBeGreaterThanOrEqual(1)
    expect(result.stdout + result.stderr).not.toContain(cloud.info.appCredSecret)
    const unknown = await runCli(['list', insecure], { env: { ...fileEnv, OS_CLOUD: 'remote' } })
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/Input "--os-cloud": no cloud "remote" in .*; its clouds: local/)
  })

  test('verify through the CLI restores, checks and deletes its temporary instance', async () => {
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
    expect(result.stdout + result.stderr).not.toContain(DB_PASSWORD)
    expect(await tempInstances()).toEqual([])
  })

  test('Ctrl-C during verify deletes the temporary instance before the CLI exits', async () => {
    await cloud.admin.config({ instanceBuildMs: 20_000 })
    try {
      const result = await runCli(
        [
          'verify',
          '--instance',
          'shop-db',
          '--db-user',
          DB_USER,
          '--allowed-cidrs',
          '127.0.0.0/22',
          insecure
        ],
        {
          env: { ...env, DBAAS_BACKUP_DB_PASSWORD: DB_PASSWORD },
          onSpawn: (child) => {
            const poll = setInterval(() => {
              void tempInstances().then((found) => {
                if (found.length === 0) return
                clearInterval(poll)
                child.kill('SIGINT')
              })
            }, 200)
            child.on('close', () => clearInterval(poll))
          }
        }
      )
      expect(result.exitCode).toBe(130)
      expect(result.stderr).toMatch(/Received SIGINT: deleting the temporary instance/)
      // Trove refuses to delete an instance in BUILD; the CLI, having no post step, waits and
      // deletes it before exiting.
      expect(result.stderr).toMatch(/Temporary instance dbaas-verify-\S+ \(\S+\) is gone/)
      expect(await tempInstances()).toEqual([])
    } finally {
      await cloud.admin.config({ instanceBuildMs: 300 })
    }
  })

  test('mirror through the CLI: a live dump to the local S3 store, secrets from the environment', async () => {
    const s3 = new S3Client({
      endpoint: cloud.info.s3.endpoint,
      region: cloud.info.s3.region,
      forcePathStyle: true,
      credentials: {
        accessKeyId: cloud.info.s3.accessKeyId,
        secretAccessKey: cloud.info.s3.secretAccessKey
      }
    })
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'cli-offsite' }))
    } finally {
      s3.destroy()
    }
    const result = await runCli(
      [
        'mirror',
        '--instance',
        'shop-db',
        '--source',
        'live',
        '--db-user',
        DB_USER,
        '--s3-uri',
        's3://cli-offsite/nightly',
        '--s3-endpoint',
        cloud.info.s3.endpoint,
        '--s3-region',
        cloud.info.s3.region,
        '--s3-access-key-id',
        cloud.info.s3.accessKeyId,
        '--compression',
        'gzip',
        '--encryption',
        'none',
        insecure,
        '--json'
      ],
      {
        env: {
          ...env,
          DBAAS_BACKUP_DB_PASSWORD: DB_PASSWORD,
          DBAAS_BACKUP_S3_SECRET_ACCESS_KEY: cloud.info.s3.secretAccessKey
        }
      }
    )
    const json = parseJson(result)
    expect([json.result, json.error]).toEqual(['ok', undefined])
    expect(String(json.outputs['object-key'])).toMatch(/^nightly\/shop-db\//)
    expect(String(json.outputs.sha256)).toMatch(/^[0-9a-f]{64}$/)
    expect(Number(json.outputs.bytes)).toBeGreaterThan(0)
    expect(result.stdout + result.stderr).not.toContain(cloud.info.s3.secretAccessKey)
    expect(result.stdout + result.stderr).not.toContain(DB_PASSWORD)
  })

  test('sweep through the CLI: nothing to sweep, exit 0', async () => {
    const result = await runCli(['sweep', '--ttl', '1h', insecure], { env })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('Sweep: no leftover temporary instances')
    expect(result.stdout).toMatch(/swept-count: 0/)
  })

  test('bad input is exit code 2 before any call to the cloud', async () => {
    await cloud.admin.clearRequests()
    const unknown = await runCli(['report', '--instnace', 'shop-db'], { env })
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/"--instnace": is not a flag; did you mean --instance/)
    const bad = await runCli(['report', '--instance', 'shop-db', '--max-age', 'soon', '--json'], {
      env
    })
    expect(bad.exitCode).toBe(2)
    expect(parseJson(bad)).toMatchObject({
      result: 'bad-input',
      error: expect.stringMatching(/max-age/)
    })
    expect(await cloud.admin.requests()).toEqual([])
  })

  test('a cloud that answers 500 is exit code 3; so is an unreachable auth URL', async () => {
    await cloud.admin.fault({ pathPattern: '/instances', status: 500, count: 20 })
    const failing = await runCli(['list', insecure, '--json'], { env })
    expect(failing.exitCode).toBe(3)
    expect(parseJson(failing).error).toMatch(/500/)

    const unreachable = await runCli(['list', insecure], {
      env: { ...env, OS_AUTH_URL: 'http://127.0.0.1:9/v3' }
    })
    expect(unreachable.exitCode).toBe(3)
    expect(unreachable.stderr).toMatch(/error: Keystone/)
    // Nothing listens on port 9 (discard) here: the error says what happened and where.
    expect(unreachable.stderr).toMatch(/connection refused by 127\.0\.0\.1:9 \(ECONNREFUSED\)/)
    expect(unreachable.stderr).not.toContain(cloud.info.appCredSecret)
  })
})
