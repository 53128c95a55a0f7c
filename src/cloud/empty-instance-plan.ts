import { InputError } from '../errors.js'
import type { NewInstanceSettings } from '../inputs/restore.js'
import type { DatastoreVersion, TroveClient } from '../openstack/index.js'

/** How to make an empty instance for data that comes from elsewhere (an off-site copy). */
export interface EmptyInstancePlan {
  flavorRef: string
  volume: { size: number; type?: string }
  datastore: { type: string; version: string }
  nics?: { networkId: string }[]
}

/** What the data says about the instance it came from; the inputs override each of them. */
export interface EmptyInstanceDefaults {
  /** Trove's datastore type: postgresql or mariadb. */
  type: string
  /** The version the source server reported (`15.4`, `10.11.6-MariaDB`). */
  serverVersion: string
  /** The source's Trove datastore version, flavor and volume, when known. */
  datastoreVersion?: string
  flavorId?: string
  volumeSizeGb?: number
  /** The data needs at least this much room. */
  minimumGb: number
}

/**
 * Chooses flavor, volume and datastore version for a new, empty instance: the inputs where
 * given, else what the data's source had, as far as this cloud offers it. Reads only; every
 * choice is checked here, before anything is created.
 */
export async function planEmptyInstance(
  trove: TroveClient,
  settings: NewInstanceSettings,
  defaults: EmptyInstanceDefaults
): Promise<EmptyInstancePlan> {
  const versions = (await trove.listDatastoreVersions(defaults.type)).filter((v) => v.active)
  const version = chooseVersion(versions, settings.datastoreVersion, defaults)
  const flavorRef = await chooseFlavor(trove, settings.flavor, defaults.flavorId)
  const minimum = Math.max(1, defaults.minimumGb)
  const size = settings.volumeSizeGb ?? Math.max(defaults.volumeSizeGb ?? 0, minimum)
  if (size < minimum) {
    throw new InputError(
      'volume-size',
      `${size} GB is too small for the data (${minimum} GB at least); use at least ${minimum}`
    )
  }
  const plan: EmptyInstancePlan = {
    flavorRef,
    volume: settings.volumeType ? { size, type: settings.volumeType } : { size },
    datastore: { type: defaults.type, version }
  }
  if (settings.network) plan.nics = [{ networkId: settings.network }]
  return plan
}

function chooseVersion(
  offered: DatastoreVersion[],
  wanted: string,
  defaults: EmptyInstanceDefaults
): string {
  const names = offered.map((v) => v.name).join(', ') || 'none'
  if (wanted) {
    const match = offered.find((v) => v.name === wanted || v.id === wanted)
    if (!match) {
      throw new InputError(
        'datastore-version',
        `${defaults.type} "${wanted}" is not offered by this cloud (offered: ${names})`
      )
    }
    return match.name
  }
  const recorded = defaults.datastoreVersion
    ? offered.find((v) => v.name === defaults.datastoreVersion)
    : undefined
  if (recorded) return recorded.name
  // The server's own version names its Trove version: 15.4 is "15", 10.11.6-MariaDB "10.11".
  const reported = defaults.serverVersion
  const fits = offered
    .filter(
      (v) =>
        reported === v.name ||
        reported.startsWith(`${v.name}.`) ||
        reported.startsWith(`${v.name}-`)
    )
    .sort((a, b) => b.name.length - a.name.length)[0]
  if (fits) return fits.name
  throw new InputError(
    'datastore-version',
    `is required: the data is from ${defaults.type} ${defaults.serverVersion}, which this cloud does not offer (offered: ${names}); choose one at least as new`
  )
}

async function chooseFlavor(
  trove: TroveClient,
  wanted: string,
  recorded: string | undefined
): Promise<string> {
  const flavors = await trove.listFlavors()
  const names = flavors.map((f) => f.name).join(', ')
  const ref = wanted || recorded
  if (!ref) throw new InputError('flavor', `is required (flavors: ${names})`)
  const match = flavors.find((f) => f.name === ref || f.id === ref)
  if (match) return match.id
  if (wanted) throw new InputError('flavor', `no flavor "${wanted}"; flavors: ${names}`)
  throw new InputError(
    'flavor',
    `is required: the source's flavor ${ref} is not offered by this cloud (flavors: ${names})`
  )
}
