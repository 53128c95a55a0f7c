import type { InstanceReport, ReportDocument } from './document.js'
import { round2, type Verdict, worstVerdict } from '../../policy/index.js'

const RANK: Record<Verdict, number> = { ok: 0, stale: 1, none: 2 }

/**
 * One report from the per-job reports of a fleet run. An instance reported by several jobs
 * (a re-run) counts once, from the newest report. Status and totals are recomputed the way a
 * single report computes them; the policy is the newest report's.
 */
export function mergeReports(docs: ReportDocument[], now: number): ReportDocument {
  const newestFirst = [...docs].sort((a, b) => (a.generatedAt < b.generatedAt ? 1 : -1))
  const byId = new Map<string, InstanceReport>()
  for (const doc of newestFirst) {
    for (const instance of doc.instances)
      if (!byId.has(instance.id)) byId.set(instance.id, instance)
  }
  const instances = [...byId.values()].sort(
    (a, b) =>
      RANK[b.verdict] - RANK[a.verdict] ||
      (b.latestBackup?.ageHours ?? 0) - (a.latestBackup?.ageHours ?? 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  )
  const sum = (f: (i: InstanceReport) => number): number =>
    instances.reduce((total, i) => total + f(i), 0)
  const count = (v: Verdict): number => instances.filter((i) => i.verdict === v).length
  const policy = newestFirst[0]?.policy ?? {
    maxAgeHours: 24,
    graceHours: 2,
    retentionDays: 90,
    expiryWarningDays: 7,
    gapWindowDays: 30,
    failOn: 'stale' as const
  }
  return {
    schemaVersion: 1,
    generatedAt: new Date(now).toISOString(),
    status: worstVerdict(instances.map((i) => i.verdict)),
    policy,
    totals: {
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
    },
    instances
  }
}
