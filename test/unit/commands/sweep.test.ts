import { expect, test } from '@jest/globals'
import nock from 'nock'
import { sweep } from '../../../src/commands/sweep.js'
import { backupJson, instanceJson, mockKeystone, TROVE, TROVE_BASE } from '../helpers/fake-cloud.js'
import { fakeContext } from '../helpers/fake-context.js'

const BACKUP = '0badc0de-1111-4222-8333-444455556666'
// Days before the fake clock's now: far older than any ttl.
const OLD = '2026-11-20T10:00:00'

function projectBackups(): void {
  nock(TROVE)
    .get(`${TROVE_BASE}/backups`)
    .query(true)
    .reply(200, { backups: [backupJson(BACKUP)] })
}

test('sweep skips a temporary instance that vanishes between the list and the show', async () => {
  mockKeystone(['tok'])
  projectBackups()
  nock(TROVE)
    .get(`${TROVE_BASE}/instances`)
    .query(true)
    .reply(200, {
      instances: [
        instanceJson('gone-1', { name: 'dbaas-verify-0badc0de-r7-1' }),
        instanceJson('keep-1', { name: 'shop-db' })
      ]
    })
    .get(`${TROVE_BASE}/instances/gone-1`)
    .reply(404, { itemNotFound: { code: 404, message: 'Resource gone-1 cannot be found.' } })
  const recorded = fakeContext({ mode: 'sweep' })
  await sweep(recorded.context)
  expect(recorded.outputs['swept-count']).toBe(0)
})

test('a marker name whose backup part is no backup of this project is not ours: warned, never deleted', async () => {
  mockKeystone(['tok'])
  projectBackups()
  // No DELETE interceptor: a delete would fail the sweep.
  nock(TROVE)
    .get(`${TROVE_BASE}/instances`)
    .query(true)
    .reply(200, {
      instances: [instanceJson('x-1', { name: 'dbaas-verify-deadbeef-r1-1', created: OLD })]
    })
  const recorded = fakeContext({ mode: 'sweep' })
  await sweep(recorded.context)
  expect(recorded.outputs['swept-count']).toBe(0)
  expect(recorded.warnings.map((w) => w.message).join('\n')).toMatch(
    /dbaas-verify-deadbeef-r1-1 .*no backup of this project starts with its id part; not deleting it/
  )
})

test('dry-run lists an old leftover of ours and deletes nothing', async () => {
  mockKeystone(['tok'])
  projectBackups()
  const name = 'dbaas-verify-0badc0de-r7-1'
  nock(TROVE)
    .get(`${TROVE_BASE}/instances`)
    .query(true)
    .reply(200, { instances: [instanceJson('old-1', { name })] })
    .get(`${TROVE_BASE}/instances/old-1`)
    .reply(200, { instance: instanceJson('old-1', { name, created: OLD }) })
  const recorded = fakeContext({ mode: 'sweep', 'dry-run': 'true' })
  await sweep(recorded.context)
  expect(recorded.outputs['swept-count']).toBe(0)
  expect(recorded.summary.join('\n')).toMatch(/dry-run.*1 leftover.*would be deleted/)
  expect(recorded.logs.join('\n')).toMatch(/Would delete dbaas-verify-0badc0de-r7-1 \(old-1\)/)
})

test('a leftover in ERROR that still reads ERROR while it is deleted is waited for until it is gone', async () => {
  mockKeystone(['tok'])
  projectBackups()
  const name = 'dbaas-verify-0badc0de-r7-1'
  const failed = instanceJson('err-1', { name, created: OLD, status: 'ERROR' })
  // trove-api reads ERROR all through the delete of an instance whose server failed.
  nock(TROVE)
    .get(`${TROVE_BASE}/instances`)
    .query(true)
    .reply(200, { instances: [failed] })
    .get(`${TROVE_BASE}/instances/err-1`)
    .reply(200, { instance: failed })
    .delete(`${TROVE_BASE}/instances/err-1`)
    .reply(202)
    .get(`${TROVE_BASE}/instances/err-1`)
    .times(2)
    .reply(200, { instance: failed })
    .get(`${TROVE_BASE}/instances/err-1`)
    .reply(404, { itemNotFound: { code: 404, message: 'Resource err-1 cannot be found.' } })
  const recorded = fakeContext({ mode: 'sweep' })
  await sweep(recorded.context)
  expect(recorded.outputs['swept-count']).toBe(1)
  expect(nock.isDone()).toBe(true)
})
