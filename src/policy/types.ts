// The policy's vocabulary. Pure data: no I/O, no GitHub, no HTTP client — the report command
// feeds these from the cloud, the tests feed them from tables.

/** ok: the newest usable backup is young enough; stale: too old; none: there is none. */
export type Verdict = 'ok' | 'stale' | 'none'

/**
 * The provider's promise, in milliseconds. Its defaults (CSC Pukki's, docs/trove-api.md §7) are
 * action.yml's: inputs/report.ts reads them.
 */
export interface Policy {
  /** The newest usable backup must be younger than this … */
  maxAgeMs: number
  /** … plus this slack: automatic backups come "about" every 24 h. */
  graceMs: number
  /** How long the provider keeps a backup before deleting it. */
  retentionMs: number
  /** Report backups that expire within this. */
  expiryWarningMs: number
  /** Look for gaps and FAILED backups over this recent window. */
  gapWindowMs: number
}

/** What the policy needs of a backup. The client's `Backup` fits this shape. */
export interface BackupRecord {
  id: string
  name: string
  status: string
  created: Date
  sizeGb?: number
  datastore?: { type: string; version: string; versionId?: string }
}

/** A datastore version as the cloud lists it. Clouds hide inactive ones from non-admins. */
export interface OfferedVersion {
  id: string
  name: string
  active: boolean
}

/** Datastore name → the versions the cloud lists for it (empty: the datastore is gone). */
export type OfferedVersions = ReadonlyMap<string, readonly OfferedVersion[]>

export interface BackupRef {
  id: string
  name: string
  status: string
  /** ISO 8601, UTC. */
  created: string
}

export interface Gap {
  /** ISO 8601, UTC: the earlier backup. */
  from: string
  /** ISO 8601, UTC: the later backup, or now for the gap since the newest backup. */
  to: string
  hours: number
  /** True for the open gap from the newest backup to now. */
  toNow: boolean
}

export interface ExpiringBackup extends BackupRef {
  expiresAt: string
  expiresInHours: number
}

export interface OverdueBackup extends BackupRef {
  ageDays: number
}

export interface UnrestorableBackup extends BackupRef {
  datastore?: string
  version?: string
  reason: string
}

export interface SkewedBackup extends BackupRef {
  /** How far in the future its `created` lies (a clock difference between cloud and runner). */
  aheadSeconds: number
}

export interface Evaluation {
  verdict: Verdict
  /** The newest usable (COMPLETED or RESTORED) backup. */
  latest?: BackupRef & { ageHours: number }
  /** The oldest backup of any status. */
  oldest?: BackupRef & { ageDays: number }
  counts: { total: number; usable: number; failed: number; running: number; other: number }
  sizeGb: number
  /** FAILED backups created within the gap window. */
  failedInWindow: BackupRef[]
  /** Intervals between consecutive usable backups over the gap window, oldest first. */
  gaps: Gap[]
  largestGap?: Gap
  expiringSoon: ExpiringBackup[]
  pastRetention: OverdueBackup[]
  notRestorable: UnrestorableBackup[]
  clockSkew: SkewedBackup[]
}
