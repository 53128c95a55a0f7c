import { CheckFailure } from '../../errors.js'
import type { CommandContext } from '../context.js'
import type { Backup, TroveClient } from '../../openstack/index.js'
import { evaluate } from '../../policy/index.js'
import { collect, PROJECT_PAGE_SIZE } from './collect.js'
import { formatElapsedPrecise } from '../../format/duration.js'
import { buildDocument } from './document.js'
import { mergesReportFiles, readReportInputs } from '../../inputs/report.js'
import {
  failureMessage,
  REPORT_FILE,
  setOutputs,
  writeReportFile,
  writeReportMetrics
} from './output.js'
import { listProjectBackups } from './project-walk.js'
import { reportSummary } from './summary.js'
import { resolveTargets } from '../../cloud/resolve.js'
import { reportWarnings } from './warnings.js'

/**
 * report mode: lists every backup of the chosen instances, checks them against the backup
 * policy, and sets outputs, annotations, a job summary and a JSON file. With fail-on: stale the
 * step fails when the worst instance has a stale backup or none.
 */
export async function report(context: CommandContext): Promise<void> {
  // A fleet report merges the per-job report files of a matrix run: no cloud call at all.
  if (mergesReportFiles(context.inputs)) return (await import('./merge.js')).mergeReport(context)
  const inputs = readReportInputs(context.inputs)
  const started = context.now()
  const { trove } = context.cloud()
  // "all" lists the whole project anyway: walk its backups while the instances are listed.
  const early =
    inputs.target.kind === 'all' ? walkProject(trove, context, inputs.maxConcurrency) : undefined

  const { instances, projectInstances } = await context.group('Find instances', async () => {
    const targets = await resolveTargets(trove, inputs.target)
    const found = targets.instances
    context.logger.info(
      `${found.length} instance(s) in ${formatElapsedPrecise(context.now() - started)}: ${preview(found.map((i) => i.name))}`
    )
    return targets
  })

  const project =
    early ??
    (projectWide(instances.length, projectInstances)
      ? walkProject(trove, context, inputs.maxConcurrency)
      : undefined)
  const collected = await context.group('List backups', async () => {
    const result = await collect(trove, instances, {
      concurrency: inputs.maxConcurrency,
      logger: context.logger,
      now: context.now,
      project
    })
    const total = result.instances.reduce((n, i) => n + i.backups.length, 0)
    context.logger.info(
      `${total} backup(s) of ${instances.length} instance(s) in ${formatElapsedPrecise(context.now() - started)}`
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

  const reportPath = await context.group('Write report', () =>
    writeReportFile(context, doc, inputs.reportPath, REPORT_FILE)
  )

  setOutputs(context, doc, reportPath)
  await writeReportMetrics(context, doc, inputs.metricsFile)
  for (const warning of reportWarnings(doc)) context.warn(warning.message, warning.title)
  context.summary(reportSummary(doc, context.spell, reportPath))
  context.logger.info(
    `Status: ${doc.status} (${doc.totals.ok} ok, ${doc.totals.stale} stale, ${doc.totals.none} without a backup) in ${formatElapsedPrecise(context.now() - started)}`
  )

  if (inputs.failOn === 'stale' && doc.status !== 'ok')
    throw new CheckFailure(failureMessage(doc, context.spell))
}

function walkProject(
  trove: TroveClient,
  context: CommandContext,
  concurrency: number
): Promise<Backup[]> {
  const walk = listProjectBackups(trove, PROJECT_PAGE_SIZE, context.now, concurrency)
  // Awaited later; a failure must not count as unhandled before then.
  walk.catch(() => undefined)
  return walk
}

/**
 * One project-wide walk (~backups/250 requests) beats one request per instance once the report
 * covers several instances and most of the project; a few instances of a big project are cheaper
 * one by one.
 */
export function projectWide(chosen: number, inProject: number | undefined): boolean {
  return inProject !== undefined && chosen >= 5 && chosen * 2 >= inProject
}

function preview(names: string[]): string {
  return names.slice(0, 10).join(', ') + (names.length > 10 ? `, … (${names.length} in all)` : '')
}
