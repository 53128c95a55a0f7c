import type { Backup, TroveClient } from '../../openstack/index.js'

/** How far the cloud's clock may lag ours and still have a mid-walk update caught. */
const CLOCK_MARGIN_MS = 10 * 60_000

/**
 * Every backup of the project in pages of `pageSize`, for reports over most of its instances:
 * ~total/pageSize requests instead of one per instance.
 *
 * Backups are paged by OFFSET in `updated DESC` order (docs/trove-api.md §2.4). A backup updated during
 * the walk (an automatic backup finishing) jumps to the head and the rest shift: the client's
 * dedupe handles the repeat, but the moved backup itself can be missed — and missing a backup
 * that just COMPLETED would report a false "stale". Anything updated during the walk sits at the
 * head afterwards, so re-read the head until it reaches backups updated before the walk began,
 * and let those fresher copies win.
 *
 * The pages are read `concurrency` at a time (offsets are known ahead, see TroveClient.listBackups):
 * the walk takes about total/pageSize/concurrency round trips instead of total/pageSize.
 */
export async function listProjectBackups(
  trove: TroveClient,
  pageSize: number,
  now: () => number,
  concurrency = 1
): Promise<Backup[]> {
  const walkStart = now() - CLOCK_MARGIN_MS
  const byId = new Map<string, Backup>()
  for (const b of await trove.listBackups({ pageSize, concurrency })) byId.set(b.id, b)
  for (let head = 100; ; head *= 4) {
    const fresh = await trove.listBackups({ pageSize: head, maxPages: 1 })
    for (const b of fresh) byId.set(b.id, b)
    const last = fresh[fresh.length - 1]
    if (fresh.length < head || !last || last.updated.getTime() < walkStart) break
  }
  return [...byId.values()]
}
