import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { createBackupOnce } from '../../../../src/commands/backup/create-backup.js'
import { silentLogger } from '../../../../src/openstack/index.js'
import {
  backupJson,
  FakeClock,
  instanceJson,
  makeClient,
  mockKeystone,
  TROVE,
  TROVE_BASE
} from '../../helpers/fake-cloud.js'

function setup() {
  mockKeystone(['tok'])
  const clock = new FakeClock()
  const { trove } = makeClient(clock)
  const deps = { logger: silentLogger, sleep: clock.sleep, now: clock.now }
  return { trove, deps, deadline: clock.nowMs + 600_000 }
}

const request = { name: 'shop-db-pre-deploy-1', instanceId: 'inst-1', description: 'run' }

describe('createBackupOnce never makes two backups', () => {
  test('a create whose answer was lost but which did happen is adopted, not repeated', async () => {
    const { trove, deps, deadline } = setup()
    const posts = nock(TROVE)
      .post(`${TROVE_BASE}/backups`)
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
    nock(TROVE)
      .get(`${TROVE_BASE}/backups`)
      .query(true)
      .reply(200, {
        backups: [backupJson('made-anyway', { name: 'shop-db-pre-deploy-1', status: 'BUILDING' })]
      })
    const second = nock(TROVE)
      .post(`${TROVE_BASE}/backups`)
      .reply(202, { backup: backupJson('dup') })
    const backup = await createBackupOnce(trove, 'shop-db', request, deadline, deps)
    expect(backup.id).toBe('made-anyway')
    expect(posts.isDone()).toBe(true)
    expect(second.isDone()).toBe(false)
  })

  test('a create that failed with 503 and left nothing behind is asked again after checking', async () => {
    const { trove, deps, deadline } = setup()
    nock(TROVE)
      .post(`${TROVE_BASE}/backups`)
      .reply(503, 'unavailable')
      .get(`${TROVE_BASE}/backups`)
      .query(true)
      .reply(200, { backups: [backupJson('older', { name: 'something-else' })] })
      .post(`${TROVE_BASE}/backups`)
      .reply(202, { backup: backupJson('new', { status: 'NEW', name: request.name }) })
    await expect(
      createBackupOnce(trove, 'shop-db', request, deadline, deps)
    ).resolves.toMatchObject({ id: 'new' })
  })

  test('a busy instance (422) is waited for, then the create is asked again', async () => {
    const { trove, deps, deadline } = setup()
    nock(TROVE)
      .post(`${TROVE_BASE}/backups`)
      .reply(422, {
        unprocessableEntity: { code: 422, message: 'The instance inst-1 status was BACKUP.' }
      })
      .get(`${TROVE_BASE}/instances/inst-1`)
      .reply(200, { instance: instanceJson('inst-1', { status: 'BACKUP' }) })
      .get(`${TROVE_BASE}/instances/inst-1`)
      .reply(200, { instance: instanceJson('inst-1') })
      .get(`${TROVE_BASE}/backups`)
      .query(true)
      .reply(200, { backups: [] })
      .post(`${TROVE_BASE}/backups`)
      .reply(202, { backup: backupJson('new', { status: 'NEW' }) })
    await expect(
      createBackupOnce(trove, 'shop-db', request, deadline, deps)
    ).resolves.toMatchObject({ id: 'new' })
  })

  test('after a busy 422, an ACTIVE instance with a late guest (operating_status ERROR) is asked again', async () => {
    const { trove, deps, deadline } = setup()
    nock(TROVE)
      .post(`${TROVE_BASE}/backups`)
      .reply(422, {
        unprocessableEntity: { code: 422, message: 'The instance inst-1 status was BACKUP.' }
      })
      .get(`${TROVE_BASE}/instances/inst-1`)
      .reply(200, {
        instance: instanceJson('inst-1', { status: 'ACTIVE', operating_status: 'ERROR' })
      })
      .get(`${TROVE_BASE}/backups`)
      .query(true)
      .reply(200, { backups: [] })
      .post(`${TROVE_BASE}/backups`)
      .reply(202, { backup: backupJson('new', { status: 'NEW' }) })
    await expect(
      createBackupOnce(trove, 'shop-db', request, deadline, deps)
    ).resolves.toMatchObject({ id: 'new' })
  })

  test('a 400 is final: no second attempt', async () => {
    const { trove, deps, deadline } = setup()
    nock(TROVE)
      .post(`${TROVE_BASE}/backups`)
      .reply(400, { badRequest: { code: 400, message: 'Validation error' } })
    await expect(createBackupOnce(trove, 'shop-db', request, deadline, deps)).rejects.toThrow(
      /400 badRequest: Validation error/
    )
  })
})
