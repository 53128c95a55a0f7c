import { afterEach, expect, test } from '@jest/globals'
import nock from 'nock'
import { cleanupAfterCancel } from '../../../../src/host/cli/cancel-cleanup.js'
import { STATE_KEYS } from '../../../../src/cloud/leftovers.js'
import { instanceJson, mockKeystone, TROVE, TROVE_BASE } from '../../helpers/fake-cloud.js'
import { fakeContext } from '../../helpers/fake-context.js'

const ID = '44444444-4444-4444-8444-444444444444'
const NAME = 'dbaas-verify-0badc0de-rlocal1-1'

afterEach(() => nock.cleanAll())

test('after Ctrl-C, waits until an instance in BUILD can be deleted, deletes it and confirms', async () => {
  mockKeystone()
  const trove = nock(TROVE)
  trove
    .get(`${TROVE_BASE}/instances/${ID}`)
    .reply(200, { instance: instanceJson(ID, { name: NAME, status: 'BUILD' }) })
  trove
    .delete(`${TROVE_BASE}/instances/${ID}`)
    .reply(422, { unprocessableEntity: { message: 'Instance is not ready. (Status is BUILD)' } })
  trove.delete(`${TROVE_BASE}/instances/${ID}`).reply(202)
  trove.get(`${TROVE_BASE}/instances/${ID}`).reply(404, { itemNotFound: { message: 'gone' } })
  const r = fakeContext({})
  const state = new Map([[STATE_KEYS.tempInstance, JSON.stringify({ name: NAME, id: ID })]])
  await cleanupAfterCancel(state, r.context)
  expect(trove.isDone()).toBe(true)
  expect(r.logs.join('\n')).toMatch(/is gone/)
})

test('does nothing when the drill already confirmed the delete, or for a name not of ours', async () => {
  const r = fakeContext({})
  const done = new Map([
    [STATE_KEYS.tempInstance, JSON.stringify({ name: NAME, id: ID })],
    [STATE_KEYS.tempInstanceDone, 'true']
  ])
  await cleanupAfterCancel(done, r.context)
  const foreign = new Map([[STATE_KEYS.tempInstance, JSON.stringify({ name: 'prod-db', id: ID })]])
  await cleanupAfterCancel(foreign, r.context)
  await cleanupAfterCancel(new Map(), r.context)
  expect(r.cloudCalls()).toBe(0)
})

test('a forged state: the recorded id now names another instance, so nothing is deleted', async () => {
  mockKeystone()
  const trove = nock(TROVE)
  // The saved id belongs to a user's own instance; only the saved name carries our marker.
  trove
    .get(`${TROVE_BASE}/instances/${ID}`)
    .reply(200, { instance: instanceJson(ID, { name: 'shop-db' }) })
  const r = fakeContext({})
  const forged = new Map([[STATE_KEYS.tempInstance, JSON.stringify({ name: NAME, id: ID })]])
  await cleanupAfterCancel(forged, r.context)
  expect(trove.isDone()).toBe(true)
  expect(r.logs.join('\n')).toMatch(/is named "shop-db", not "dbaas-verify-0badc0de-rlocal1-1"/)
  // Any DELETE would have found no interceptor and failed the clean-up with a warning.
  expect(r.logs.join('\n')).not.toMatch(/Could not delete/)
})
