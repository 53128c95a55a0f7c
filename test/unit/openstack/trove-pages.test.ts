import { describe, expect, test } from '@jest/globals'
import { type OpenStackSession, TroveClient } from '../../../src/openstack/index.js'
import { waitUntil } from '../../helpers/wait-until.js'
import { backupJson } from '../helpers/fake-cloud.js'

// The backup walk with several pages in flight (TroveClient.listBackups `concurrency`). A fake
// session answers like Trove's offset paging (docs/trove-api.md §2.4) and holds every answer until
// the test lets it go, so what is in flight at once is seen, not guessed from timings.

interface Pending {
  marker: string | undefined
  limit: number
  answer: () => void
  fail: (error: Error) => void
}

/** Upstream paging over `ids`: offset markers, a next link on every full page and on no other. */
function fakeTrove(
  ids: string[],
  page: (offset: number, limit: number) => unknown = upstream(ids)
) {
  const pending: Pending[] = []
  const asked: (string | undefined)[] = []
  const session = {
    database: (request: { path: string }) => {
      const query = new URLSearchParams(request.path.slice(request.path.indexOf('?') + 1))
      const marker = query.get('marker') ?? undefined
      const limit = Number(query.get('limit') ?? '20')
      asked.push(marker)
      return new Promise((resolve, reject) => {
        pending.push({
          marker,
          limit,
          answer: () => resolve({ status: 200, body: page(Number(marker ?? '0'), limit) }),
          fail: reject
        })
      })
    }
  } as unknown as OpenStackSession
  return { trove: new TroveClient(session), pending, asked }
}

function upstream(ids: string[]) {
  return (offset: number, limit: number) => {
    const backups = ids.slice(offset, offset + limit).map((id) => backupJson(id))
    return backups.length === limit
      ? {
          backups,
          links: [
            { rel: 'next', href: `https://x/backups?limit=${limit}&marker=${offset + limit}` }
          ]
        }
      : { backups }
  }
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `b${i}`)

/** Answers whatever is pending, newest first, until the walk ends. */
async function answerAll(
  pending: Pending[],
  walk: Promise<unknown>,
  seen: { most: number }
): Promise<void> {
  let done = false
  void walk.finally(() => (done = true)).catch(() => undefined)
  while (!done) {
    await waitUntil(() => done || pending.length > 0, { what: 'a request or the end' })
    seen.most = Math.max(seen.most, pending.length)
    pending.pop()?.answer()
  }
}

describe('backup pages in flight at once', () => {
  test('after the first page, up to `concurrency` pages are asked for together; all backups in order', async () => {
    const { trove, pending, asked } = fakeTrove(ids(50))
    const walk = trove.listBackups({ pageSize: 10, concurrency: 3 })
    await waitUntil(() => pending.length, { what: 'the first page', until: (n) => n === 1 })
    pending.pop()?.answer()
    await waitUntil(() => pending.length, { what: 'three pages at once', until: (n) => n === 3 })
    expect(pending.map((p) => p.marker).sort()).toEqual(['10', '20', '30'])
    const seen = { most: 0 }
    await answerAll(pending, walk, seen)
    const backups = await walk
    expect(backups.map((b) => b.id)).toEqual(ids(50))
    expect(seen.most).toBeLessThanOrEqual(3)
    // Page 5 (offset 50) is empty and ends the walk; at most two more were asked for.
    expect(asked.length).toBeLessThanOrEqual(6 + 2)
  })

  test('a short page ends the walk even when later pages come back first', async () => {
    const { trove, pending } = fakeTrove(ids(25))
    const walk = trove.listBackups({ pageSize: 10, concurrency: 4 })
    await answerAll(pending, walk, { most: 0 })
    expect((await walk).map((b) => b.id)).toEqual(ids(25))
  })

  test('one page at a time without `concurrency`, as before', async () => {
    const { trove, pending } = fakeTrove(ids(30))
    const walk = trove.listBackups({ pageSize: 10 })
    const seen = { most: 0 }
    await answerAll(pending, walk, seen)
    expect((await walk).map((b) => b.id)).toEqual(ids(30))
    expect(seen.most).toBe(1)
  })

  test('a first page whose marker is not the offset is walked one page at a time', async () => {
    // This server's markers are seven times the offset: never what the offset rule predicts.
    const all = ids(30)
    const { trove, pending, asked } = fakeTrove(all, (marker, limit) => {
      const offset = marker / 7
      const backups = all.slice(offset, offset + limit).map((id) => backupJson(id))
      return backups.length === limit
        ? {
            backups,
            links: [{ rel: 'next', href: `https://x/backups?marker=${(offset + limit) * 7}` }]
          }
        : { backups }
    })
    const walk = trove.listBackups({ pageSize: 10, concurrency: 4 })
    const seen = { most: 0 }
    await answerAll(pending, walk, seen)
    expect((await walk).map((b) => b.id)).toEqual(all)
    expect(seen.most).toBe(1)
    expect(asked).toEqual([undefined, '70', '140', '210'])
  })

  test('a page that fails before the end fails the walk', async () => {
    const { trove, pending } = fakeTrove(ids(50))
    const walk = trove.listBackups({ pageSize: 10, concurrency: 3 })
    void walk.catch(() => undefined)
    await waitUntil(() => pending.length, { what: 'the first page', until: (n) => n === 1 })
    pending.pop()?.answer()
    await waitUntil(() => pending.length, { what: 'three pages', until: (n) => n === 3 })
    const second = pending.find((p) => p.marker === '20')
    second?.fail(new Error('Trove: list backups: HTTP 500'))
    for (const p of pending.filter((x) => x !== second)) p.answer()
    await expect(walk).rejects.toThrow('500')
  })
})
