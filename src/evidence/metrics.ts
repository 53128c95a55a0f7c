// What report, verify and mirror tell a monitoring system: one gauge per figure, named
// `dbaas_backup_…` with the unit as the suffix (Prometheus naming: base units, `_seconds`,
// `_bytes`, `_timestamp_seconds` for Unix times), labelled with the instance. Verdicts are 0/1
// gauges so an alert is `== 0`. Ages go stale while cron sleeps; the `_timestamp_seconds` twins
// and `dbaas_backup_last_run_timestamp_seconds` let an alert compute the age at query time.
import { findSample, type Gauge, type Sample } from '../format/prometheus.js'

export type Labels = Record<string, string>

const seconds = (ms: number): number => Math.round(ms / 1000)
const unixSeconds = (ms: number): number => Math.floor(ms / 1000)

/** The labels of one instance: its name (what people alert on) and its id. */
export function instanceLabels(name: string, id: string): Labels {
  return { instance: name, instance_id: id }
}

function gauge(name: string, help: string, samples: (Sample | undefined)[]): Gauge {
  return { name, help, samples: samples.filter((s): s is Sample => s !== undefined) }
}

function lastRun(mode: string, nowMs: number): Gauge {
  return gauge(
    'dbaas_backup_last_run_timestamp_seconds',
    'When dbaas-backup last wrote this file (Unix time).',
    [{ labels: { mode }, value: unixSeconds(nowMs) }]
  )
}

export interface ReportFigures {
  labels: Labels
  verdict: 'ok' | 'stale' | 'none'
  /** The newest usable backup's creation time (ms), when there is one. */
  newestCreatedMs?: number
  backups: number
  usableBackups: number
}

export function reportGauges(instances: readonly ReportFigures[], nowMs: number): Gauge[] {
  const each = (value: (i: ReportFigures) => number | undefined): (Sample | undefined)[] =>
    instances.map((i) => {
      const v = value(i)
      return v === undefined ? undefined : { labels: i.labels, value: v }
    })
  return [
    lastRun('report', nowMs),
    gauge(
      'dbaas_backup_newest_age_seconds',
      'Age of the newest usable (COMPLETED) backup when the report ran; absent when there is none.',
      each((i) =>
        i.newestCreatedMs === undefined
          ? undefined
          : Math.max(0, seconds(nowMs - i.newestCreatedMs))
      )
    ),
    gauge(
      'dbaas_backup_newest_timestamp_seconds',
      'Creation time of the newest usable backup (Unix time).',
      each((i) => (i.newestCreatedMs === undefined ? undefined : unixSeconds(i.newestCreatedMs)))
    ),
    gauge(
      'dbaas_backup_backups',
      'Backups listed for the instance, of any status.',
      each((i) => i.backups)
    ),
    gauge(
      'dbaas_backup_usable_backups',
      'Backups that can be restored (COMPLETED).',
      each((i) => i.usableBackups)
    ),
    gauge(
      'dbaas_backup_fresh',
      '1 when the newest backup is within max-age + grace, else 0 (stale or none).',
      each((i) => (i.verdict === 'ok' ? 1 : 0))
    )
  ]
}

export interface DrillFigures {
  /** verify, or another drill's name; the metric names start with it. */
  drill: string
  labels: Labels
  passed: boolean
  restoreMs?: number
  backupAgeMs: number
  checks: { passed: number; failed: number; skipped: number }
}

/**
 * A drill's gauges. The last successful drill's time comes from this run when it passed, else
 * from the previous file (`previous`), so a failing drill does not erase when it last worked.
 */
export function drillGauges(figures: DrillFigures, nowMs: number, previous: string): Gauge[] {
  const { labels, drill } = figures
  const lastSuccess = `dbaas_backup_${drill}_last_success_timestamp_seconds`
  const verified = figures.passed ? unixSeconds(nowMs) : findSample(previous, lastSuccess, labels)
  return [
    lastRun(drill, nowMs),
    gauge(`dbaas_backup_${drill}_success`, '1 when the last restore drill passed, else 0.', [
      { labels, value: figures.passed ? 1 : 0 }
    ]),
    gauge(lastSuccess, 'When a restore drill last passed (Unix time).', [
      verified === undefined ? undefined : { labels, value: verified }
    ]),
    gauge(
      `dbaas_backup_${drill}_restore_seconds`,
      'Seconds from the restore request to a usable instance in the last drill.',
      [figures.restoreMs === undefined ? undefined : { labels, value: seconds(figures.restoreMs) }]
    ),
    gauge(
      `dbaas_backup_${drill}_backup_age_seconds`,
      'Age of the backup the last drill restored.',
      [{ labels, value: Math.max(0, seconds(figures.backupAgeMs)) }]
    ),
    gauge(
      `dbaas_backup_${drill}_checks`,
      'Checks of the last drill by result (pass, fail, skipped).',
      [
        { labels: { ...labels, result: 'pass' }, value: figures.checks.passed },
        { labels: { ...labels, result: 'fail' }, value: figures.checks.failed },
        { labels: { ...labels, result: 'skipped' }, value: figures.checks.skipped }
      ]
    )
  ]
}

export interface CopyFigures {
  labels: Labels
  /** mirror-action: upload made it / verify found it matching its manifest. */
  passed: boolean
  action: 'upload' | 'verify'
  /** When the copy was made (its manifest's `created`), when known. */
  createdMs?: number
  /** When the data in it was current: the backup's time, or the dump's for a live copy. */
  dataMs?: number
  bytes?: number
  uploadSeconds?: number
}

export function mirrorGauges(figures: CopyFigures, nowMs: number, previous: string): Gauge[] {
  const { labels } = figures
  const one = (value: number | undefined): (Sample | undefined)[] => [
    value === undefined ? undefined : { labels, value }
  ]
  const upload = figures.action === 'upload'
  const lastSuccess = upload
    ? 'dbaas_backup_mirror_last_success_timestamp_seconds'
    : 'dbaas_backup_mirror_copy_last_valid_timestamp_seconds'
  const succeeded = figures.passed ? unixSeconds(nowMs) : findSample(previous, lastSuccess, labels)
  return [
    lastRun(`mirror-${figures.action}`, nowMs),
    gauge(
      figures.action === 'upload'
        ? 'dbaas_backup_mirror_success'
        : 'dbaas_backup_mirror_copy_valid',
      figures.action === 'upload'
        ? '1 when the last off-site copy was made, else 0.'
        : '1 when the stored copy matched its manifest (size and SHA-256), else 0.',
      one(figures.passed ? 1 : 0)
    ),
    gauge(
      lastSuccess,
      upload
        ? 'When an off-site copy was last made (Unix time).'
        : 'When a stored copy last matched its manifest (Unix time).',
      one(succeeded)
    ),
    gauge(
      'dbaas_backup_mirror_copy_age_seconds',
      'Age of the data in the newest off-site copy (since its backup, or its live dump).',
      one(figures.dataMs === undefined ? undefined : Math.max(0, seconds(nowMs - figures.dataMs)))
    ),
    gauge(
      'dbaas_backup_mirror_copy_timestamp_seconds',
      'When the newest off-site copy was made (Unix time).',
      one(figures.createdMs === undefined ? undefined : unixSeconds(figures.createdMs))
    ),
    gauge(
      'dbaas_backup_mirror_copy_size_bytes',
      'Size of the stored copy (compressed, encrypted).',
      one(figures.bytes)
    ),
    gauge(
      'dbaas_backup_mirror_duration_seconds',
      'Seconds the dump and upload took.',
      one(figures.uploadSeconds)
    )
  ]
}
