import type { CommandContext } from '../commands/context.js'
import { CheckFailure } from '../commands/context.js'
import { describeError } from '../errors.js'
import { formatElapsed } from '../openstack/index.js'
import { onCancellation } from '../host/cancellation.js'
import { checkQuota, planRestore, type RestorePlan } from './restore-plan.js'
import { restoreInstance, type RestoredInstance } from './restore.js'
import { resolveAllowedCidrs } from './allow-list.js'
import { deleteAndConfirm, tempInstanceName } from './temporary-instance.js'
import { TempInstanceTracker } from './temp-tracker.js'
import type { RestoreInputs } from '../inputs/restore.js'

export interface TempRestore {
  plan: RestorePlan
  restored: RestoredInstance
}

/**
 * Restores a backup into a temporary instance exactly as the verify drill does (same plan, quota
 * check, marker name, tracker state for the post step and sweep), runs `work` against it, and
 * always deletes it — here, on cancellation (after `onCancel`), in the post step, by sweep.
 */
export async function withTemporaryRestore<T>(
  context: CommandContext,
  inputs: RestoreInputs,
  work: (temp: TempRestore) => Promise<T>,
  onCancel: () => Promise<void> = async () => undefined,
  /** Checks that need the plan, before anything is created (e.g. the dump tool's version). */
  beforeRestore: (plan: RestorePlan) => Promise<void> = async () => undefined
): Promise<{ value: T; temp: TempRestore; cleanup: string }> {
  const { trove } = context.cloud()
  const plan = await context.group('Plan the restore', async () => {
    const planned = await planRestore(trove, inputs)
    context.logger.info(
      `Backup ${planned.backup.name} (${planned.backup.id}), ${planned.backup.sizeGb ?? '?'} GB, taken ${planned.backup.created.toISOString()}`
    )
    context.logger.info(await checkQuota(trove, planned))
    await beforeRestore(planned)
    return planned
  })
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
    context.logger.warning(`Received ${signal}: stopping and deleting the temporary instance`)
    await onCancel().catch(() => undefined)
    await tracker.deleteNow(trove)
  })

  let temp: TempRestore | undefined
  let value: T | undefined
  let failure: unknown
  try {
    const restored = await context.group('Restore into a temporary instance', () =>
      restoreInstance(context, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) =>
        tracker.created(id)
      )
    )
    context.logger.info(
      `Restored and usable in ${formatElapsed(restored.restoreMs)} at ${restored.host}`
    )
    temp = { plan, restored }
    value = await work(temp)
  } catch (error) {
    failure = error
  }
  removeSignalHandlers()

  let cleanup = 'nothing was created'
  let cleanupError: string | undefined
  if (tracker.id) {
    const id = tracker.id
    try {
      await context.group('Delete the temporary instance', () =>
        deleteAndConfirm(trove, { id, name }, inputs.deleteTimeoutMs, context)
      )
      tracker.finished()
      cleanup = 'deleted (confirmed gone)'
    } catch (error) {
      // Leave the saved state as it is: the post step tries again.
      cleanup = `NOT deleted: ${describeError(error)}`
      cleanupError =
        `Could not delete temporary instance ${name} (${id}): ${describeError(error)}. ` +
        `It costs money while it exists: delete it with \`openstack database instance delete ${id}\`.`
    }
  } else {
    tracker.finished()
  }
  if (cleanupError) {
    throw new CheckFailure(failure ? `${describeError(failure)}; ${cleanupError}` : cleanupError)
  }
  if (failure) throw failure
  return { value: value as T, temp: temp as TempRestore, cleanup }
}
