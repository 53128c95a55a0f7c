import type { BackupRecord, Policy } from '../../../src/policy/index.js'

export const NOW = Date.parse('2026-11-25T12:00:00Z')
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** CSC Pukki's promise: a backup a day, kept 90 days (action.yml's defaults). */
export const DEFAULT_POLICY: Policy = {
  maxAgeMs: 24 * HOUR,
  graceMs: 2 * HOUR,
  retentionMs: 90 * DAY,
  expiryWarningMs: 7 * DAY,
  gapWindowMs: 30 * DAY
}

let counter = 0

/** A backup `ageHours` before NOW (negative: in the future). */
export function backup(ageHours: number, overrides: Partial<BackupRecord> = {}): BackupRecord {
  counter++
  return {
    id: `b-${String(counter).padStart(4, '0')}`,
    name: `auto-${counter}`,
    status: 'COMPLETED',
    created: new Date(NOW - ageHours * HOUR),
    sizeGb: 0.5,
    datastore: { type: 'postgresql', version: '15', versionId: 'v-15' },
    ...overrides
  }
}

/** One backup a day at the same time, `days` of them, skipping the given days-ago. */
export function daily(days: number, skip: number[] = [], offsetHours = 3): BackupRecord[] {
  const result: BackupRecord[] = []
  for (let d = 0; d < days; d++) if (!skip.includes(d)) result.push(backup(d * 24 + offsetHours))
  return result
}
