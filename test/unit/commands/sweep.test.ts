import { expect, test } from '@jest/globals'
import nock from 'nock'
import { sweep } from '../../../src/commands/sweep.js'
import { instanceJson, mockKeystone, TROVE, TROVE_BASE } from '../helpers/fake-cloud.js'
import { fakeContext } from '../helpers/fake-context.js'

test('sweep skips a temporary instance that vanishes between the list and the show', async () => {
  mockKeystone(['tok'])
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
