import { glob, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { CheckFailure, describeError, InputError } from '../../errors.js'
import { defaultPolicy, readMergeInputs } from '../../inputs/report.js'
import { type Verdict, worstVerdict } from '../../policy/index.js'
import type { CommandContext } from '../context.js'
import { type InstanceReport, policyOf, type ReportDocument, totalsOf } from './document.js'
import {
  failureMessage,
  FLEET_REPORT_FILE,
  setOutputs,
  writeReportFile,
  writeReportMetrics
} from './output.js'
import { reportSummary } from './summary.js'
import { reportWarnings } from './warnings.js'

/**
 * report mode with `report-files`: merges the report JSON files of many jobs (artifacts
 * downloaded into a folder) into one report — same outputs, annotations, summary, JSON and
 * fail-on as a report over the whole fleet in one job, without calling the cloud.
 */
export async function mergeReport(context: CommandContext): Promise<void> {
  const inputs = readMergeInputs(context.inputs)
  const files = await findReportFiles(inputs.files)
  const docs = await Promise.all(files.map(readReportFile))
  const doc = mergeReports(docs, context.now())
  doc.policy = { ...doc.policy, failOn: inputs.failOn }
  context.logger.info(
    `Merged ${files.length} report file(s): ${doc.totals.instances} instance(s), ${doc.totals.backups} backup(s)`
  )
  const file = await writeReportFile(context, doc, inputs.reportPath, FLEET_REPORT_FILE)
  setOutputs(context, doc, file)
  await writeReportMetrics(context, doc, inputs.metricsFile)
  for (const warning of reportWarnings(doc)) context.warn(warning.message, warning.title)
  context.summary(
    `${reportSummary(doc, context.spell, file)}\n\n_Merged from ${files.length} report file(s)._`
  )
  context.logger.info(
    `Status: ${doc.status} (${doc.totals.ok} ok, ${doc.totals.stale} stale, ${doc.totals.none} without a backup)`
  )
  if (inputs.failOn === 'stale' && doc.status !== 'ok')
    throw new CheckFailure(failureMessage(doc, context.spell))
}

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
  return {
    schemaVersion: 1,
    generatedAt: new Date(now).toISOString(),
    status: worstVerdict(instances.map((i) => i.verdict)),
    policy: newestFirst[0]?.policy ?? policyOf(defaultPolicy(), 'stale'),
    totals: totalsOf(instances),
    instances
  }
}

/**
 * The report JSON files named by `report-files`: a folder (every *.json below it, as
 * actions/download-artifact lays out one sub-folder per artifact), a glob, or a file; several
 * separated by commas or newlines. Sorted, so the merge is the same on every runner.
 */
export async function findReportFiles(spec: string, cwd = process.cwd()): Promise<string[]> {
  const entries = spec
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const found = new Set<string>()
  for (const entry of entries) {
    const matches = await expand(entry, cwd)
    if (matches.length === 0) {
      throw new InputError('report-files', `"${entry}" matches no report JSON file`)
    }
    for (const file of matches) found.add(path.resolve(cwd, file))
  }
  if (found.size === 0) throw new InputError('report-files', 'names no file')
  return [...found].sort()
}

async function expand(entry: string, cwd: string): Promise<string[]> {
  const isDir = await stat(path.resolve(cwd, entry)).then(
    (s) => s.isDirectory(),
    () => false
  )
  const pattern = isDir ? path.join(entry, '**', '*.json') : entry
  const matches: string[] = []
  for await (const file of glob(pattern, { cwd })) matches.push(file)
  return matches
}

/** Reads one report; anything but a schema-1 report is bad input naming the file. */
export async function readReportFile(file: string): Promise<ReportDocument> {
  let doc: unknown
  try {
    doc = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new InputError('report-files', `${file} is not readable JSON: ${describeError(error)}`)
  }
  const d = doc as Partial<ReportDocument> | null
  if (!d || typeof d !== 'object' || !Array.isArray(d.instances) || !d.policy) {
    throw new InputError('report-files', `${file} is not a report JSON of this action`)
  }
  if (d.schemaVersion !== 1) {
    throw new InputError(
      'report-files',
      `${file} has schemaVersion ${String(d.schemaVersion)}; this version reads 1`
    )
  }
  return d as ReportDocument
}
