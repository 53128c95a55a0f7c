import {
  type Instance,
  OpenStackHttpError,
  type TroveClient,
  waitFor,
  formatElapsed
} from '../openstack/index.js'
import type { WaitDeps } from './waits.js'

/**
 * Temporary instances carry our marker in their name (Trove instances have no description):
 * `dbaas-verify-<8 hex of the backup id>-r<run id>-<attempt>`. Sweep deletes only names of exactly
 * this shape, so nothing a person named is ever touched.
 */
export const TEMP_PREFIX = 'dbaas-verify-'
const TEMP_PATTERN = /^dbaas-verify-[0-9a-f]{8}-r[0-9a-z]+-\d+$/

export function tempInstanceName(backupId: string, runId: string, attempt: string): string {
  const backupPart = backupId
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 8)
    .toLowerCase()
    .padEnd(8, '0')
  const run = (runId || `local${Date.now().toString(36)}`).toLowerCase().replace(/[^0-9a-z]/g, '')
  return `${TEMP_PREFIX}${backupPart}-r${run}-${attempt.replace(/\D/g, '') || '1'}`
}

export function isTempInstanceName(name: string): boolean {
  return TEMP_PATTERN.test(name)
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
      const busy =
        error instanceof OpenStackHttpError && (error.status === 422 || error.status === 409)
      const elapsed = deps.now() - start
      if (!busy || elapsed >= timeoutMs) throw error
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
    failure: (i) => (i?.status === 'ERROR' ? 'is in ERROR and was not deleted' : undefined),
    timeoutMs: Math.max(1_000, timeoutMs - (deps.now() - start)),
    initialIntervalMs: 2_000,
    maxIntervalMs: 15_000
  })
}
