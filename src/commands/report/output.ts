import { closeSync, openSync, writeSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { instanceLabels, reportGauges } from '../../evidence/index.js'
import type { Spelling } from '../../inputs/spelling.js'
import type { CommandContext } from '../context.js'
import type { ReportDocument } from './document.js'
import { publishMetrics } from '../metrics-output.js'

export const REPORT_FILE = 'dbaas-backup-report.json'
export const FLEET_REPORT_FILE = 'dbaas-backup-fleet-report.json'

/** Writes the report JSON (compact: thousands of backups; `jq .` makes it readable). */
export async function writeReportFile(
  context: CommandContext,
  doc: ReportDocument,
  chosen: string | undefined,
  defaultName: string
): Promise<string> {
  const file = chosen ?? path.join(context.inputs.env.RUNNER_TEMP || tmpdir(), defaultName)
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  const fd = openSync(file, 'w')
  try {
    for (const piece of reportJsonPieces(doc)) writeSync(fd, piece)
  } finally {
    closeSync(fd)
  }
  context.logger.info(`Report JSON: ${file}`)
  return file
}

/**
 * `JSON.stringify(doc)` and a newline, byte for byte, in one piece per instance. A report of
 * thousands of backups is megabytes of JSON: as one string it would be built, copied into a
 * buffer of the same size and dropped, where the pieces of each instance reuse the same memory.
 * `instances` comes last, as buildDocument and mergeReport order the document.
 */
export function* reportJsonPieces(doc: ReportDocument): Generator<string> {
  const { instances, ...head } = doc
  yield JSON.stringify(head).slice(0, -1) + ',"instances":['
  for (let i = 0; i < instances.length; i++)
    yield (i === 0 ? '' : ',') + JSON.stringify(instances[i])
  yield ']}\n'
}

/** status is the worst verdict; latest-backup-* describe the worst instance (listed first). */
export function setOutputs(context: CommandContext, doc: ReportDocument, reportPath: string): void {
  const worst = doc.instances[0]
  const oldest = Math.max(0, ...doc.instances.map((i) => i.oldestBackup?.ageDays ?? 0))
  const anyBackup = doc.instances.some((i) => i.oldestBackup !== null)
  context.setOutput('status', doc.status)
  context.setOutput('latest-backup-id', worst?.latestBackup?.id ?? '')
  context.setOutput('latest-backup-age-hours', worst?.latestBackup?.ageHours ?? '')
  context.setOutput('backups-count', doc.totals.backups)
  context.setOutput('oldest-backup-age-days', anyBackup ? oldest : '')
  context.setOutput('report-json', reportPath)
}

export function failureMessage(doc: ReportDocument, spell: Spelling): string {
  const p = doc.policy
  const bad = doc.instances.filter((i) => i.verdict !== 'ok')
  const lines = bad
    .slice(0, 10)
    .map((i) =>
      i.latestBackup
        ? `${i.name} (${i.id}): newest COMPLETED backup ${i.latestBackup.ageHours} h old, limit ${p.maxAgeHours} h + ${p.graceHours} h grace`
        : `${i.name} (${i.id}): no COMPLETED backup`
    )
  if (bad.length > lines.length)
    lines.push(`… and ${bad.length - lines.length} more (see the report JSON)`)
  return [
    `Backup report: ${bad.length} of ${doc.instances.length} instance(s) ${bad.length === 1 ? 'is' : 'are'} not covered by a recent backup:`,
    ...lines.map((l) => `  - ${l}`),
    'What to do: check that the instance is ACTIVE and HEALTHY (a configuration change that waits for a ' +
      'restart stops automatic backups until the instance is restarted), take a manual backup now ' +
      `(${spell.mode('backup')}), and ask the provider’s support if the automatic backups do not resume. ` +
      `Set ${spell.setting('fail-on', 'never')} to report without failing.`
  ].join('\n')
}

/**
 * The report's figures for Prometheus (metrics-file), one series per instance. Monitoring is
 * not the report: a file that cannot be written is a warning.
 */
export async function writeReportMetrics(
  context: CommandContext,
  doc: ReportDocument,
  file: string | undefined
): Promise<void> {
  if (!file) return
  const figures = doc.instances.map((i) => ({
    labels: instanceLabels(i.name, i.id),
    verdict: i.verdict,
    ...(i.latestBackup && { newestCreatedMs: Date.parse(i.latestBackup.created) }),
    backups: i.counts.total,
    usableBackups: i.counts.usable
  }))
  await publishMetrics(context, file, () => reportGauges(figures, Date.parse(doc.generatedAt)))
}
