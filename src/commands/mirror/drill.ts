import type { S3Store } from '../../storage/s3-store.js'
import {
  allPassed,
  type CheckPlan,
  type CheckResult,
  judgeManifestCounts,
  readChecksFile,
  runChecks,
  tally
} from '../../checks/index.js'
import { toolEnv } from '../../database/tool-env.js'
import { CheckFailure, describeError } from '../../errors.js'
import { formatElapsed } from '../../format/duration.js'
import type { DrillCopyInputs } from '../../inputs/mirror.js'
import type { CommandContext } from '../context.js'
import {
  type CopyDrillFacts,
  writeCopyDrillEvidence,
  writeCopyDrillMetrics
} from './drill-evidence.js'
import { findCopy } from './find-copy.js'
import { type RestoredCopy, restoreCopy } from './restore-copy.js'
import { type CopyDrillReport, copyDrillSummary } from './restore-summary.js'

/**
 * mirror-action: drill — the nightly proof of the off-site copy: restore the newest copy into
 * target-url, run verify's checks on it, compare its row counts with those the manifest
 * recorded at dump time, and drop what was restored, pass or fail.
 */
export async function drillCopy(
  context: CommandContext,
  client: S3Store,
  inputs: DrillCopyInputs
): Promise<void> {
  const startedAt = context.now()
  const assertions = inputs.checksFile ? readChecksFile(inputs.checksFile) : []
  const { bucket, prefix } = inputs.location
  const found = await context.group('Find the copy', () =>
    findCopy(client, bucket, prefix, inputs.objectKey, inputs.instance)
  )
  const ageMs = context.now() - Date.parse(found.manifest.created)
  context.setOutput('copy-age-hours', Math.round((ageMs / 3_600_000) * 10) / 10)
  context.logger.info(
    `Copy ${found.objectKey} was made ${formatElapsed(Math.max(0, ageMs))} ago (${found.manifest.created})`
  )
  const limitMs = inputs.maxAgeMs + inputs.graceMs
  if (ageMs > limitMs) {
    const report: CopyDrillReport = {
      objectKey: found.objectKey,
      manifest: found.manifest,
      ageMs,
      results: [],
      verified: false,
      error: `the newest copy is ${formatElapsed(ageMs)} old, older than max-age + grace (${formatElapsed(limitMs)})`
    }
    // A drill refused for a stale copy is a failed drill to an auditor and to an alert.
    await record(context, inputs, {
      report,
      startedAt,
      finishedAt: context.now(),
      run: context.run
    })
    finish(context, report)
    throw new CheckFailure(
      `Copy ${found.objectKey} is ${formatElapsed(ageMs)} old, older than max-age + grace (${formatElapsed(limitMs)}): ` +
        `the off-site copies have stopped. Check the ${context.spell.mode('mirror')} upload job, or raise ${context.spell.setting('max-age')}.`
    )
  }

  let restored: RestoredCopy | undefined
  let results: CheckResult[] = []
  let server: { engine: string; version: string } | undefined
  let error: string | undefined
  let cleanup = 'nothing was restored'
  let removeCancelHook = (): void => undefined
  try {
    restored = await restoreCopy(context, client, inputs, found, { server: inputs.target })
    // Cancelled during the checks: what was restored is dropped all the same.
    const drop = restored.drop
    const names = restored.databases.join(', ')
    removeCancelHook = context.onCancel(async (signal) => {
      context.logger.warning(`Received ${signal}: dropping ${names} from the target`)
      await drop().catch((e: unknown) => {
        context.logger.warning(`Cancelled: could NOT drop ${names}: ${describeError(e)}`)
      })
    })
    context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000))
    const plan: CheckPlan = {
      assertions,
      tolerancePercent: inputs.tolerancePercent,
      integrity: inputs.integrity,
      connectTimeoutMs: 30_000,
      ...(inputs.command && {
        command: inputs.command,
        commandBaseEnv: toolEnv(context.inputs.env, inputs.commandEnvNames)
      })
    }
    const target = restored.target
    const report = await context.group('Check the restored data', () =>
      runChecks(target, plan, { logger: context.logger })
    )
    if (report.server) server = report.server
    const started = performance.now()
    // PostgreSQL may restore under another name than it was dumped from: compare by the
    // dumped name, as the manifest records it.
    const dumpedName = new Map(
      restored.databases.map((name, i) => [name, found.manifest.dump.databases[i] ?? name])
    )
    const verdict = judgeManifestCounts(
      report.counts.map((c) => ({ ...c, database: dumpedName.get(c.database) ?? c.database })),
      found.manifest.rowCounts,
      inputs.tolerancePercent
    )
    results = [
      ...report.results,
      {
        name: 'row counts vs manifest',
        ...verdict,
        durationMs: Math.round(performance.now() - started)
      }
    ]
    const mark = verdict.skipped ? 'skipped' : verdict.passed ? 'pass' : 'FAIL'
    context.logger.info(`row counts vs manifest: ${mark} — ${verdict.detail}`)
  } catch (e) {
    error = describeError(e)
  } finally {
    removeCancelHook()
    if (restored) {
      try {
        await restored.drop()
        cleanup = `dropped ${restored.databases.join(', ')} from the target`
      } catch (dropError) {
        cleanup = `could NOT drop ${restored.databases.join(', ')}: ${describeError(dropError)}`
        error ??= cleanup
      }
      context.logger.info(`Clean-up: ${cleanup}`)
    } else if (error) {
      cleanup = /dropped|nothing on the target/.test(error) ? 'see the error' : cleanup
    }
  }
  const report: CopyDrillReport = {
    objectKey: found.objectKey,
    manifest: found.manifest,
    ageMs,
    results,
    verified: error === undefined && allPassed(results),
    cleanup
  }
  if (restored) report.restoreMs = restored.restoreMs
  if (error !== undefined) report.error = error
  const facts: CopyDrillFacts = { report, startedAt, finishedAt: context.now(), run: context.run }
  if (restored) facts.restore = { tool: restored.tool, serverVersion: restored.serverVersion }
  if (server) facts.server = server
  // The evidence and the metrics describe a failed drill too: that is when they matter most.
  const evidenceError = await record(context, inputs, facts)
  finish(context, report)
  if (error !== undefined) throw new CheckFailure(`Drill of ${found.objectKey} failed: ${error}`)
  if (!report.verified) {
    const failed = results.filter((r) => !r.passed && !r.skipped)
    throw new CheckFailure(
      `Drill of ${found.objectKey} failed ${failed.length} check(s): ` +
        failed.map((r) => `${r.name} — ${r.detail}`).join('; ')
    )
  }
  if (evidenceError !== undefined) throw evidenceError
}

async function record(
  context: CommandContext,
  inputs: DrillCopyInputs,
  facts: CopyDrillFacts
): Promise<CheckFailure | undefined> {
  const evidenceError = await writeCopyDrillEvidence(context, inputs.evidencePath, facts)
  await writeCopyDrillMetrics(context, inputs.metricsFile, facts.report)
  return evidenceError
}

function finish(context: CommandContext, report: CopyDrillReport): void {
  const counts = tally(report.results)
  context.setOutput('verified', report.verified)
  context.setOutput('object-key', report.objectKey)
  context.setOutput('checks-passed', counts.passed)
  context.setOutput('checks-failed', counts.failed)
  context.setOutput('checks-skipped', counts.skipped)
  context.summary(copyDrillSummary(report))
}
