import { CheckFailure, describeError } from '../errors.js'
import type { RestoreInputs } from '../inputs/restore.js'
import type { Spelling } from '../inputs/spelling.js'
import { formatElapsed, type TroveClient } from '../openstack/index.js'
import { resolveAllowedCidrs } from './allow-list.js'
import { recordedInstances, TempInstanceRecord } from './leftovers.js'
import { tempInstanceName } from './marker.js'
import { type RestoredInstance, restoreInstance } from './restore.js'
import { checkQuota, planRestore, type RestorePlan } from './restore-plan.js'
import { deleteAndConfirm, type WaitDeps } from './waits.js'

/** What the life cycle needs from its host: a narrow slice of a command's context. */
export interface TemporaryInstanceHost extends WaitDeps {
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  saveState(key: string, value: string): void
  warn(message: string, title?: string): void
  onCancel(hook: (signal: string) => Promise<void>): () => void
  run: { runId: string; runAttempt: string }
  spell: Spelling
}

export interface TemporaryInstance {
  plan: RestorePlan
  restored: RestoredInstance
}

export interface TemporaryInstanceOptions<T> {
  /** The work on the restored instance; its own failures are reported, never thrown. */
  work: (temp: TemporaryInstance) => Promise<T>
  /** The process environment, for the proxy when the runner's address is detected. */
  env: NodeJS.ProcessEnv
  /** Title of the planning phase. */
  planTitle: string
  /** Checks that need the plan, before anything is created (e.g. the dump tool's version). */
  beforeRestore?: (plan: RestorePlan) => Promise<void>
  /** Runs first on cancellation (e.g. abort an upload), before the delete is asked for. */
  onCancel?: () => Promise<void>
  /** Keep the instance when the run failed (verify's keep-on-failure). */
  keepOnFailure?: boolean
  /** Whether `work`'s result counts as a success (for keep-on-failure); default: it returned. */
  succeeded?: (value: T) => boolean
}

/** How a run on a temporary instance ended. */
export interface TemporaryRun<T> {
  plan: RestorePlan
  name: string
  /** Set once the create was answered. */
  id?: string
  restored?: RestoredInstance
  value?: T
  /** What went wrong in the restore or in `work`. */
  error?: unknown
  /** What happened to the instance: deleted, kept, or why it was not deleted. */
  cleanup: string
  /** Set when the instance could not be deleted: the run must fail with it. */
  cleanupError?: string
}

/**
 * The one life cycle of a temporary instance: plan and check quota (nothing is created when
 * this throws) → allow-list → marker name recorded for the post step → restore → `work` →
 * always delete and confirm gone (here; on cancellation, by asking at once; in the post step;
 * by sweep as the last resort). Returns how it ended; `failureOf` turns that into the error.
 */
export async function withTemporaryInstance<T>(
  host: TemporaryInstanceHost,
  trove: TroveClient,
  inputs: RestoreInputs,
  options: TemporaryInstanceOptions<T>
): Promise<TemporaryRun<T>> {
  const plan = await host.group(options.planTitle, async () => {
    const planned = await planRestore(trove, inputs)
    host.logger.info(
      `Backup ${planned.backup.name} (${planned.backup.id}), ${planned.backup.sizeGb ?? '?'} GB, taken ${planned.backup.created.toISOString()}`
    )
    host.logger.info(await checkQuota(trove, planned))
    await options.beforeRestore?.(planned)
    return planned
  })
  const cidrs = await resolveAllowedCidrs(inputs, options.env)
  host.logger.info(`The temporary instance will accept connections from ${cidrs.join(', ')}`)

  const record = new TempInstanceRecord((key, value) => host.saveState(key, value))
  const name = tempInstanceName(plan.backup.id, host.run.runId, host.run.runAttempt)
  record.planned(name)
  const removeCancelHook = host.onCancel(async (signal) => {
    host.logger.warning(`Received ${signal}: deleting the temporary instance before exiting`)
    await options.onCancel?.().catch(() => undefined)
    await askToDelete(trove, record, host)
  })

  const run: TemporaryRun<T> = { plan, name, cleanup: 'nothing was created' }
  try {
    run.restored = await host.group('Restore into a temporary instance', () =>
      restoreInstance(host, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
        record.created(id)
        run.id = id
      })
    )
    host.logger.info(
      `Restored and usable in ${formatElapsed(run.restored.restoreMs)} at ${run.restored.host}`
    )
    run.value = await options.work({ plan, restored: run.restored })
  } catch (error) {
    run.error = error
  }
  // Clean up whatever happened above; an error here must not hide the run's own error.
  removeCancelHook()
  await cleanUp(host, trove, inputs, options, record, run)
  return run
}

/** The error a run on a temporary instance ends with, if any: its own, and a failed delete. */
export function failureOf(run: TemporaryRun<unknown>): unknown {
  if (run.cleanupError) {
    return new CheckFailure(
      run.error !== undefined
        ? `${describeError(run.error)}; ${run.cleanupError}`
        : run.cleanupError
    )
  }
  return run.error
}

async function cleanUp<T>(
  host: TemporaryInstanceHost,
  trove: TroveClient,
  inputs: RestoreInputs,
  options: TemporaryInstanceOptions<T>,
  record: TempInstanceRecord,
  run: TemporaryRun<T>
): Promise<void> {
  const id = run.id
  if (!id) {
    record.finished()
    return
  }
  const failed =
    run.error !== undefined ||
    (options.succeeded !== undefined && !options.succeeded(run.value as T))
  if (failed && options.keepOnFailure) {
    record.finished()
    run.cleanup = `kept for debugging (${host.spell.setting('keep-on-failure')}): delete it with \`openstack database instance delete ${id}\` or run ${host.spell.mode('sweep')}`
    host.warn(
      `Temporary instance ${run.name} (${id}) was ${run.cleanup}`,
      'Temporary instance kept'
    )
    return
  }
  try {
    await host.group('Delete the temporary instance', () =>
      deleteAndConfirm(trove, { id, name: run.name }, inputs.deleteTimeoutMs, host)
    )
    record.finished()
    run.cleanup = 'deleted (confirmed gone)'
  } catch (error) {
    // Leave the saved state as it is: the post step tries again.
    run.cleanup = `❌ NOT deleted: ${describeError(error)}`
    run.cleanupError =
      `Could not delete temporary instance ${run.name} (${id}): ${describeError(error)}. ` +
      `It costs money while it exists: delete it with \`openstack database instance delete ${id}\`.`
  }
}

/**
 * On cancellation: ask for the delete at once (there are only seconds before the runner kills
 * us); the post step confirms it is gone.
 */
async function askToDelete(
  trove: TroveClient,
  record: TempInstanceRecord,
  deps: WaitDeps
): Promise<void> {
  if (record.done || !record.name) return
  const state = record.id ? { name: record.name, id: record.id } : { name: record.name }
  for (const instance of await recordedInstances(trove, state, deps)) {
    try {
      await trove.deleteInstance(instance.id)
      deps.logger.warning(
        `Cancelled: asked to delete temporary instance ${instance.name} (${instance.id}); the post step confirms it`
      )
    } catch (error) {
      deps.logger.warning(
        `Cancelled: could not delete ${instance.name} (${instance.id}) yet: ${describeError(error)}`
      )
    }
  }
}
