import { readChecksFile, runChecks } from '../../checks/index.js'
import type { CheckPlan, CheckResult } from '../../checks/types.js'
import type { DbTarget, Engine } from '../../database/types.js'
import { CheckFailure, type CommandContext } from '../context.js'
import { describeError } from '../../errors.js'
import { InputError } from '../../inputs/input-error.js'
import { formatElapsed, type Instance } from '../../openstack/index.js'
import { onCancellation } from '../../host/cancellation.js'
import { drillSummary, type DrillReport } from './summary.js'
import { checkQuota, planRestore } from '../../cloud/restore-plan.js'
import { restoreInstance } from '../../cloud/restore.js'
import { resolveAllowedCidrs } from '../../cloud/allow-list.js'
import { deleteAndConfirm, tempInstanceName } from '../../cloud/temporary-instance.js'
import { TempInstanceTracker } from '../../cloud/temp-tracker.js'
import { type DrillInputs, readDrillInputs } from '../../inputs/restore.js'

const PORTS: Record<Engine, number> = { postgresql: 5432, mariadb: 3306 }

/**
 * The restore drill: restore a backup into a temporary instance, check the data, measure the
 * restore time, and always delete the temporary instance (finally here, on cancellation, in the
 * post step, and by sweep as a last resort).
 */
export async function verify(context: CommandContext): Promise<void> {
  const inputs = readDrillInputs(context.inputs)
  const assertions = inputs.checksFile ? readChecksFile(inputs.checksFile) : []
  const { trove } = context.cloud()

  const plan = await context.group('Plan the drill', async () => {
    const planned = await planRestore(trove, inputs)
    context.logger.info(
      `Backup ${planned.backup.name} (${planned.backup.id}), ${planned.backup.sizeGb ?? '?'} GB, taken ${planned.backup.created.toISOString()}`
    )
    context.logger.info(await checkQuota(trove, planned))
    return planned
  })
  const engine = engineOf(plan.datastore.type)
  const cidrs = await resolveAllowedCidrs(
    inputs.allowedCidrs,
    inputs.runnerIpUrl,
    context.inputs.env
  )
  context.logger.info(`The temporary instance will accept connections from ${cidrs.join(', ')}`)

  const tracker = new TempInstanceTracker(context)
  const name = tempInstanceName(plan.backup.id, context.run.runId, context.run.runAttempt)
  tracker.planned(name)
  const removeSignalHandlers = onCancellation(async (signal) => {
    context.logger.warning(`Received ${signal}: deleting the temporary instance before exiting`)
    await tracker.deleteNow(trove)
  })

  const report: DrillReport = {
    plan,
    tempName: name,
    results: [],
    verified: false,
    cleanup: 'nothing was created'
  }
  let instance: Instance | undefined
  let failure: unknown
  try {
    const restored = await context.group('Restore into a temporary instance', () =>
      restoreInstance(context, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
        tracker.created(id)
        report.tempId = id
      })
    )
    instance = restored.instance
    report.host = restored.host
    report.restoreMs = restored.restoreMs
    context.logger.info(
      `Restored and usable in ${formatElapsed(restored.restoreMs)} at ${restored.host}`
    )
    context.setOutput('temp-instance-id', restored.instance.id)
    context.setOutput('temp-instance-host', restored.host)
    context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000))

    const target = dbTarget(inputs, engine, restored.host)
    const checkPlan: CheckPlan = {
      assertions,
      tolerancePercent: inputs.tolerancePercent,
      integrity: inputs.integrity,
      connectTimeoutMs: 30_000,
      ...(inputs.command && { command: inputs.command })
    }
    if (inputs.compareWithSource && plan.source) {
      const sourceHost = plan.source.addresses[0]
      if (!sourceHost)
        throw new InputError(
          'compare-with-source',
          `source instance ${plan.source.name} has no address to compare with`
        )
      checkPlan.compareWith = dbTarget(inputs, engine, sourceHost)
    }
    const { results } = await context.group('Check the restored data', () =>
      runChecks(target, checkPlan, { logger: context.logger })
    )
    report.results = results
    report.verified = results.length > 0 && results.every((r) => r.passed)
  } catch (error) {
    failure = error
    report.error = describeError(error)
  }
  // Clean up whatever happened above; an error here must not hide the drill's own error.
  removeSignalHandlers()
  const cleanup = await cleanUp(context, inputs, tracker, report, instance)
  report.cleanup = cleanup.text
  finish(context, report)
  if (cleanup.error)
    throw new CheckFailure(report.error ? `${report.error}; ${cleanup.error}` : cleanup.error)
  if (failure) throw failure
  if (!report.verified) {
    const failed = report.results.filter((r) => !r.passed)
    throw new CheckFailure(
      `Restore drill of backup ${plan.backup.id} failed ${failed.length} check(s): ` +
        failed.map((r) => `${r.name} — ${r.detail}`).join('; ')
    )
  }
}

async function cleanUp(
  context: CommandContext,
  inputs: DrillInputs,
  tracker: TempInstanceTracker,
  report: DrillReport,
  instance: Instance | undefined
): Promise<{ text: string; error?: string }> {
  const { trove } = context.cloud()
  const id = tracker.id ?? instance?.id
  if (!id) {
    tracker.finished()
    return { text: 'nothing was created' }
  }
  const failed = !report.verified
  if (failed && inputs.keepOnFailure) {
    tracker.finished()
    const advice = `kept for debugging (keep-on-failure): delete it with \`openstack database instance delete ${id}\` or run mode: sweep`
    context.warn(
      `Temporary instance ${tracker.name} (${id}) was ${advice}`,
      'Temporary instance kept'
    )
    return { text: advice }
  }
  try {
    await context.group('Delete the temporary instance', () =>
      deleteAndConfirm(trove, { id, name: tracker.name as string }, inputs.deleteTimeoutMs, context)
    )
    tracker.finished()
    return { text: 'deleted (confirmed gone)' }
  } catch (error) {
    const message =
      `Could not delete temporary instance ${tracker.name} (${id}): ${describeError(error)}. ` +
      `It costs money while it exists: delete it with \`openstack database instance delete ${id}\`.`
    // Leave the saved state as it is: the post step tries again.
    report.verified = false
    return { text: `❌ NOT deleted: ${describeError(error)}`, error: message }
  }
}

function finish(context: CommandContext, report: DrillReport): void {
  const passed = report.results.filter((r) => r.passed).length
  context.setOutput('verified', report.verified)
  context.setOutput('backup-id', report.plan.backup.id)
  context.setOutput('checks-passed', passed)
  context.setOutput('checks-failed', report.results.length - passed)
  context.summary(drillSummary(report))
}

export function engineOf(datastore: string): Engine {
  const name = datastore.toLowerCase()
  if (name.includes('postgres')) return 'postgresql'
  if (name.includes('maria') || name.includes('mysql')) return 'mariadb'
  throw new CheckFailure(
    `Datastore ${datastore} has no database checks yet (PostgreSQL and MariaDB do)`
  )
}

function dbTarget(inputs: DrillInputs, engine: Engine, host: string): DbTarget {
  return {
    engine,
    host,
    port: PORTS[engine],
    user: inputs.dbUser,
    password: inputs.dbPassword,
    databases: inputs.databases,
    tls: inputs.dbTls
  }
}

export type { CheckResult }
