import type { DatabaseTables } from './inventory.js'
import type { Verdict } from './recorder.js'
import type { Server } from '../database/server.js'

/**
 * The engine's own consistency checks in every checked database. Skipped databases (amcheck not
 * allowed) pass with the reason: the user cannot fix that on a DBaaS, and it says nothing
 * against the backup.
 */
export async function checkIntegrity(
  server: Server,
  databases: DatabaseTables[],
  warn: (message: string) => void
): Promise<Verdict> {
  const failures: string[] = []
  const skipped: string[] = []
  let checked = 0
  for (const db of databases) {
    if (db.error !== undefined) continue
    const outcome = await server.engine.integrity(
      await server.pool.get(db.name),
      db.name,
      db.tables
    )
    checked += outcome.checked
    failures.push(...outcome.failures)
    if (outcome.skipped) skipped.push(outcome.skipped)
  }
  const what =
    server.target.engine === 'postgresql' ? 'btree index(es) (amcheck)' : 'table(s) (CHECK TABLE)'
  const skipNote = skipped.length > 0 ? `skipped: ${skipped.join('; ')}` : ''
  if (skipped.length > 0) warn(`Integrity check ${skipNote}`)
  if (failures.length > 0) {
    return { passed: false, detail: `${failures.length} damaged: ${failures.join('; ')}` }
  }
  const done = `${checked} ${what} OK`
  if (checked === 0 && skipped.length > 0) return { passed: false, skipped: true, detail: skipNote }
  return { passed: true, detail: skipNote ? `${done}; ${skipNote}` : done }
}
