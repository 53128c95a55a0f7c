import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CheckFailure, type CommandContext } from '../context.js'
import type { Backup, TroveClient } from '../../openstack/index.js'
import { evaluate } from '../../policy/index.js'
import { BACKUP_PAGE_SIZE, collect } from './collect.js'
import { elapsed } from '../../format/elapsed.js'
import { buildDocument, type ReportDocument } from './document.js'
import { readReportInputs } from '../../inputs/report.js'
import { listProjectBackups } from './project-walk.js'
import { reportSummary } from './summary.js'
import { resolveTargets } from '../../cloud/targets.js'
import { reportWarnings } from './warnings.js'

export const REPORT_FILE = 'dbaas-backup-report.json'

/**
 * report mode: lists every backup of the chosen instances, checks them against the backup
 * policy, and sets outputs, annotations, a job summary and a JSON file. With fail-on: stale the
 * step fails when the worst instance has a stale backup or none.
 */
export async function report(context: CommandContext): Promise<void> {
  // A fleet report merges the per-job report files of a matrix run: no cloud call at all.
  if (context.inputs.get('report-files')) {
    return (await import('./merge.js')).fleetReport(context)
  }
  const inputs = readReportInputs(context.inputs)
  const started = context.now()
  const { trove } = context.cloud()
  // "all" lists the whole project anyway: walk its backups while the instances are listed.
  const early = inputs.target.kind === 'all' ? walkProject(trove, context) : undefined

  const { instances, projectInstances } = await context.group('Find instances', async () => {
    const targets = await resolveTargets(trove, inputs.target)
    const found = targets.instances
    context.logger.info(
      `${found.length} instance(s) in ${elapsed(context.now() - started)}: ${preview(found.map((i) => i.name))}`
    )
    return targets
  })

  const project =
    early ??
    (projectWide(instances.length, projectInstances) ? walkProject(trove, context) : undefined)
  const collected = await context.group('List backups', async () => {
    const result = await collect(trove, instances, {
      concurrency: inputs.maxConcurrency,
      logger: context.logger,
      now: context.now,
      project
    })
    const total = result.instances.reduce((n, i) => n + i.backups.length, 0)
    context.logger.info(
      `${total} backup(s) of ${instances.length} instance(s) in ${elapsed(context.now() - started)}`
    )
    return result
  })

  const now = context.now()
  const doc = buildDocument(
    collected.instances.map(({ instance, backups }) => ({
      instance,
      backups,
      evaluation: evaluate(backups, now, inputs.policy, collected.offered)
    })),
    now,
    inputs.policy,
    inputs.failOn
  )

  const reportPath = await context.group('Write report', async () => {
    const file =
      inputs.reportPath ?? path.join(context.inputs.env.RUNNER_TEMP || tmpdir(), REPORT_FILE)
    await mkdir(path.dirname(path.resolve(file)), { recursive: true })
    // Compact: thousands of backups; `jq .` makes it readable.
    await writeFile(file, JSON.stringify(doc) + '\n')
    context.logger.info(`Report JSON: ${file}`)
    return file
  })

  setOutputs(context, doc, reportPath)
  for (const warning of reportWarnings(doc)) context.warn(warning.message, warning.title)
  context.summary(reportSummary(doc, reportPath))
  context.logger.info(
    `Status: ${doc.status} (${doc.totals.ok} ok, ${doc.totals.stale} stale, ${doc.totals.none} without a backup) in ${elapsed(context.now() - started)}`
  )

  if (inputs.failOn === 'stale' && doc.status !== 'ok') throw new CheckFailure(failureMessage(doc))
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

export function failureMessage(doc: ReportDocument): string {
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
      '(mode: backup), and ask the provider’s support if the automatic backups do not resume. ' +
      'Set fail-on: never to report without failing.'
  ].join('\n')
}

function walkProject(trove: TroveClient, context: CommandContext): Promise<Backup[]> {
  const walk = listProjectBackups(trove, BACKUP_PAGE_SIZE, context.now)
  // Awaited later; a failure must not count as unhandled before then.
  walk.catch(() => undefined)
  return walk
}

/**
 * One project-wide walk (~backups/1000 requests) beats one request per instance once the report
 * covers several instances and most of the project; a few instances of a big project are cheaper
 * one by one.
 */
export function projectWide(chosen: number, inProject: number | undefined): boolean {
  return inProject !== undefined && chosen >= 5 && chosen * 2 >= inProject
}

function preview(names: string[]): string {
  return names.slice(0, 10).join(', ') + (names.length > 10 ? `, … (${names.length} in all)` : '')
}
