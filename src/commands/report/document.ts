import type { Backup, Instance } from '../../openstack/index.js'
import {
  compareSeverity,
  DAY_MS,
  type Evaluation,
  HOUR_MS,
  newestFirst,
  type Policy,
  round2,
  type Verdict,
  worstVerdict
} from '../../policy/index.js'

/** Bump on any change that could break a reader of the JSON; adding fields is not one. */
export const REPORT_SCHEMA_VERSION = 1

export interface BackupEntry {
  id: string
  name: string
  status: string
  created: string
  sizeGb: number | null
  datastore: string | null
  datastoreVersion: string | null
  parentId: string | null
}

export interface InstanceReport {
  id: string
  name: string
  instanceStatus: string
  datastore: string | null
  datastoreVersion: string | null
  verdict: Verdict
  latestBackup: Evaluation['latest'] | null
  oldestBackup: Evaluation['oldest'] | null
  counts: Evaluation['counts']
  sizeGb: number
  largestGap: Evaluation['largestGap'] | null
  gaps: Evaluation['gaps']
  failedInWindow: Evaluation['failedInWindow']
  expiringSoon: Evaluation['expiringSoon']
  pastRetention: Evaluation['pastRetention']
  notRestorable: Evaluation['notRestorable']
  clockSkew: Evaluation['clockSkew']
  /** Every backup listed, newest first. */
  backups: BackupEntry[]
}

export interface ReportDocument {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  generatedAt: string
  status: Verdict
  policy: {
    maxAgeHours: number
    graceHours: number
    retentionDays: number
    expiryWarningDays: number
    gapWindowDays: number
    failOn: 'stale' | 'never'
  }
  totals: {
    instances: number
    ok: number
    stale: number
    none: number
    backups: number
    sizeGb: number
    failedInWindow: number
    expiringSoon: number
    pastRetention: number
    notRestorable: number
  }
  /** Worst first: none, then stale (oldest newest backup first), then ok. */
  instances: InstanceReport[]
}

export interface Evaluated {
  instance: Instance
  backups: Backup[]
  evaluation: Evaluation
}

export function buildDocument(
  evaluated: Evaluated[],
  now: number,
  policy: Policy,
  failOn: 'stale' | 'never'
): ReportDocument {
  const instances = [...evaluated]
    .sort((a, b) => compareSeverity(a.evaluation, b.evaluation))
    .map(instanceReport)
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: new Date(now).toISOString(),
    status: worstVerdict(instances.map((i) => i.verdict)),
    policy: policyOf(policy, failOn),
    totals: totalsOf(instances),
    instances
  }
}

/** The policy as the report states it: hours and days. */
export function policyOf(policy: Policy, failOn: 'stale' | 'never'): ReportDocument['policy'] {
  return {
    maxAgeHours: round2(policy.maxAgeMs / HOUR_MS),
    graceHours: round2(policy.graceMs / HOUR_MS),
    retentionDays: round2(policy.retentionMs / DAY_MS),
    expiryWarningDays: round2(policy.expiryWarningMs / DAY_MS),
    gapWindowDays: round2(policy.gapWindowMs / DAY_MS),
    failOn
  }
}

/** The totals of a report, from its instances (a single report and a merged one alike). */
export function totalsOf(instances: InstanceReport[]): ReportDocument['totals'] {
  const sum = (f: (i: InstanceReport) => number): number =>
    instances.reduce((total, i) => total + f(i), 0)
  const count = (v: Verdict): number => instances.filter((i) => i.verdict === v).length
  return {
    instances: instances.length,
    ok: count('ok'),
    stale: count('stale'),
    none: count('none'),
    backups: sum((i) => i.counts.total),
    sizeGb: round2(sum((i) => i.sizeGb)),
    failedInWindow: sum((i) => i.failedInWindow.length),
    expiringSoon: sum((i) => i.expiringSoon.length),
    pastRetention: sum((i) => i.pastRetention.length),
    notRestorable: sum((i) => i.notRestorable.length)
  }
}

function instanceReport({ instance, backups, evaluation: e }: Evaluated): InstanceReport {
  return {
    id: instance.id,
    name: instance.name,
    instanceStatus: instance.status,
    datastore: instance.datastore?.type ?? null,
    datastoreVersion: instance.datastore?.version ?? null,
    verdict: e.verdict,
    latestBackup: e.latest ?? null,
    oldestBackup: e.oldest ?? null,
    counts: e.counts,
    sizeGb: e.sizeGb,
    largestGap: e.largestGap ?? null,
    gaps: e.gaps,
    failedInWindow: e.failedInWindow,
    expiringSoon: e.expiringSoon,
    pastRetention: e.pastRetention,
    notRestorable: e.notRestorable,
    clockSkew: e.clockSkew,
    backups: newestFirst(backups).map(backupEntry)
  }
}

function backupEntry(b: Backup): BackupEntry {
  return {
    id: b.id,
    name: b.name,
    status: b.status,
    created: b.created.toISOString(),
    sizeGb: b.sizeGb ?? null,
    datastore: b.datastore?.type ?? null,
    datastoreVersion: b.datastore?.version ?? null,
    parentId: b.parentId ?? null
  }
}
