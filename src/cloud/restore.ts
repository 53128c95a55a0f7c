import { describeError, InputError } from '../errors.js'
import { isTempInstanceName } from './marker.js'
import {
  type CreateInstanceRequest,
  type Instance,
  outcomeUnknown,
  type TroveClient
} from '../openstack/index.js'
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
  return createInstanceAndWait(
    deps,
    trove,
    {
      name,
      flavorRef: plan.flavorRef,
      volume: plan.volume,
      datastore: plan.datastore,
      restoreBackupId: plan.backup.id,
      // is_public gives the instance a public address; the allow-list limits who reaches it.
      access: { isPublic: true, allowedCidrs },
      ...(plan.nics && { nics: plan.nics })
    },
    timeoutMs,
    (id) => {
      onCreated(id)
      deps.logger.info(`Restoring backup ${plan.backup.id} into instance ${name} (${id})`)
    }
  )
}

/**
 * Sends one create and waits until the instance is usable (ACTIVE, with an address). The name
 * must be unused: if the answer is lost, the instance is looked up by that name, never asked
 * for again.
 */
export async function createInstanceAndWait(
  deps: WaitDeps,
  trove: TroveClient,
  request: CreateInstanceRequest,
  timeoutMs: number,
  onCreated: (id: string) => void
): Promise<RestoredInstance> {
  const started = deps.now()
  const { name } = request
  let created: Instance
  try {
    created = await trove.createInstance(request)
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
  const { value } = await waitForInstanceReady(trove, { id: created.id, name }, timeoutMs, deps)
  const host = value.addresses[0]
  if (!host)
    throw new Error(
      `Instance ${name} is ACTIVE but has no address; is it public (access.is_public)?`
    )
  return { instance: value, host, restoreMs: deps.now() - started }
}

/** restore-name must not look like a drill's temporary instance: sweep would delete it. */
export function refuseTempName(name: string): void {
  if (isTempInstanceName(name)) {
    throw new InputError(
      'restore-name',
      'must not look like a drill’s temporary instance (sweep would delete it)'
    )
  }
}

/** A kept instance's name must be unused: a lost create answer is found again by it. */
export async function refuseTakenName(trove: TroveClient, name: string, hint = ''): Promise<void> {
  if ((await trove.listInstances()).some((i) => i.name === name)) {
    throw new InputError(
      'restore-name',
      `an instance named "${name}" already exists; choose another name${hint}`
    )
  }
}
