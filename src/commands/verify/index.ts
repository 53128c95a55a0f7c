import { allPassed, type CheckPlan, readChecksFile, runChecks, tally } from '../../checks/index.js'
import { failureOf, withTemporaryInstance } from '../../cloud/temporary-instance.js'
import { dbTarget, engineOf } from '../../database/target.js'
import { toolEnv } from '../../database/tool-env.js'
import { unverifiedWarning } from '../../database/tls.js'
import { CheckFailure, describeError, InputError } from '../../errors.js'
import { formatElapsed } from '../../format/duration.js'
import { type DrillInputs, readDrillInputs } from '../../inputs/restore.js'
import {
  buildDrillEvidence,
  drillGauges,
  type DrillFigures,
  evidenceFileFor,
  instanceLabels,
  toolVersions,
  writeEvidenceFile
} from '../../evidence/index.js'
import type { CommandContext } from '../context.js'
import { type DrillReport, drillSummary } from './summary.js'
import { publishMetrics } from '../metrics-output.js'

/**
 * The restore drill: restore a backup into a temporary instance, check the data, measure the
 * restore time, and always delete the temporary instance (cloud/temporary-instance.ts).
 */
export async function verify(context: CommandContext): Promise<void> {
  const inputs = readDrillInputs(context.inputs)
  const startedAt = context.now()
  for (const warning of inputs.dbTlsWarnings) context.warn(warning, 'Deprecated input value')
  const assertions = inputs.checksFile ? readChecksFile(inputs.checksFile) : []
  const { trove } = context.cloud()
  let server: { engine: string; version: string } | undefined

  const run = await withTemporaryInstance(context, trove, inputs, {
    env: context.inputs.env,
    planTitle: 'Plan the drill',
    keepOnFailure: inputs.keepOnFailure,
    succeeded: allPassed,
    // A drill of a stale backup proves an old copy: say how old, and stop before creating anything.
    beforeRestore: async (plan) => {
      const ageMs = context.now() - plan.backup.created.getTime()
      context.setOutput('backup-age-hours', Math.round((ageMs / 3_600_000) * 10) / 10)
      context.logger.info(`Backup ${plan.backup.id} is ${formatElapsed(Math.max(0, ageMs))} old`)
      const limitMs = inputs.maxAgeMs + inputs.graceMs
      if (ageMs > limitMs) {
        const refusal = new CheckFailure(
          `Backup ${plan.backup.name} (${plan.backup.id}) is ${formatElapsed(ageMs)} old, older than max-age + grace (${formatElapsed(limitMs)}): ` +
            `a drill of it would prove a stale copy. Take a fresh backup (${context.spell.mode('backup')}), or raise ${context.spell.setting('max-age')} to drill an older one on purpose.`
        )
        // A drill refused for a stale backup is a failed drill to an auditor and to an alert.
        const refused: DrillReport = {
          plan,
          tempName: '',
          results: [],
          verified: false,
          cleanup: 'nothing was created',
          error: refusal.message
        }
        await writeEvidence(context, inputs, refused, startedAt, undefined)
        await writeDrillMetrics(context, inputs.metricsFile, refused, startedAt)
        throw refusal
      }
    },
    work: async ({ plan, restored }) => {
      context.setOutput('temp-instance-id', restored.instance.id)
      context.setOutput('temp-instance-host', restored.host)
      context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000))
      const engine = engineOf(plan.datastore.type)
      const checkPlan: CheckPlan = {
        assertions,
        tolerancePercent: inputs.tolerancePercent,
        integrity: inputs.integrity,
        connectTimeoutMs: 30_000,
        ...(inputs.command && {
          command: inputs.command,
          commandBaseEnv: toolEnv(context.inputs.env, inputs.commandEnvNames)
        })
      }
      if (inputs.compareWithSource && plan.source) {
        const sourceHost = plan.source.addresses[0]
        if (!sourceHost)
          throw new InputError(
            'compare-with-source',
            `source instance ${plan.source.name} has no address to compare with`
          )
        // The restored copy is ours and short-lived; the source is production.
        const unverified = unverifiedWarning(
          inputs.dbTls,
          `compare-with-source connects to the production instance ${plan.source.name} (${sourceHost})`
        )
        if (unverified) context.warn(unverified, 'Unverified TLS to a production database')
        checkPlan.compareWith = dbTarget(inputs, engine, sourceHost)
      }
      const checked = await context.group('Check the restored data', () =>
        runChecks(dbTarget(inputs, engine, restored.host), checkPlan, { logger: context.logger })
      )
      if (checked.server) server = checked.server
      return checked.results
    }
  })

  const results = run.value ?? []
  const report: DrillReport = {
    plan: run.plan,
    tempName: run.name,
    results,
    verified: run.error === undefined && run.cleanupError === undefined && allPassed(results),
    cleanup: run.cleanup
  }
  if (run.id) report.tempId = run.id
  if (run.restored) {
    report.host = run.restored.host
    report.restoreMs = run.restored.restoreMs
  }
  if (run.error !== undefined) report.error = describeError(run.error)
  // The evidence and the metrics describe a failed drill too: that is when they matter most.
  const evidenceError = await writeEvidence(context, inputs, report, startedAt, server)
  await writeDrillMetrics(context, inputs.metricsFile, report, startedAt)
  finish(context, report)

  const failure = failureOf(run)
  if (failure !== undefined) throw failure
  if (!report.verified) {
    const failed = results.filter((r) => !r.passed && !r.skipped)
    throw new CheckFailure(
      `Restore drill of backup ${run.plan.backup.id} failed ${failed.length} check(s): ` +
        failed.map((r) => `${r.name} — ${r.detail}`).join('; ')
    )
  }
  if (evidenceError !== undefined) throw evidenceError
}

function finish(context: CommandContext, report: DrillReport): void {
  const counts = tally(report.results)
  context.setOutput('verified', report.verified)
  context.setOutput('backup-id', report.plan.backup.id)
  context.setOutput('checks-passed', counts.passed)
  context.setOutput('checks-failed', counts.failed)
  context.setOutput('checks-skipped', counts.skipped)
  context.summary(drillSummary(report))
}

/** Writes the evidence JSON; returns the error (after a warning) rather than hide the drill's. */
async function writeEvidence(
  context: CommandContext,
  inputs: DrillInputs,
  report: DrillReport,
  startedAt: number,
  server: { engine: string; version: string } | undefined
): Promise<CheckFailure | undefined> {
  const { plan } = report
  const file = evidenceFileFor(inputs.evidencePath, context.inputs.env)
  const evidence = buildDrillEvidence({
    drill: 'verify',
    startedAt,
    finishedAt: context.now(),
    passed: report.verified,
    run: context.run,
    ...(plan.source && { source: { id: plan.source.id, name: plan.source.name } }),
    ...(plan.backup.instanceId && { backupInstanceId: plan.backup.instanceId }),
    backup: {
      id: plan.backup.id,
      name: plan.backup.name,
      created: plan.backup.created,
      ...(plan.backup.sizeGb !== undefined && { sizeGb: plan.backup.sizeGb })
    },
    datastore: plan.datastore,
    ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs }),
    tempName: report.tempName,
    ...(report.tempId && { tempId: report.tempId }),
    cleanup: report.cleanup,
    checks: report.results,
    tools: toolVersions(engineOrDefault(plan.datastore.type)),
    ...(server && { server }),
    ...(report.error !== undefined && { error: report.error })
  })
  try {
    await writeEvidenceFile(file, evidence)
  } catch (error) {
    const message = `Cannot write the drill evidence to ${file}: ${describeError(error)}`
    context.warn(message, 'Drill evidence not written')
    return new CheckFailure(message)
  }
  context.logger.info(`Drill evidence: ${file}`)
  context.setOutput('evidence-json', file)
  return undefined
}

/** Monitoring is not the drill: a metrics file that cannot be written is a warning. */
async function writeDrillMetrics(
  context: CommandContext,
  file: string | undefined,
  report: DrillReport,
  startedAt: number
): Promise<void> {
  if (!file) return
  const { plan } = report
  const id = plan.source?.id ?? plan.backup.instanceId ?? ''
  const labels = instanceLabels(plan.source?.name ?? (id || plan.backup.name), id)
  const figures: DrillFigures = {
    drill: 'verify',
    labels,
    passed: report.verified,
    backupAgeMs: startedAt - plan.backup.created.getTime(),
    checks: tally(report.results),
    ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs })
  }
  await publishMetrics(context, file, (previous) => drillGauges(figures, context.now(), previous))
}

function engineOrDefault(datastore: string): 'postgresql' | 'mariadb' {
  return /postgres/i.test(datastore) ? 'postgresql' : 'mariadb'
}
