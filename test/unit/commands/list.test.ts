import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { list } from '../../../src/commands/list.js'
import { InputError } from '../../../src/errors.js'
import { instanceJson, mockKeystone, TROVE, TROVE_BASE } from '../helpers/fake-cloud.js'
import { fakeContext } from '../helpers/fake-context.js'

const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'
const C = '33333333-3333-4333-8333-333333333333'

function mockInstances(): void {
  mockKeystone()
  nock(TROVE)
    .get(`${TROVE_BASE}/instances`)
    .query(true)
    .reply(200, {
      instances: [
        instanceJson(A, { name: 'shop-db' }),
        instanceJson(B, { name: 'blog-db', datastore: { type: 'mariadb', version: '10.11' } }),
        instanceJson(C, { name: 'analytics' })
      ]
    })
}

afterEach(() => nock.cleanAll())

describe('list mode', () => {
  test('outputs every instance as a strategy.matrix include list, sorted by name, and a count', async () => {
    mockInstances()
    const r = fakeContext({})
    await list(r.context)
    const matrix = JSON.parse(String(r.outputs.matrix)) as { include: unknown[] }
    expect(matrix).toEqual({
      include: [
        { id: C, name: 'analytics', datastore: 'postgresql', version: '17.2' },
        { id: B, name: 'blog-db', datastore: 'mariadb', version: '10.11' },
        { id: A, name: 'shop-db', datastore: 'postgresql', version: '17.2' }
      ]
    })
    expect(r.outputs.count).toBe(3)
    expect(r.summary.join('')).toMatch(
      /Instances: 3[\s\S]*\| blog-db \| .* \| mariadb \| 10\.11 \|/
    )
  })

  test('instances filters with names and globs, as report does', async () => {
    mockInstances()
    const r = fakeContext({ instances: '*-db' })
    await list(r.context)
    const matrix = JSON.parse(String(r.outputs.matrix)) as { include: { name: string }[] }
    expect(matrix.include.map((i) => i.name)).toEqual(['blog-db', 'shop-db'])
    expect(r.outputs.count).toBe(2)
  })

  test('a name that matches nothing is bad input listing the instances', async () => {
    mockInstances()
    const r = fakeContext({ instances: 'nope' })
    await expect(list(r.context)).rejects.toThrow(InputError)
  })

  test('an empty project gives an empty matrix', async () => {
    mockKeystone()
    nock(TROVE).get(`${TROVE_BASE}/instances`).query(true).reply(200, { instances: [] })
    const r = fakeContext({ instances: 'all' })
    await list(r.context)
    expect(r.outputs.matrix).toBe('{"include":[]}')
    expect(r.outputs.count).toBe(0)
  })
})
