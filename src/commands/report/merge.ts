import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CheckFailure, type CommandContext } from '../context.js'
import { mergeReports } from './merge-reports.js'
import { findReportFiles, readReportFile } from './report-files.js'
import { InputError } from '../../inputs/input-error.js'
import { readChoice } from '../../inputs/source.js'
import { reportSummary } from './summary.js'
import { reportWarnings } from './warnings.js'
import { failureMessage, setOutputs } from './index.js'

export const FLEET_REPORT_FILE = 'dbaas-backup-fleet-report.json'

/**
 * report mode with `report-files`: merges the report JSON files of many jobs (artifacts
 * downloaded into a folder) into one report — same outputs, annotations, summary, JSON and
 * fail-on as a report over the whole fleet in one job, without calling the cloud.
 */
export async function fleetReport(context: CommandContext): Promise<void> {
  if (context.inputs.get('instance') || context.inputs.get('instances')) {
    throw new InputError(
      'report-files',
      'merges report files without calling the cloud; give it without "instance" or "instances"'
    )
  }
  const failOn = readChoice(context.inputs, 'fail-on', ['stale', 'never'] as const, 'stale')
  const files = await findReportFiles(context.inputs.get('report-files'))
  const docs = await Promise.all(files.map(readReportFile))
  const doc = mergeReports(docs, context.now())
  doc.policy = { ...doc.policy, failOn }
  context.logger.info(
    `Merged ${files.length} report file(s): ${doc.totals.instances} instance(s), ${doc.totals.backups} backup(s)`
  )
  const file =
    context.inputs.get('report-path') ||
    path.join(context.inputs.env.RUNNER_TEMP || tmpdir(), FLEET_REPORT_FILE)
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await writeFile(file, JSON.stringify(doc) + '\n')
  context.logger.info(`Report JSON: ${file}`)

  setOutputs(context, doc, file)
  for (const warning of reportWarnings(doc)) context.warn(warning.message, warning.title)
  context.summary(`${reportSummary(doc, file)}\n\n_Merged from ${files.length} report file(s)._`)
  context.logger.info(
    `Status: ${doc.status} (${doc.totals.ok} ok, ${doc.totals.stale} stale, ${doc.totals.none} without a backup)`
  )
  if (failOn === 'stale' && doc.status !== 'ok') throw new CheckFailure(failureMessage(doc))
}
