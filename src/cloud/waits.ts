import {
  type Backup,
  backupFailure,
  BACKUP_DONE,
  describeInstance,
  formatElapsed,
  type Instance,
  instanceFailure,
  isInstanceIdle,
  isInstanceReady,
  isStatus,
  type Logger,
  type TroveClient,
  waitFor
} from '../openstack/index.js'

/** What every wait needs from its host: where progress goes, and time. */
export interface WaitDeps {
  logger: Logger
  sleep: (ms: number) => Promise<void>
  now: () => number
}

type InstanceWait = (
  trove: TroveClient,
  instance: { id: string; name: string },
  timeoutMs: number,
  deps: WaitDeps,
  stepTimeoutMs?: number
) => Promise<{ value: Instance; elapsedMs: number }>

/** A wait on one instance until `isDone`; ERROR and friends end it at once. */
function instanceWait(isDone: (instance: Instance) => boolean): InstanceWait {
  return (trove, instance, timeoutMs, deps, stepTimeoutMs) =>
    waitFor({
      ...deps,
      what: `instance ${instance.name}`,
      poll: () => trove.getInstance(instance.id),
      describe: describeInstance,
      isDone,
      failure: instanceFailure,
      timeoutMs,
      stepTimeoutMs
    })
}

/** Waits for ACTIVE (+ HEALTHY where reported): ready to connect to. */
export const waitForInstanceReady = instanceWait(isInstanceReady)

/**
 * Waits until the instance is free for a backup (ACTIVE): after a running backup, or a 422
 * "busy". A late guest heartbeat does not hold it up; Trove takes the backup regardless.
 */
export const waitForInstanceIdle = instanceWait(isInstanceIdle)

export function waitForBackup(
  trove: TroveClient,
  backup: { id: string; name: string },
  timeoutMs: number,
  deps: WaitDeps,
  stepTimeoutMs?: number
): Promise<{ value: Backup; elapsedMs: number }> {
  return waitFor({
    ...deps,
    what: `backup ${backup.name}`,
    poll: () => trove.getBackup(backup.id),
    describe: (b) => b.status,
    isDone: (b) => b.status === BACKUP_DONE,
    failure: backupFailure,
    timeoutMs,
    stepTimeoutMs,
    initialIntervalMs: 3_000,
    maxIntervalMs: 20_000
  })
}

export async function findInstancesByName(trove: TroveClient, name: string): Promise<Instance[]> {
  return (await trove.listInstances()).filter((i) => i.name === name)
}

/**
 * Deletes an instance and waits until it is really gone. Trove refuses (422) to delete an
 * instance that is still building, so keep asking until it accepts or the time is up.
 */
export async function deleteAndConfirm(
  trove: TroveClient,
  instance: { id: string; name: string },
  timeoutMs: number,
  deps: WaitDeps
): Promise<void> {
  const start = deps.now()
  let interval = 3_000
  for (;;) {
    try {
      await trove.deleteInstance(instance.id)
      break
    } catch (error) {
      const elapsed = deps.now() - start
      if (!isStatus(error, 422, 409) || elapsed >= timeoutMs) throw error
      deps.logger.info(
        `instance ${instance.name} cannot be deleted yet (${error.apiMessage}); asking again (after ${formatElapsed(elapsed)})`
      )
      await deps.sleep(Math.min(interval, timeoutMs - elapsed))
      interval = Math.min(interval * 2, 30_000)
    }
  }
  await waitFor({
    ...deps,
    what: `deleting instance ${instance.name}`,
    poll: () => trove.findInstanceById(instance.id),
    describe: (i) => (i ? i.status : 'gone'),
    isDone: (i) => i === undefined,
    // Trove reads ERROR all through the delete of an instance whose server failed
    // (docs/trove-api.md §4.4): not an end, only the timeout can say the delete is stuck.
    failure: () => undefined,
    timeoutMs: Math.max(1_000, timeoutMs - (deps.now() - start)),
    initialIntervalMs: 2_000,
    maxIntervalMs: 15_000
  })
}
