import { type CheckResult, tally } from '../../checks/index.js'
import { formatBytes } from '../../format/bytes.js'
import { formatElapsed } from '../../format/duration.js'
import { cell, table } from '../../format/markdown.js'
import type { MirrorManifest } from './manifest.js'

export interface CopyDrillReport {
  objectKey: string
  manifest: MirrorManifest
  ageMs: number
  results: CheckResult[]
  verified: boolean
  restoreMs?: number
  cleanup?: string
  error?: string
}

function source(manifest: MirrorManifest): string {
  const s = manifest.source
  return `${s.instanceName} (${s.kind}${s.backupId ? `, backup ${s.backupId}` : ''})`
}

function counted(manifest: MirrorManifest): string {
  const c = manifest.rowCounts
  if (!c) return 'not recorded'
  const rows = c.tables.reduce((n, t) => n + t.rows, 0)
  return `${rows} rows in ${c.tables.length} table(s), ${c.exact ? 'exact' : 'not exact'} (${c.method})`
}

export function restoreSummary(
  objectKey: string,
  manifest: MirrorManifest,
  databases: string[],
  target: string,
  restoreMs: number,
  /** A new instance: how long it took to be created and usable, before the restore. */
  instanceMs?: number
): string {
  return [
    '## Off-site copy restored',
    '',
    table(
      ['', ''],
      [
        ['Copy', objectKey],
        ['Source', source(manifest)],
        ['Made (UTC)', manifest.created],
        ['Datastore', `${manifest.datastore.type} ${manifest.datastore.version}`],
        ['Stored size', formatBytes(manifest.sizes.storedBytes)],
        ['SHA-256', `${manifest.sha256} (checked)`],
        ['Restored into', `${databases.join(', ')} on ${target}`],
        ...(instanceMs !== undefined ? [['New instance ready in', formatElapsed(instanceMs)]] : []),
        ['Restore time', formatElapsed(restoreMs)],
        ['Rows at dump time', counted(manifest)]
      ]
    ),
    ...(instanceMs !== undefined
      ? [
          '',
          '> ⚠️ The new instance has a **new IP address**. Update application connection strings, egress firewalls and its allowed CIDRs.'
        ]
      : []),
    ''
  ].join('\n')
}

export function copyDrillSummary(report: CopyDrillReport): string {
  const title = report.verified ? '✅ Off-site copy drill passed' : '❌ Off-site copy drill failed'
  const counts = tally(report.results)
  const facts = table(
    ['', ''],
    [
      ['Copy', report.objectKey],
      ['Source', source(report.manifest)],
      [
        'Made (UTC)',
        `${report.manifest.created} (${formatElapsed(Math.max(0, report.ageMs))} ago)`
      ],
      ['Datastore', `${report.manifest.datastore.type} ${report.manifest.datastore.version}`],
      [
        'Restore time (download → restored)',
        report.restoreMs !== undefined ? formatElapsed(report.restoreMs) : 'not reached'
      ],
      ['Rows at dump time', counted(report.manifest)],
      ['Checks', `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`],
      ['Clean-up', report.cleanup ?? 'nothing was restored']
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
    `### ${title}: ${cell(report.manifest.source.instanceName)}`,
    error,
    facts,
    '',
    checks
  ].join('\n')
}
