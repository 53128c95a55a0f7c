import type { BackupRecord, BackupRef } from './types.js'

// RESTORED marks an imported backup; Trove restores from it like from a COMPLETED one
// (docs/trove-api.md §3.3), so both count as usable — for the report, for a restore
// and as the base of an incremental backup alike.
const USABLE = new Set(['COMPLETED', 'RESTORED'])
const RUNNING = new Set(['NEW', 'BUILDING', 'SAVING'])

export function isUsable(backup: BackupRecord): boolean {
  return USABLE.has(backup.status)
}

export function isRunning(backup: BackupRecord): boolean {
  return RUNNING.has(backup.status)
}

export function isFailed(backup: BackupRecord): boolean {
  return backup.status === 'FAILED'
}

/** The backup as the report names it; `created` as the cloud said, even when in the future. */
export function refOf(backup: BackupRecord): BackupRef {
  return {
    id: backup.id,
    name: backup.name,
    status: backup.status,
    created: backup.created.toISOString()
  }
}

/** The newest backup a restore can start from, if any. */
export function newestUsable<T extends BackupRecord>(backups: readonly T[]): T | undefined {
  return newestFirst(backups.filter(isUsable))[0]
}

/** Newest first; ties broken by id so the order never depends on the listing. */
export function newestFirst<T extends BackupRecord>(backups: readonly T[]): T[] {
  return [...backups].sort(
    (a, b) => b.created.getTime() - a.created.getTime() || (a.id < b.id ? -1 : 1)
  )
}
