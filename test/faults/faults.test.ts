import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import type { TroveClient } from '../../src/openstack/index.js'
import { waitUntil } from '../helpers/wait-until.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { testClient } from '../e2e/helpers/local-instances.js'
import { cloudInputs, runAction } from '../e2e/helpers/run-action.js'
import { partialObjects, tempInstances } from './helpers/leftovers.js'
import { record } from './helpers/results.js'
import { buildScene, drillInputs, type Scene, whenTempInstanceExists } from './helpers/scene.js'

// Every fault the cloud can throw at a run, each through the committed
// bundle. After each case the suite counts what was left behind (temporary instances, partial
// objects) and records it for the totals line, whether the case passed or not.
const PACE_MS = 300
let cloud: RunningCloud
let trove: TroveClient
let scene: Scene
const dir = mkdtempSync(path.join(tmpdir(), 'faults-'))

beforeAll(async () => {
  cloud = await startCloud({ paceMs: PACE_MS })
  trove = testClient(cloud.info)
  scene = await buildScene(cloud, trove)
}, 120_000)

afterAll(async () => {
  await cloud?.stop()
})

beforeEach(async () => {
  await cloud.admin.resetFaults()
  await cloud.admin.clearRequests()
})

afterEach(async () => {
  const name = expect.getState().currentTestName ?? 'unknown'
  const leaked = await tempInstances(cloud)
  const partial = await partialObjects(cloud.info)
  record({ kind: 'fault', name, leaked: leaked.length, partial: partial.length })
  // Leave a clean cloud for the next case, whatever this one left.
  await cloud.admin.resetFaults()
  await cloud.admin.releaseBackups()
  await cloud.admin.config({ instanceBuildMs: PACE_MS, tokenTtlSeconds: 3600 })
  for (const i of leaked) await trove.deleteInstance(i.id).catch(() => undefined)
}, 60_000)

const backupInputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  ...cloudInputs(cloud.info),
  mode: 'backup',
  instance: 'shop-db',
  ...extra
})

async function log() {
  return cloud.admin.requests()
}

async function backupCreates() {
  return (await log()).filter((r) => r.method === 'POST' && r.path.endsWith('/backups'))
}

describe('transient API faults: retried, and a create is never sent twice', () => {
  test('bursts of 500 and 503 on reads are retried; one backup is made and the gate passes', async () => {
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/backups/[0-9a-f-]+$',
      status: 500,
      count: 2
    })
    await cloud.admin.fault({ method: 'GET', pathPattern: '/instances$', status: 503, count: 2 })
    const result = await runAction('main', backupInputs())
    expect(result.exitCode).toBe(0)
    expect(result.outputs['backup-status']).toBe('COMPLETED')
    const statuses = (await log()).map((r) => r.status)
    expect(statuses.filter((s) => s === 500)).toHaveLength(2)
    expect(statuses.filter((s) => s === 503)).toHaveLength(2)
    expect((await backupCreates()).map((r) => r.status)).toEqual([202])
  }, 60_000)

  test('413 overLimit and 429 with Retry-After are waited out, for a create as well', async () => {
    await cloud.admin.fault({
      method: 'POST',
      pathPattern: '/backups$',
      status: 413,
      retryAfter: 1,
      count: 1
    })
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/instances$',
      status: 429,
      retryAfter: 1,
      count: 2
    })
    const result = await runAction('main', backupInputs())
    expect(result.exitCode).toBe(0)
    const creates = await backupCreates()
    expect(creates.map((r) => r.status)).toEqual([413, 202])
    // The server asked for 1 s: the second create came no sooner.
    const [first, second] = creates
    expect((second?.startMs ?? 0) - (first?.endMs ?? 0)).toBeGreaterThanOrEqual(900)
    const listed = (await log()).filter((r) => r.method === 'GET' && r.path.endsWith('/instances'))
    expect(listed.map((r) => r.status)).toEqual([429, 429, 200])
  }, 60_000)

  test('connection resets on reads are retried', async () => {
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/instances',
      count: 2,
      dropConnection: true
    })
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/backups/[0-9a-f-]+$',
      count: 1,
      dropConnection: true
    })
    const result = await runAction('main', backupInputs())
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/failed: .* — retrying in/)
    // status 0 in the log: the connection was cut without an answer
    expect((await log()).filter((r) => r.status === 0)).toHaveLength(3)
    expect((await backupCreates()).map((r) => r.status)).toEqual([202])
  }, 60_000)

  test('responses slower than request-timeout are abandoned and asked again', async () => {
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/backups/[0-9a-f-]+$',
      latencyMs: 2500,
      count: 2
    })
    const started = Date.now()
    const result = await runAction('main', backupInputs({ 'request-timeout': '1s' }))
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/timed out|timeout/i)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect((await backupCreates()).map((r) => r.status)).toEqual([202])
    // The cloud answers the abandoned requests 2.5 s late: wait for both, or the next case
    // would find them in its own request log (their answer is what gets logged).
    await waitUntil(log, {
      what: 'both abandoned slow requests answered (in the request log)',
      until: (requests) =>
        requests.filter((r) => /\/backups\/[0-9a-f-]+$/.test(r.path) && r.endMs - r.startMs >= 2500)
          .length === 2
    })
  }, 60_000)

  test('the token expires while a backup is waited for: renewed once, the gate passes', async () => {
    await cloud.admin.nextBackup('hold')
    const tokensIssued = async () =>
      (await log()).filter(
        (r) => r.service === 'keystone' && r.method === 'POST' && r.status === 201
      )
    const result = await runAction('main', backupInputs({ timeout: '1m' }), {
      during: async () => {
        // Expire the token once the action polls its backup, release the backup once renewed.
        await waitUntil(log, {
          what: 'the action polling its new backup (GET /backups/<id> → 200)',
          until: (requests) =>
            requests.some(
              (r) => r.method === 'GET' && /\/backups\/[0-9a-f-]+$/.test(r.path) && r.status === 200
            )
        })
        await cloud.admin.expireTokens()
        await waitUntil(tokensIssued, {
          what: 'a second token (the renewal after the 401)',
          until: (issued) => issued.length >= 2
        })
        await waitUntil(() => cloud.admin.releaseBackups(), {
          what: 'the held backup in BUILDING, to release it',
          until: (released) => released > 0
        })
      }
    })
    expect(result.exitCode).toBe(0)
    const requests = await log()
    const tokens = requests.filter((r) => r.service === 'keystone' && r.method === 'POST')
    expect(tokens.map((r) => r.status)).toEqual([201, 201])
    expect(requests.filter((r) => r.status === 401)).toHaveLength(1)
    expect((await backupCreates()).map((r) => r.status)).toEqual([202])
  }, 60_000)
})

describe('backups and restores that go wrong', () => {
  test('a backup ending FAILED stops the gate; a drill then restores a COMPLETED one, never it', async () => {
    await cloud.admin.nextBackup('FAILED')
    const gate = await runAction('main', backupInputs())
    expect(gate.exitCode).toBe(1)
    expect(gate.stdout).toMatch(/::error::backup shop-db-pre-deploy-.* ended in FAILED/)
    expect((await backupCreates()).map((r) => r.status)).toEqual([202])
    const failed = (await trove.listBackups({ instanceId: scene.db.id })).find(
      (b) => b.status === 'FAILED'
    )
    expect(failed).toBeDefined()

    const drill = await runAction('main', drillInputs(cloud))
    expect(drill.exitCode).toBe(0)
    expect(drill.outputs['backup-id']).not.toBe(failed?.id)
    expect((await trove.getBackup(drill.outputs['backup-id'] as string)).status).toBe('COMPLETED')
  }, 90_000)

  test('a restore ending in ERROR fails the drill, says so, and the instance is deleted', async () => {
    await cloud.admin.nextRestore('ERROR')
    const result = await runAction('main', drillInputs(cloud, { 'backup-id': scene.backupId }))
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*dbaas-verify-.* ended in ERROR/)
    expect(result.summary).toContain('Restore drill failed')
  }, 90_000)

  test('an instance busy with another backup past the timeout: fails with advice, creates nothing', async () => {
    await cloud.admin.nextBackup('hold')
    await trove.createBackup({ name: 'automatic-like', instanceId: scene.db.id })
    await cloud.admin.clearRequests()
    const result = await runAction('main', backupInputs({ timeout: '10s' }))
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*(BACKUP|busy|already running).*10s/)
    expect(await backupCreates()).toEqual([])
  }, 60_000)

  test('a restore slower than restore-timeout fails the drill, and the instance is still deleted', async () => {
    // BUILD outlasts the 30 s restore-timeout (its minimum); Trove refuses a delete during
    // BUILD, so the drill must keep asking until the instance can be deleted.
    await cloud.admin.config({ instanceBuildMs: 31_000 })
    const result = await runAction(
      'main',
      drillInputs(cloud, {
        'backup-id': scene.backupId,
        'restore-timeout': '30s',
        'delete-timeout': '2m'
      })
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*dbaas-verify-.*(timeout|30s)/)
    expect(result.summary).toContain('deleted (confirmed gone)')
  }, 120_000)

  test('SQL that errors is a failed check, not an input error: non-zero, named, cleaned up', async () => {
    const checks = path.join(dir, 'bad-sql.yml')
    writeFileSync(
      checks,
      'checks:\n  - {name: ghost table, sql: select count(*) from no_such_table, expect: "== 0"}\n'
    )
    let ok = false
    try {
      const result = await runAction(
        'main',
        drillInputs(cloud, { 'backup-id': scene.backupId, 'checks-file': checks })
      )
      expect(result.exitCode).toBe(1)
      const error = result.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
      expect(error).toMatch(/failed 1 check\(s\): assert: ghost table .*no_such_table/)
      expect(error).not.toContain('Input "')
      expect(result.summary).toContain('deleted (confirmed gone)')
      ok = true
    } finally {
      // Listed with the bad-input table: a user's mistake, reported as a failed check.
      record({ kind: 'bad-input', name: 'verify: SQL that errors', ok })
    }
  }, 90_000)

  test('a delete answered 500 once: the drill still confirms the instance is gone', async () => {
    await cloud.admin.fault({ method: 'DELETE', pathPattern: '/instances/', status: 500, count: 1 })
    const result = await runAction('main', drillInputs(cloud, { 'backup-id': scene.backupId }))
    expect(result.exitCode).toBe(0)
    expect(result.summary).toContain('deleted (confirmed gone)')
    const deletes = (await log()).filter((r) => r.method === 'DELETE')
    expect(deletes.map((r) => r.status)).toEqual([500, 202])
  }, 90_000)
})

describe('cancelled and crashed runs', () => {
  async function stateFile(name: string): Promise<string> {
    const file = path.join(dir, name)
    writeFileSync(file, '')
    return file
  }

  test('SIGTERM mid-restore: the handler asks for the delete, exits 143; the post step confirms', async () => {
    await cloud.admin.config({ instanceBuildMs: 4000 })
    const file = await stateFile('state-term')
    const main = await runAction('main', drillInputs(cloud, { 'backup-id': scene.backupId }), {
      stateFile: file,
      onSpawn: whenTempInstanceExists(cloud, (child) => child.kill('SIGTERM'))
    })
    expect(main.exitCode).toBe(143)
    expect(main.stdout).toContain('Received SIGTERM')
    const post = await runAction('post', drillInputs(cloud), { stateFile: file })
    expect(post.exitCode).toBe(0)
  }, 90_000)

  test('SIGINT while the checks run: the drill is cut short, the post step has nothing left', async () => {
    const file = await stateFile('state-int')
    const main = await runAction(
      'main',
      drillInputs(cloud, {
        'backup-id': scene.backupId,
        command: 'sleep 20'
      }),
      {
        stateFile: file,
        // SIGINT once the command check runs (the drill logs it as [command] bash -c …).
        during: async (child, stdout) => {
          await waitUntil(stdout, {
            what: "the drill's command check running (a '[command]… sleep 20' line)",
            until: (out) => /\[command\].*sleep 20/.test(out),
            timeoutMs: 60_000
          })
          child.kill('SIGINT')
        }
      }
    )
    expect(main.exitCode).toBe(130)
    expect(main.stdout).toContain('Received SIGINT')
    const post = await runAction('post', drillInputs(cloud), { stateFile: file })
    expect(post.exitCode).toBe(0)
  }, 90_000)

  test('SIGKILL mid-drill (no finally, no handler): the post step deletes what the state recorded', async () => {
    await cloud.admin.config({ instanceBuildMs: 4000 })
    const file = await stateFile('state-kill')
    const main = await runAction('main', drillInputs(cloud, { 'backup-id': scene.backupId }), {
      stateFile: file,
      onSpawn: whenTempInstanceExists(cloud, (child) => child.kill('SIGKILL'))
    })
    expect(main.signal).toBe('SIGKILL')
    expect(await tempInstances(cloud)).toHaveLength(1)
    const post = await runAction('post', drillInputs(cloud), { stateFile: file })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/post: temporary instance dbaas-verify-.* is gone/)
  }, 90_000)

  test('sweep after a crash: deletes an old leftover, leaves a young one (maybe a live drill) alone', async () => {
    // A runner that died hours ago left this one (sweep's ttl is at least 10 minutes, so an
    // old leftover is seeded rather than waited for).
    const [old] = await cloud.admin.seedInstances(0, {
      // Named as a drill of this project's backup names its instance (sweep checks the backup).
      names: [`dbaas-verify-${scene.backupId.slice(0, 8)}-r17-1`],
      ageHours: 3
    })
    // And a run killed just now, whose post step never ran.
    await cloud.admin.config({ instanceBuildMs: 4000 })
    const file = await stateFile('state-crash')
    const main = await runAction('main', drillInputs(cloud, { 'backup-id': scene.backupId }), {
      stateFile: file,
      onSpawn: whenTempInstanceExists(cloud, (child) => child.kill('SIGKILL'))
    })
    expect(main.signal).toBe('SIGKILL')
    const swept = await runAction('main', { ...cloudInputs(cloud.info), mode: 'sweep', ttl: '1h' })
    expect(swept.exitCode).toBe(0)
    expect(JSON.parse(swept.outputs['swept-ids'] as string)).toEqual([old])
    const young = await tempInstances(cloud)
    expect(young.map((i) => i.name)).toEqual([expect.stringMatching(/-r4242-1$/)])
    // The young one is the killed run's: its post step (when the runner survives) removes it.
    const post = await runAction('post', drillInputs(cloud), { stateFile: file })
    expect(post.exitCode).toBe(0)
  }, 90_000)
})
