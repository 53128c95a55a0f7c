import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { cloudInputs, runAction } from './helpers/run-action.js'

// list mode through the action bundle: the matrix a workflow feeds to strategy.matrix.
jest.setTimeout(120_000)

let cloud: RunningCloud
let ids: string[]

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
  ids = await cloud.admin.seedInstances(3, { names: ['shop-db', 'blog-db', 'analytics'] })
  await cloud.admin.seedInstances(1, { names: ['maria-db'], datastore: 'mariadb' })
}, 60_000)

afterAll(async () => {
  await cloud?.stop()
})

type Matrix = { include: { id: string; name: string; datastore: string; version: string }[] }

describe('list mode on the local cloud', () => {
  test('every instance by default, sorted by name, usable as fromJSON(matrix)', async () => {
    const result = await runAction('main', { mode: 'list', ...cloudInputs(cloud.info) })
    expect(result.exitCode).toBe(0)
    const matrix = JSON.parse(result.outputs.matrix as string) as Matrix
    expect(matrix.include.map((i) => i.name)).toEqual([
      'analytics',
      'blog-db',
      'maria-db',
      'shop-db'
    ])
    expect(result.outputs.count).toBe('4')
    const shop = matrix.include.find((i) => i.name === 'shop-db')
    expect(shop).toEqual({
      id: ids[0],
      name: 'shop-db',
      datastore: 'postgresql',
      version: expect.any(String)
    })
    expect(matrix.include.find((i) => i.name === 'maria-db')?.datastore).toBe('mariadb')
    expect(result.summary).toContain('Instances: 4')
    expect(result.summary).toMatch(/\| shop-db \|/)
  })

  test('summary: false writes no job summary; the outputs stay', async () => {
    const result = await runAction('main', {
      mode: 'list',
      summary: 'false',
      ...cloudInputs(cloud.info)
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.count).toBe('4')
    expect(result.summary).toBe('')
  })

  test('instances: a list and globs filter; a name matching nothing fails naming the instances', async () => {
    const some = await runAction('main', {
      mode: 'list',
      instances: '*-db, analytics',
      ...cloudInputs(cloud.info)
    })
    expect(some.exitCode).toBe(0)
    const matrix = JSON.parse(some.outputs.matrix as string) as Matrix
    expect(matrix.include.map((i) => i.name)).toEqual([
      'analytics',
      'blog-db',
      'maria-db',
      'shop-db'
    ])

    const none = await runAction('main', {
      mode: 'list',
      instances: 'nope-*',
      ...cloudInputs(cloud.info)
    })
    expect(none.exitCode).toBe(1)
    expect(none.annotations.join('\n')).toMatch(
      /Input "instances": "nope-\*" matches no instance; instances: analytics/
    )
  })
})
