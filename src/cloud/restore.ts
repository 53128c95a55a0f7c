import { describeError } from '../errors.js'
import { type Instance, outcomeUnknown, type TroveClient } from '../openstack/index.js'
import { findInstancesByName, type WaitDeps, waitForInstanceReady } from './waits.js'
import type { RestorePlan } from './restore-plan.js'

export interface RestoredInstance {
  instance: Instance
  host: string
  /** From the create request to ACTIVE/HEALTHY: the real recovery time. */
  restoreMs: number
}

/**
 * Creates an instance from the plan's backup and waits until it is usable. The create is sent
 * once: if its answer is lost, we look the instance up by its unique name instead of asking again.
 */
export async function restoreInstance(
  deps: WaitDeps,
  trove: TroveClient,
  plan: RestorePlan,
  name: string,
  allowedCidrs: string[],
  timeoutMs: number,
  onCreated: (id: string) => void
): Promise<RestoredInstance> {
  const started = deps.now()
  let created: Instance
  try {
    created = await trove.createInstance({
      name,
      flavorRef: plan.flavorRef,
      volume: plan.volume,
      datastore: plan.datastore,
      restoreBackupId: plan.backup.id,
      // is_public gives the instance a public address; the allow-list limits who reaches it.
      access: { isPublic: true, allowedCidrs },
      ...(plan.nics && { nics: plan.nics })
    })
  } catch (error) {
    if (!outcomeUnknown(error)) throw error
    deps.logger.warning(
      `${describeError(error)} — checking whether instance ${name} was created anyway`
    )
    const found = await findInstancesByName(trove, name)
    if (found.length === 0) throw error
    created = found[0] as Instance
  }
  onCreated(created.id)
  deps.logger.info(`Restoring backup ${plan.backup.id} into instance ${name} (${created.id})`)
  const { value } = await waitForInstanceReady(trove, { id: created.id, name }, timeoutMs, deps)
  const host = value.addresses[0]
  if (!host)
    throw new Error(
      `Instance ${name} is ACTIVE but has no address; is it public (access.is_public)?`
    )
  return { instance: value, host, restoreMs: deps.now() - started }
}
