import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { projectWide } from '../../../../src/commands/report/index.js'
import { listProjectBackups } from '../../../../src/commands/report/project-walk.js'
import {
  backupJson,
  makeClient,
  mockKeystone,
  TROVE,
  TROVE_BASE
} from '../../helpers/fake-cloud.js'

const NOW = Date.parse('2026-11-25T12:00:00Z') // FakeClock's start
const at = (minutesAgo: number): string =>
  new Date(NOW - minutesAgo * 60_000).toISOString().slice(0, 19)
const b = (id: string, minutesAgo: number, status = 'COMPLETED') =>
  backupJson(id, { status, created: at(minutesAgo + 60), updated: at(minutesAgo) })
const next = (marker: number, limit: number) => [
  { rel: 'next', href: `https://elsewhere/v1.0/p/backups?limit=${limit}&marker=${marker}` }
]

describe('listing the whole project in large pages', () => {
  test('a backup that finishes during the walk jumps to the head and is still caught', async () => {
    mockKeystone()
    const scope = nock(TROVE)
      // Page 1, then "c" completes: it moves to the head and page 2 no longer has it.
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '2' })
      .reply(200, { backups: [b('a', 100), b('b', 200)], links: next(2, 2) })
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '2', marker: '2' })
      .reply(200, { backups: [b('b', 200), b('d', 400)] })
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '100' })
      .reply(200, { backups: [b('c', 0), b('a', 100), b('b', 200), b('d', 400)] })
    const { trove, clock } = makeClient()
    const all = await listProjectBackups(trove, 2, clock.now)
    expect(scope.isDone()).toBe(true)
    expect(all.map((x) => x.id).sort()).toEqual(['a', 'b', 'c', 'd'])
  })

  test('the fresher copy wins, and a busy head is read further until it predates the walk', async () => {
    mockKeystone()
    const head = Array.from({ length: 100 }, (_, i) => b(`n${i}`, 1))
    const scope = nock(TROVE)
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '1000' })
      .reply(200, { backups: [b('x', 30, 'BUILDING'), b('old', 5000)] })
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '100' })
      .reply(200, { backups: head, links: next(100, 100) })
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '400' })
      .reply(200, { backups: [...head, b('x', 0), b('old', 5000)] })
    const { trove, clock } = makeClient()
    const all = await listProjectBackups(trove, 1000, clock.now)
    expect(scope.isDone()).toBe(true)
    expect(all).toHaveLength(102)
    expect(all.find((x) => x.id === 'x')?.status).toBe('COMPLETED')
  })
})

describe('when a report lists the whole project instead of each instance', () => {
  test.each([
    [1, undefined, false],
    [50, 50, true],
    [5, 10, true],
    [4, 4, false],
    [6, 100, false],
    [50, 60, true]
  ] as const)('%i of %s instances → project-wide %s', (chosen, inProject, expected) => {
    expect(projectWide(chosen, inProject)).toBe(expected)
  })
})
