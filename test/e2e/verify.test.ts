import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Instance, TroveClient } from '../../src/openstack/index.js'
import type { DrillEvidence } from '../../src/evidence/index.js'
import { evidenceErrors } from '../helpers/evidence-schema.js'
import { type ParsedSample, parseExposition } from '../helpers/exposition.js'
import { waitUntil } from '../helpers/wait-until.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import {
  createPostgresWithData,
  DB_PASSWORD,
  DB_USER,
  psql,
  testClient
} from './helpers/local-instances.js'
import { cloudInputs, runAction } from './helpers/run-action.js'

// verify mode end to end through the committed bundle, on real servers. After every case no
// temporary instance may remain: the tests list the cloud's instances to prove it.
let cloud: RunningCloud
let trove: TroveClient
let db: Instance
let backupId: string
let echo: http.Server
let echoUrl: string
const dir = mkdtempSync(path.join(tmpdir(), 'verify-e2e-'))

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 300 })
  trove = testClient(cloud.info)
  db = await createPostgresWithData(trove, 'shop-db')
  const taken = await runAction('main', {
    ...cloudInputs(cloud.info),
    mode: 'backup',
    instance: 'shop-db'
  })
  backupId = taken.outputs['backup-id'] as string
  // The runner's "public address" as an echo service would report it.
  echo = http.createServer((_req, res) => res.end('127.0.0.1\n'))
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r))
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/`
}, 120_000)

afterAll(async () => {
  await new Promise((r) => echo?.close(r))
  await cloud?.stop()
})

beforeEach(async () => {
  await cloud.admin.resetFaults()
})

const tempInstances = async () =>
  (await trove.listInstances()).filter((i) => i.name.startsWith('dbaas-verify-'))

function drillInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...cloudInputs(cloud.info),
    mode: 'verify',
    instance: 'shop-db',
    'db-user': DB_USER,
    'db-password': DB_PASSWORD,
    'runner-ip-url': echoUrl,
    ...extra
  }
}

function checksFile(content: string, name = 'checks.yml'): string {
  const file = path.join(dir, name)
  writeFileSync(file, content)
  return file
}

describe('verify mode', () => {
  test('a good PostgreSQL backup passes every check; the temporary instance is deleted', async () => {
    const file = checksFile(
      'checks:\n  - name: orders restored\n    sql: select count(*) from orders\n    expect: ">= 500"\n  - name: no negative totals\n    sql: select count(*) from orders where total < 0\n    expect: "== 0"\n'
    )
    const result = await runAction(
      'main',
      drillInputs({
        'backup-id': backupId,
        'checks-file': file,
        'compare-with-source': 'true',
        command: 'test "$PGDATABASE" != "" && psql -tAc "select 1" >/dev/null'
      })
    )
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs.verified).toBe('true')
    expect(result.outputs['backup-id']).toBe(backupId)
    expect(Number(result.outputs['checks-failed'])).toBe(0)
    expect(Number(result.outputs['checks-passed'])).toBeGreaterThanOrEqual(5)
    expect(Number(result.outputs['restore-seconds'])).toBeGreaterThanOrEqual(0)
    expect(result.outputs['temp-instance-host']).toMatch(/^127\./)
    expect(result.outputs['temp-instance-host']).not.toBe(db.addresses[0])
    expect(result.summary).toContain('Restore drill passed')
    expect(result.summary).toContain('orders restored')
    expect(result.summary).toContain('deleted (confirmed gone)')
    expect(result.stdout).toContain('accept connections from 127.0.0.1/32')
    expect(await tempInstances()).toEqual([])
    // The temporary instance was created with the runner's address and our marker name.
    const create = (await cloud.admin.requests()).find(
      (r) => r.method === 'POST' && r.path.endsWith('/instances')
    )
    expect(create?.status).toBe(200)
  }, 120_000)

  test('a drill leaves evidence valid against the schema and metrics; a failing one too', async () => {
    const evidencePath = path.join(dir, 'evidence', 'nightly', 'drill.json')
    const metricsFile = path.join(dir, 'verify.prom')
    const good = checksFile(
      'checks:\n  - name: orders restored\n    sql: select count(*) from orders\n    expect: ">= 500"\n',
      'evidence-checks.yml'
    )
    const passed = await runAction(
      'main',
      drillInputs({
        'checks-file': good,
        'integrity-check': 'false',
        'evidence-path': evidencePath,
        'metrics-file': metricsFile
      })
    )
    expect(passed.exitCode).toBe(0)
    expect(passed.outputs['evidence-json']).toBe(evidencePath)
    expect(passed.outputs['metrics-file']).toBe(metricsFile)
    const evidence = JSON.parse(readFileSync(evidencePath, 'utf8')) as DrillEvidence
    expect(evidenceErrors(evidence)).toEqual([])
    expect(evidence).toMatchObject({
      drill: 'verify',
      result: 'passed',
      run: { url: 'https://github.com/acme/shop/actions/runs/4242', runId: '4242' },
      source: { instanceId: db.id, instanceName: 'shop-db' },
      backup: { id: passed.outputs['backup-id'] },
      restore: {
        cleanup: expect.stringContaining('deleted'),
        tempInstanceId: passed.outputs['temp-instance-id']
      },
      versions: { server: { engine: 'PostgreSQL', version: expect.stringMatching(/^15\./) } }
    })
    expect(evidence.restore.usableSeconds).toBeGreaterThanOrEqual(
      Number(passed.outputs['restore-seconds']) - 1
    )
    expect(evidence.checks.map((c) => [c.name, c.result])).toEqual(
      expect.arrayContaining([
        ['connect', 'pass'],
        ['assert: orders restored', 'pass']
      ])
    )
    expect(evidence.counts.passed).toBe(Number(passed.outputs['checks-passed']))
    const firstRun = parseExposition(readFileSync(metricsFile, 'utf8')).samples
    const value = (samples: ParsedSample[], name: string, result?: string) =>
      samples.find((s) => s.name === name && (!result || s.labels.result === result))?.value
    expect(value(firstRun, 'dbaas_backup_verify_success')).toBe(1)
    const lastSuccess = value(firstRun, 'dbaas_backup_verify_last_success_timestamp_seconds')
    expect(Math.abs((lastSuccess as number) - Date.now() / 1000)).toBeLessThan(300)
    expect(value(firstRun, 'dbaas_backup_verify_restore_seconds')).toBe(
      Number(passed.outputs['restore-seconds'])
    )
    expect(firstRun.find((s) => s.name === 'dbaas_backup_verify_success')?.labels).toEqual({
      instance: 'shop-db',
      instance_id: db.id
    })

    const bad = checksFile(
      'checks:\n  - {name: "impossible \\"quoted\\"", sql: select 1, expect: "== 2"}\n',
      'evidence-bad.yml'
    )
    const failed = await runAction(
      'main',
      drillInputs({
        'checks-file': bad,
        'integrity-check': 'false',
        'evidence-path': evidencePath,
        'metrics-file': metricsFile
      })
    )
    expect(failed.exitCode).toBe(1)
    const failedEvidence = JSON.parse(readFileSync(evidencePath, 'utf8')) as DrillEvidence
    expect(evidenceErrors(failedEvidence)).toEqual([])
    expect(failedEvidence.result).toBe('failed')
    expect(failedEvidence.checks).toContainEqual(
      expect.objectContaining({ name: 'assert: impossible "quoted"', result: 'fail' })
    )
    const secondRun = parseExposition(readFileSync(metricsFile, 'utf8')).samples
    expect(value(secondRun, 'dbaas_backup_verify_success')).toBe(0)
    expect(value(secondRun, 'dbaas_backup_verify_checks', 'fail')).toBe(1)
    // When it last worked survives the failure.
    expect(value(secondRun, 'dbaas_backup_verify_last_success_timestamp_seconds')).toBe(lastSuccess)
    expect(await tempInstances()).toEqual([])
  }, 240_000)

  test('without evidence-path the evidence goes to RUNNER_TEMP', async () => {
    await cloud.admin.nextRestore('ERROR')
    const runnerTemp = mkdtempSync(path.join(dir, 'runner-temp-'))
    const result = await runAction('main', drillInputs({ 'backup-id': backupId }), {
      env: { RUNNER_TEMP: runnerTemp }
    })
    expect(result.exitCode).toBe(1)
    const file = path.join(runnerTemp, 'dbaas-backup-evidence.json')
    expect(result.outputs['evidence-json']).toBe(file)
    const evidence = JSON.parse(readFileSync(file, 'utf8')) as DrillEvidence
    expect(evidenceErrors(evidence)).toEqual([])
    expect(evidence).toMatchObject({
      result: 'failed',
      restore: { usableSeconds: null },
      versions: { server: null },
      checks: [],
      error: expect.stringContaining('ERROR')
    })
    expect(await tempInstances()).toEqual([])
  }, 120_000)

  test('a failing assertion fails the step, names the check, and cleans up', async () => {
    const file = checksFile(
      '{"checks": [{"name": "a million orders", "sql": "select count(*) from orders", "expect": ">= 1000000"}]}',
      'checks.json'
    )
    const result = await runAction(
      'main',
      drillInputs({ 'checks-file': file, 'integrity-check': 'false' })
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs.verified).toBe('false')
    expect(result.stdout).toMatch(
      /::error::Restore drill of backup .* failed 1 check\(s\): assert: a million orders/
    )
    expect(await tempInstances()).toEqual([])
  }, 120_000)

  test('a table lost from the backup fails the comparison with the source', async () => {
    // The source gains a table after the backup: the restore "lost" it.
    await psql(
      db.addresses[0] as string,
      'CREATE TABLE customers (id int); INSERT INTO customers VALUES (1), (2)'
    )
    try {
      const result = await runAction(
        'main',
        drillInputs({
          'backup-id': backupId,
          'compare-with-source': 'true',
          'integrity-check': 'false'
        })
      )
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(/customers.*missing/)
      expect(await tempInstances()).toEqual([])
    } finally {
      await psql(db.addresses[0] as string, 'DROP TABLE customers')
    }
  }, 120_000)

  test('a corrupted backup: the restore ends in ERROR, the step says so, nothing is left', async () => {
    const taken = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'backup',
      instance: 'shop-db'
    })
    const corrupted = taken.outputs['backup-id'] as string
    await cloud.admin.corruptBackup(corrupted)
    const result = await runAction('main', drillInputs({ 'backup-id': corrupted }))
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::instance dbaas-verify-.* ended in ERROR/)
    expect(result.summary).toContain('Restore drill failed')
    expect(await tempInstances()).toEqual([])
  }, 120_000)

  test('a restore that ends in ERROR fails the step and is deleted', async () => {
    await cloud.admin.nextRestore('ERROR')
    const result = await runAction('main', drillInputs({ 'backup-id': backupId }))
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('ended in ERROR')
    expect(await tempInstances()).toEqual([])
  }, 120_000)

  test('keep-on-failure keeps the instance and says how to delete it; sweep leaves young ones alone', async () => {
    const file = checksFile(
      'checks:\n  - {name: impossible, sql: select 1, expect: "== 2"}\n',
      'bad.yml'
    )
    const result = await runAction(
      'main',
      drillInputs({
        'backup-id': backupId,
        'checks-file': file,
        'keep-on-failure': 'true',
        'integrity-check': 'false'
      })
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::warning title=Temporary instance kept::.*openstack database instance delete/
    )
    const kept = await tempInstances()
    expect(kept).toHaveLength(1)
    const swept = await runAction('main', { ...cloudInputs(cloud.info), mode: 'sweep', ttl: '1h' })
    expect(swept.exitCode).toBe(0)
    expect(swept.outputs['swept-count']).toBe('0')
    await trove.deleteInstance((kept[0] as Instance).id)
  }, 120_000)

  test('sweep deletes only old instances carrying our marker and a backup of this project', async () => {
    // A leftover of a drill of this project's backup; a marker-shaped name with no such backup
    // behind it (someone else's, or a person's); a near miss; a user instance.
    const leftover = `dbaas-verify-${backupId.slice(0, 8)}-r99-1`
    const ids = await cloud.admin.seedInstances(0, {
      names: [leftover, 'dbaas-verify-0badc0de-r99-1', 'dbaas-verify-prod', 'reporting-db'],
      ageHours: 48
    })
    const dry = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'sweep',
      ttl: '6h',
      'dry-run': 'true'
    })
    expect(dry.exitCode).toBe(0)
    expect(dry.outputs['swept-count']).toBe('0')
    expect(dry.summary).toContain('would be deleted')
    expect((await trove.listInstances()).map((i) => i.name)).toContain(leftover)

    const result = await runAction('main', { ...cloudInputs(cloud.info), mode: 'sweep', ttl: '6h' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['swept-count']).toBe('1')
    expect(JSON.parse(result.outputs['swept-ids'] as string)).toEqual([ids[0]])
    expect(result.stdout).toMatch(/dbaas-verify-0badc0de-r99-1 .*no backup of this project/)
    const names = (await trove.listInstances()).map((i) => i.name)
    expect(names).toEqual(
      expect.arrayContaining(['dbaas-verify-0badc0de-r99-1', 'dbaas-verify-prod', 'reporting-db'])
    )
    expect(names).not.toContain(leftover)
    for (const id of ids.slice(1)) await trove.deleteInstance(id)
  }, 60_000)

  test('cancelled mid-drill (SIGINT then SIGTERM), then the post step: no instance remains', async () => {
    await cloud.admin.config({ instanceBuildMs: 20_000 })
    const stateFile = path.join(dir, 'state-cancel')
    writeFileSync(stateFile, '')
    try {
      const main = await runAction('main', drillInputs({ 'backup-id': backupId }), {
        stateFile,
        // SIGINT once the temporary instance exists; SIGTERM once the SIGINT is being handled.
        during: async (child, stdout) => {
          await waitUntil(tempInstances, {
            what: "this run's temporary instance (-r4242-)",
            until: (found) => found.some((i) => i.name.includes('-r4242-')),
            intervalMs: 200
          })
          child.kill('SIGINT')
          await waitUntil(stdout, {
            what: "the action's 'Received SIGINT' line",
            until: (out) => out.includes('Received SIGINT')
          })
          child.kill('SIGTERM')
        }
      })
      expect(main.exitCode).not.toBe(0)
      expect(main.state['temp-instance']).toContain('dbaas-verify-')
      const post = await runAction('post', drillInputs(), { stateFile })
      expect(post.exitCode).toBe(0)
      expect(await tempInstances()).toEqual([])
    } finally {
      await cloud.admin.config({ instanceBuildMs: 300 })
    }
  }, 120_000)

  test('a backup older than max-age + grace is not drilled: the age is said, nothing is created', async () => {
    const [stale] = await cloud.admin.seedBackups(db.id, [{ name: 'old-one', ageHours: 50 }])
    await cloud.admin.clearRequests()
    const metricsFile = path.join(dir, 'stale.prom')
    const result = await runAction(
      'main',
      drillInputs({
        'backup-id': stale as string,
        'metrics-file': metricsFile,
        'evidence-path': path.join(dir, 'stale-evidence.json')
      })
    )
    expect(result.exitCode).toBe(1)
    expect(Number(result.outputs['backup-age-hours'])).toBeGreaterThanOrEqual(50)
    // Refused is failed, for the evidence and for the alert.
    expect(result.outputs['evidence-json']).toBe(path.join(dir, 'stale-evidence.json'))
    const evidence = JSON.parse(
      readFileSync(path.join(dir, 'stale-evidence.json'), 'utf8')
    ) as DrillEvidence
    expect(evidenceErrors(evidence)).toEqual([])
    expect(evidence).toMatchObject({
      result: 'failed',
      backup: { id: stale, name: 'old-one' },
      restore: { usableSeconds: null, tempInstanceName: null, cleanup: 'nothing was created' },
      error: expect.stringContaining('older than max-age + grace')
    })
    expect(evidence.backup?.ageSeconds).toBeGreaterThanOrEqual(50 * 3600)
    const { samples } = parseExposition(readFileSync(metricsFile, 'utf8'))
    expect(samples.find((s) => s.name === 'dbaas_backup_verify_success')?.value).toBe(0)
    expect(result.stdout).toMatch(
      /::error::Backup old-one .* old, older than max-age \+ grace \(26h00m\)/
    )
    const creates = (await cloud.admin.requests()).filter(
      (r) => r.method === 'POST' && r.path.endsWith('/instances')
    )
    expect(creates).toEqual([])
  }, 60_000)

  test('restore mode keeps the new instance and reports its new address', async () => {
    const result = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'restore',
      'backup-id': backupId,
      'restore-name': 'shop-db-recovered',
      'allowed-cidrs': '127.0.0.1/32'
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['instance-host']).toMatch(/^127\./)
    expect(result.outputs['instance-host']).not.toBe(db.addresses[0])
    expect(result.stdout).toMatch(/::warning title=New instance address::.*NEW address/)
    // Whoever could reach the source can reach its replacement, plus allowed-cidrs.
    const restored = await trove.getInstance(result.outputs['instance-id'] as string)
    expect(restored.allowedCidrs).toEqual(expect.arrayContaining(['127.0.0.0/22', '127.0.0.1/32']))
    expect(
      await psql(result.outputs['instance-host'] as string, 'select count(*) from orders')
    ).toBe('500')
    await trove.deleteInstance(result.outputs['instance-id'] as string)
  }, 120_000)
})
