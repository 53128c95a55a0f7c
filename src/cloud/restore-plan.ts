import { CheckFailure, InputError } from '../errors.js'
import { resolveInstance } from './resolve.js'
import type { Backup, Instance, TroveClient } from '../openstack/index.js'
import { isUsable, newestUsable } from '../policy/index.js'
import type { RestoreInputs } from '../inputs/restore.js'

export interface RestorePlan {
  backup: Backup
  /** The instance the backup came from, when it still exists. */
  source?: Instance
  flavorRef: string
  volume: { size: number; type?: string }
  datastore: { type: string; version: string }
  nics?: { networkId: string }[]
}

/**
 * Decides what to restore and how: the backup (given, or the newest COMPLETED of the instance),
 * and flavor, volume, datastore and network from the source instance unless inputs override them.
 * Everything is checked here, before any instance is created.
 */
export async function planRestore(trove: TroveClient, inputs: RestoreInputs): Promise<RestorePlan> {
  const source = inputs.instance ? await resolveInstance(trove, inputs.instance) : undefined
  const backup = inputs.backupId
    ? await trove.getBackup(inputs.backupId)
    : await newestCompleted(trove, source as Instance)
  if (!isUsable(backup)) {
    throw new CheckFailure(
      `Backup ${backup.name} (${backup.id}) is ${backup.status}; only a COMPLETED (or RESTORED) backup can be restored`
    )
  }
  if (source && backup.instanceId && backup.instanceId !== source.id) {
    throw new InputError(
      'backup-id',
      `backup ${backup.id} belongs to instance ${backup.instanceId}, not to ${source.name} (${source.id})`
    )
  }
  const original =
    source ?? (backup.instanceId ? await trove.findInstanceById(backup.instanceId) : undefined)

  // Restore into the backup's own datastore type and version (CSC's advice; Trove otherwise
  // picks its default version, and a mismatched type is a 400).
  const type = backup.datastore?.type ?? original?.datastore?.type
  const version =
    inputs.datastoreVersion || backup.datastore?.version || original?.datastore?.version
  if (!type || !version) {
    throw new InputError(
      'datastore-version',
      `backup ${backup.id} does not say its datastore; set datastore-version`
    )
  }
  const versions = await trove.listDatastoreVersions(type)
  const offered = versions.find((v) => v.name === version || v.id === version)
  if (!offered || !offered.active) {
    throw new CheckFailure(
      `Backup ${backup.id} is ${type} ${version}, which this cloud no longer offers (offered: ${versions
        .filter((v) => v.active)
        .map((v) => v.name)
        .join(', ')}): it cannot be restored here`
    )
  }

  const flavorRef = await chooseFlavor(trove, inputs.flavor, original)
  const minimum = Math.max(1, Math.ceil(backup.sizeGb ?? 0))
  const size = inputs.volumeSizeGb ?? Math.max(original?.volumeSizeGb ?? 0, minimum)
  if (size < minimum) {
    throw new InputError(
      'volume-size',
      `${size} GB is smaller than backup ${backup.id} (${backup.sizeGb} GB); use at least ${minimum}`
    )
  }
  const volumeType = inputs.volumeType || original?.volumeType
  const plan: RestorePlan = {
    backup,
    flavorRef,
    volume: volumeType ? { size, type: volumeType } : { size },
    datastore: { type, version: offered.name }
  }
  if (source) plan.source = source
  if (inputs.network) plan.nics = [{ networkId: inputs.network }]
  return plan
}

async function newestCompleted(trove: TroveClient, instance: Instance): Promise<Backup> {
  const backups = await trove.listBackups({ instanceId: instance.id, pageSize: 100 })
  const newest = newestUsable(backups)
  if (!newest)
    throw new CheckFailure(`Instance ${instance.name} has no COMPLETED backup to restore`)
  return newest
}

async function chooseFlavor(
  trove: TroveClient,
  wanted: string,
  original: Instance | undefined
): Promise<string> {
  if (!wanted) {
    if (original?.flavorId) return original.flavorId
    throw new InputError(
      'flavor',
      'is required when the source instance no longer exists (e.g. standard.small)'
    )
  }
  const flavors = await trove.listFlavors()
  const match = flavors.find((f) => f.name === wanted || f.id === wanted)
  if (!match) {
    throw new InputError(
      'flavor',
      `no flavor "${wanted}"; flavors: ${flavors.map((f) => f.name).join(', ')}`
    )
  }
  return match.id
}

/** Fails early when a new instance would not fit in the project's quota. */
export async function checkQuota(
  trove: TroveClient,
  plan: { volume: { size: number } }
): Promise<string> {
  const limits = await trove.getLimits()
  const instances = await trove.listInstances()
  const usedGb = instances.reduce((sum, i) => sum + (i.volumeSizeGb ?? 0), 0)
  const problems: string[] = []
  if (
    limits.maxInstances !== undefined &&
    limits.maxInstances >= 0 &&
    instances.length + 1 > limits.maxInstances
  ) {
    problems.push(
      `instances: ${instances.length} of ${limits.maxInstances} used, the new instance needs 1 more`
    )
  }
  if (
    limits.maxVolumesGb !== undefined &&
    limits.maxVolumesGb >= 0 &&
    usedGb + plan.volume.size > limits.maxVolumesGb
  ) {
    problems.push(
      `volume storage: ${usedGb} of ${limits.maxVolumesGb} GB used, the new instance needs ${plan.volume.size} GB more`
    )
  }
  if (problems.length > 0) {
    throw new CheckFailure(
      `The new instance does not fit in the project's quota (${problems.join('; ')}). ` +
        'Free some room (delete an instance, or ask the provider for more quota) or set a smaller volume-size.'
    )
  }
  return `quota ok: ${instances.length + 1}/${limits.maxInstances ?? '∞'} instances, ${usedGb + plan.volume.size}/${limits.maxVolumesGb ?? '∞'} GB`
}
