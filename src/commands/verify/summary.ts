import { type CheckResult, tally } from '../../checks/index.js'
import { formatElapsed } from '../../format/duration.js'
import { cell, table } from '../../format/markdown.js'
import type { RestorePlan } from '../../cloud/restore-plan.js'

export interface DrillReport {
  plan: RestorePlan
  tempName: string
  tempId?: string
  host?: string
  restoreMs?: number
  results: CheckResult[]
  verified: boolean
  /** What happened to the temporary instance: deleted, kept, or the deletion error. */
  cleanup: string
  error?: string
}

export function drillSummary(report: DrillReport): string {
  const { plan } = report
  const title = report.verified ? '✅ Restore drill passed' : '❌ Restore drill failed'
  const counts = tally(report.results)
  const facts = table(
    ['', ''],
    [
      [
        'Source instance',
        plan.source ? `${plan.source.name} (${plan.source.id})` : plan.backup.instanceId
      ],
      ['Backup', `${plan.backup.name} (${plan.backup.id})`],
      ['Backup taken (UTC)', plan.backup.created.toISOString()],
      ['Datastore', `${plan.datastore.type} ${plan.datastore.version}`],
      [
        'Restore time (request → usable)',
        report.restoreMs !== undefined ? formatElapsed(report.restoreMs) : 'not reached'
      ],
      ['Temporary instance', `${report.tempName}${report.tempId ? ` (${report.tempId})` : ''}`],
      ['Checks', `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`],
      ['Clean-up', report.cleanup]
    ]
  )
  const checks =
    report.results.length > 0
      ? table(
          ['Check', 'Result', 'Took', 'Detail'],
          report.results.map((r) => [
            r.name,
            r.skipped ? '⏭️ skipped' : r.passed ? '✅ pass' : '❌ fail',
            formatElapsed(r.durationMs),
            r.detail
          ])
        )
      : ''
  const error = report.error ? `\n> **${cell(report.error)}**\n` : ''
  return [
    `### ${title}: ${cell(plan.source?.name ?? plan.backup.name)}`,
    error,
    facts,
    '',
    checks
  ].join('\n')
}
