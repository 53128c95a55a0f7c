import { utc } from './summary.js'
import type { InstanceReport, ReportDocument } from './document.js'

export interface Warning {
  title: string
  message: string
}

/**
 * One annotation per kind of finding, naming every instance it concerns: GitHub shows only the
 * first 10 warning annotations of a step, so a report over 50 instances must not spend them one
 * instance at a time. Most urgent kinds first.
 */
export function reportWarnings(doc: ReportDocument): Warning[] {
  const p = doc.policy
  const limit = `${p.maxAgeHours} h + ${p.graceHours} h grace`
  const kinds: [string, (i: InstanceReport) => string | undefined][] = [
    [
      'No backup',
      (i) =>
        i.verdict === 'none'
          ? `${i.name} (${i.id}) has no COMPLETED backup at all (${i.counts.total} listed)`
          : undefined
    ],
    [
      'Stale backup',
      (i) =>
        i.verdict === 'stale' && i.latestBackup
          ? `${i.name}: the newest COMPLETED backup is ${i.latestBackup.ageHours} h old (limit ${limit}), from ${utc(i.latestBackup.created)}`
          : undefined
    ],
    [
      'Backups not restorable',
      (i) => {
        if (i.notRestorable.length === 0) return undefined
        const reasons = [...new Set(i.notRestorable.map((b) => b.reason))].join('; ')
        return `${i.name}: ${i.notRestorable.length} of ${i.counts.usable} COMPLETED backups cannot be restored (${reasons})`
      }
    ],
    [
      'Failed backups',
      (i) =>
        i.failedInWindow.length > 0
          ? `${i.name}: ${i.failedInWindow.length} FAILED backup(s) in the last ${p.gapWindowDays} days, newest ${utc(i.failedInWindow[0]?.created ?? '')}`
          : undefined
    ],
    [
      'Backups past retention',
      (i) =>
        i.pastRetention.length > 0
          ? `${i.name}: ${i.pastRetention.length} backup(s) older than the ${p.retentionDays}-day retention (oldest ${i.pastRetention[0]?.ageDays} days); the provider should have deleted them — check the retention`
          : undefined
    ],
    [
      'Backups expiring',
      (i) => {
        const next = i.expiringSoon[0]
        return next
          ? `${i.name}: ${i.expiringSoon.length} backup(s) expire within ${p.expiryWarningDays} days, the first (${next.name}) on ${utc(next.expiresAt)}`
          : undefined
      }
    ]
  ]
  const warnings: Warning[] = []
  for (const [title, describe] of kinds) {
    const lines = doc.instances.map(describe).filter((l): l is string => l !== undefined)
    if (lines.length === 0) continue
    const shown = lines.slice(0, 20)
    if (lines.length > shown.length) shown.push(`… and ${lines.length - shown.length} more`)
    warnings.push({ title, message: shown.join('\n') })
  }
  return warnings
}
