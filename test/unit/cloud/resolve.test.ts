import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { InputError } from '../../../src/errors.js'
import { globToRegExp, resolveTargets } from '../../../src/cloud/resolve.js'
import { instanceJson, makeClient, mockKeystone, TROVE, TROVE_BASE } from '../helpers/fake-cloud.js'

const ID = (n: number): string => `00000000-0000-4000-8000-00000000000${n}`

function listing(names: string[]): void {
  mockKeystone()
  nock(TROVE)
    .get(`${TROVE_BASE}/instances`)
    .query(true)
    .reply(200, { instances: names.map((name, i) => instanceJson(ID(i), { name })) })
}

describe('which instances a report covers', () => {
  test('"all" is every instance of the project, sorted by name', async () => {
    listing(['shop-db', 'auth-db', 'blog-db'])
    const { instances: found, projectInstances } = await resolveTargets(makeClient().trove, {
      kind: 'all'
    })
    expect(found.map((i) => i.name)).toEqual(['auth-db', 'blog-db', 'shop-db'])
    expect(projectInstances).toBe(3)
  })

  test('a list mixes names, ids and globs, each instance once', async () => {
    listing(['shop-db', 'shop-db-staging', 'auth-db', 'blog'])
    const { instances: found } = await resolveTargets(makeClient().trove, {
      kind: 'list',
      refs: ['shop-*', ID(2), 'shop-db', 'bl?g']
    })
    expect(found.map((i) => i.name)).toEqual(['auth-db', 'blog', 'shop-db', 'shop-db-staging'])
  })

  test.each([
    ['a glob that matches nothing', ['prod-*'], /"prod-\*" matches no instance; instances: a, b/],
    ['an unknown name', ['c'], /"c" matches no instance; instances: a, b/]
  ])('%s is an error naming "instances" and listing what exists', async (_name, refs, message) => {
    listing(['b', 'a'])
    const error = await resolveTargets(makeClient().trove, { kind: 'list', refs }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('instances')
    expect((error as Error).message).toMatch(message)
  })

  test('an ambiguous name asks for the id', async () => {
    listing(['twin', 'twin'])
    await expect(
      resolveTargets(makeClient().trove, { kind: 'list', refs: ['twin'] })
    ).rejects.toThrow(/names 2 instances .*use the id instead/)
  })

  test('globs treat regex characters literally', () => {
    expect(globToRegExp('db.(1)*').test('db.(1)-x')).toBe(true)
    expect(globToRegExp('db.1').test('dbx1')).toBe(false)
  })
})
