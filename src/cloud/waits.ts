import {
  type Backup,
  backupFailure,
  BACKUP_DONE,
  describeInstance,
  type Instance,
  instanceFailure,
  isInstanceReady,
  type Logger,
  type TroveClient,
  waitFor
} from '../openstack/index.js'

export interface WaitDeps {
  logger: Logger
  sleep: (ms: number) => Promise<void>
  now: () => number
}

/** Waits for ACTIVE (+ HEALTHY where reported). ERROR and friends end the wait at once. */
export function waitForInstanceReady(
  trove: TroveClient,
  instance: { id: string; name: string },
  timeoutMs: number,
  deps: WaitDeps
): Promise<{ value: Instance; elapsedMs: number }> {
  return waitFor({
    ...deps,
    what: `instance ${instance.name}`,
    poll: () => trove.getInstance(instance.id),
    describe: describeInstance,
    isDone: isInstanceReady,
    failure: instanceFailure,
    timeoutMs
  })
}

export function waitForBackup(
  trove: TroveClient,
  backup: { id: string; name: string },
  timeoutMs: number,
  deps: WaitDeps
): Promise<{ value: Backup; elapsedMs: number }> {
  return waitFor({
    ...deps,
    what: `backup ${backup.name}`,
    poll: () => trove.getBackup(backup.id),
    describe: (b) => b.status,
    isDone: (b) => b.status === BACKUP_DONE,
    failure: backupFailure,
    timeoutMs,
    initialIntervalMs: 3_000,
    maxIntervalMs: 20_000
  })
}
