import type { CommandContext } from '../commands/context.js'
import {
  type Instance,
  OpenStackHttpError,
  OpenStackNetworkError,
  type TroveClient
} from '../openstack/index.js'
import { waitForInstanceReady } from './waits.js'
import type { RestorePlan } from './restore-plan.js'
import { findInstancesByName } from './temporary-instance.js'

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
  context: CommandContext,
  trove: TroveClient,
  plan: RestorePlan,
  name: string,
  allowedCidrs: string[],
  timeoutMs: number,
  onCreated: (id: string) => void
): Promise<RestoredInstance> {
  const started = context.now()
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
    const unknownOutcome =
      error instanceof OpenStackNetworkError ||
      (error instanceof OpenStackHttpError && error.status >= 500)
    if (!unknownOutcome) throw error
    context.logger.warning(
      `${(error as Error).message} — checking whether instance ${name} was created anyway`
    )
    const found = await findInstancesByName(trove, name)
    if (found.length === 0) throw error
    created = found[0] as Instance
  }
  onCreated(created.id)
  context.logger.info(`Restoring backup ${plan.backup.id} into instance ${name} (${created.id})`)
  const { value } = await waitForInstanceReady(trove, { id: created.id, name }, timeoutMs, context)
  const host = value.addresses[0]
  if (!host)
    throw new Error(
      `Instance ${name} is ACTIVE but has no address; is it public (access.is_public)?`
    )
  return { instance: value, host, restoreMs: context.now() - started }
}
