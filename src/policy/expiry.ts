import type { BackupRecord, ExpiringBackup, OverdueBackup, Policy } from './types.js'
import { refOf } from './status.js'
import { ageMs, DAY_MS, HOUR_MS, iso, round2 } from './time.js'

/** Backups the provider will delete within `expiryWarningMs` (created + retention − now). */
export function expiringSoon(
  backups: readonly BackupRecord[],
  now: number,
  policy: Policy
): ExpiringBackup[] {
  const result: ExpiringBackup[] = []
  for (const backup of backups) {
    const left = policy.retentionMs - ageMs(backup.created, now)
    if (left <= 0 || left > policy.expiryWarningMs) continue
    result.push({
      ...refOf(backup),
      expiresAt: iso(now + left),
      expiresInHours: round2(left / HOUR_MS)
    })
  }
  return result.sort((a, b) => a.expiresInHours - b.expiresInHours)
}

/**
 * Backups older than the retention. The provider deletes them, so they should not exist: one
 * means the retention drifted (or the policy input is wrong) — worth a look either way.
 */
export function pastRetention(
  backups: readonly BackupRecord[],
  now: number,
  policy: Policy
): OverdueBackup[] {
  return backups
    .filter((b) => ageMs(b.created, now) > policy.retentionMs)
    .map((b) => ({ ...refOf(b), ageDays: round2(ageMs(b.created, now) / DAY_MS) }))
    .sort((a, b) => b.ageDays - a.ageDays)
}
