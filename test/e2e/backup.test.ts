import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import type { Instance, TroveClient } from '../../src/openstack/index.js'
import { waitUntil } from '../helpers/wait-until.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { createPostgresWithData, testClient } from './helpers/local-instances.js'
import { cloudInputs, runAction } from './helpers/run-action.js'

// backup mode end to end: the committed bundle, run as GitHub runs it, on the local cloud.
let cloud: RunningCloud
let trove: TroveClient
let db: Instance

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 300 })
  trove = testClient(cloud.info)
  db = await createPostgresWithData(trove, 'shop-db')
}, 90_000)

afterAll(async () => {
  await cloud?.stop()
})

beforeEach(async () => {
  await cloud.admin.resetFaults()
  await cloud.admin.clearRequests()
})

const backupCreates = async () =>
  (await cloud.admin.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/backups'))

/** backup mode on shop-db while a held backup runs: released once the action waits for it. */
const backupWhileOneRuns = () =>
  runAction(
    'main',
    { ...cloudInputs(cloud.info), mode: 'backup', instance: 'shop-db', timeout: '2m' },
    {
      during: async (_child, stdout) => {
        await waitUntil(stdout, {
          what: "the action's 'already running' line",
          until: (out) => out.includes('already running')
        })
        await waitUntil(() => cloud.admin.releaseBackups(), {
          what: 'the held backup in BUILDING, to release it',
          until: (released) => released > 0
        })
      }
    }
  )

describe('backup mode', () => {
  test('takes a real backup by instance name, waits for COMPLETED and sets every output', async () => {
    const result = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'backup',
      instance: 'shop-db'
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    const { outputs } = result
    expect(outputs['backup-status']).toBe('COMPLETED')
    expect(outputs['backup-name']).toMatch(/^shop-db-pre-deploy-\d{8}T\d{6}Z-0123456$/)
    expect(outputs.reused).toBe('false')
    expect(Number(outputs['backup-size-gb'])).toBeGreaterThan(0)
    expect(Number(outputs['duration-seconds'])).toBeGreaterThanOrEqual(0)
    expect(new Date(outputs['backup-created'] as string).getTime()).toBeGreaterThan(
      Date.now() - 120_000
    )
    const backup = await trove.getBackup(outputs['backup-id'] as string)
    expect(backup.status).toBe('COMPLETED')
    expect(backup.instanceId).toBe(db.id)
    expect(backup.description).toBe('https://github.com/acme/shop/actions/runs/4242')
    expect(result.summary).toContain('Backup completed')
    expect(result.summary).toContain(outputs['backup-id'])
    expect(result.stdout).toMatch(/backup shop-db-pre-deploy-.*: COMPLETED \(after \d+s\)/)
    expect(await backupCreates()).toHaveLength(1)
  }, 60_000)

  test('reuses a recent COMPLETED backup instead of taking one', async () => {
    const first = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'backup',
      instance: db.id
    })
    expect(first.exitCode).toBe(0)
    await cloud.admin.clearRequests()
    const second = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'backup',
      instance: db.id,
      'reuse-if-newer-than': '1h'
    })
    expect(second.exitCode).toBe(0)
    expect(second.outputs.reused).toBe('true')
    expect(second.outputs['backup-id']).toBe(first.outputs['backup-id'])
    expect(second.summary).toContain('Reused a recent backup')
    expect(await backupCreates()).toHaveLength(0)
  }, 60_000)

  test('waits for a backup already running (instance BACKUP), then takes its own', async () => {
    await cloud.admin.nextBackup('hold')
    const held = await trove.createBackup({ name: 'automatic-like', instanceId: db.id })
    await cloud.admin.clearRequests()
    const result = await backupWhileOneRuns()
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('already running')
    expect(result.outputs['backup-id']).not.toBe(held.id)
    expect(result.outputs['backup-status']).toBe('COMPLETED')
    expect(await backupCreates()).toHaveLength(1)
  }, 60_000)

  test('a backup that ends FAILED fails the step and says what to do', async () => {
    await cloud.admin.nextBackup('FAILED')
    const result = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'backup',
      instance: 'shop-db'
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::error::backup shop-db-pre-deploy-.* ended in FAILED .*The deploy is stopped/
    )
    expect(await backupCreates()).toHaveLength(1)
  }, 60_000)

  test('a backup slower than the timeout fails the step with advice, without a second create', async () => {
    await cloud.admin.nextBackup('hold')
    const result = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'backup',
      instance: 'shop-db',
      timeout: '10s'
    })
    await cloud.admin.releaseBackups()
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::error::backup .* is still (NEW|BUILDING) after \d+s: gave up at the timeout of 10s/
    )
    expect(result.stdout).toContain('raise `timeout`')
    expect(await backupCreates()).toHaveLength(1)
  }, 60_000)

  test('a lost create answer (503) is checked before any retry: one backup, not two', async () => {
    await cloud.admin.fault({ method: 'POST', pathPattern: '/backups$', status: 503, count: 1 })
    const result = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'backup',
      instance: 'shop-db'
    })
    expect(result.exitCode).toBe(0)
    const creates = await backupCreates()
    expect(creates.map((r) => r.status)).toEqual([503, 202])
  }, 60_000)

  test('an unknown instance lists what exists, and nothing is created', async () => {
    const result = await runAction('main', {
      ...cloudInputs(cloud.info),
      mode: 'backup',
      instance: 'shop-dbb'
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      '::error::Input "instance": no instance "shop-dbb" in this project; instances: shop-db'
    )
    expect(await backupCreates()).toHaveLength(0)
  })

  // Last in the file: the instance's guest stays late from here on.
  test('a late guest (ACTIVE, operating_status ERROR) after a running backup: the backup is still taken', async () => {
    await cloud.admin.nextBackup('hold')
    const held = await trove.createBackup({ name: 'automatic-like-late', instanceId: db.id })
    await cloud.admin.guestLate(db.id)
    await waitUntil(() => trove.getInstance(db.id), {
      what: 'Trove to show the late guest',
      until: (i) => i.operatingStatus === 'ERROR'
    })
    await cloud.admin.clearRequests()
    const result = await backupWhileOneRuns()
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain("ACTIVE/ERROR (the guest agent's heartbeat is late)")
    expect(result.outputs['backup-id']).not.toBe(held.id)
    expect(result.outputs['backup-status']).toBe('COMPLETED')
    expect(await backupCreates()).toHaveLength(1)
  }, 60_000)

  test('bad inputs fail before any cloud call', async () => {
    for (const [inputs, message] of [
      [{ timeout: '60' }, 'Input "timeout": "60" is not a duration'],
      [
        { 'backup-name': '{instance}-{branch}' },
        'Input "backup-name": unknown placeholder {branch}'
      ],
      [{ wait: 'perhaps' }, 'Input "wait": "perhaps" is not a boolean'],
      [{ 'reuse-if-newer-than': 'soon' }, 'Input "reuse-if-newer-than": "soon" is not a duration']
    ] as const) {
      await cloud.admin.clearRequests()
      const result = await runAction('main', {
        ...cloudInputs(cloud.info),
        mode: 'backup',
        instance: 'shop-db',
        ...inputs
      })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain(message)
      const mutating = (await cloud.admin.requests()).filter(
        (r) => r.method !== 'GET' && r.service === 'trove'
      )
      expect(mutating).toEqual([])
    }
  }, 60_000)
})
