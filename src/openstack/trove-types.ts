import { OpenStackResponseError } from './errors.js'
import { Reader } from './parse.js'

/** Instance `status` values Trove uses (docs/trove-api.md §4). */
export type InstanceStatus = string
/** Backup `status`: NEW, BUILDING, COMPLETED, FAILED, DELETE_FAILED, SAVING, RESTORED … */
export type BackupStatus = string

export interface DatastoreRef {
  type: string
  version: string
  versionId?: string
}

export interface Instance {
  id: string
  name: string
  status: InstanceStatus
  /** `HEALTHY`, `SHUTDOWN`, … — absent on older Trove releases. */
  operatingStatus?: string
  datastore?: DatastoreRef
  flavorId?: string
  volumeSizeGb?: number
  volumeType?: string
  /** Public addresses first (ip[] and addresses[] merged). */
  addresses: string[]
  isPublic?: boolean
  allowedCidrs?: string[]
  created?: Date
  updated?: Date
  /** The fault message of an instance in ERROR. */
  fault?: string
}

export interface Backup {
  id: string
  name: string
  description?: string
  status: BackupStatus
  instanceId?: string
  parentId?: string
  /** GB (Trove reports a float, roughly the source volume's used space). */
  sizeGb?: number
  datastore?: DatastoreRef
  locationRef?: string
  created: Date
  updated: Date
}

export interface DatastoreVersion {
  id: string
  name: string
  /** Whether the cloud still offers the version (admin view or `active` flag where present). */
  active: boolean
}

export interface Datastore {
  id: string
  name: string
  defaultVersion?: string
  versions: DatastoreVersion[]
}

export interface Flavor {
  /** The id to send as `flavorRef`: `str_id` when `id` is null (UUID flavors, as on CSC). */
  id: string
  name: string
  ramMb?: number
  vcpus?: number
}

export interface Limits {
  maxInstances?: number
  maxVolumesGb?: number
  maxBackups?: number
}

export function readDatastoreRef(reader: Reader | undefined): DatastoreRef | undefined {
  if (!reader) return undefined
  const ref: DatastoreRef = { type: reader.string('type'), version: reader.string('version') }
  const versionId = reader.optionalString('version_id')
  if (versionId !== undefined) ref.versionId = versionId
  return ref
}

export function readInstance(value: unknown, where: string): Instance {
  const r = new Reader(value, where)
  const addresses: string[] = []
  for (const entry of r.optionalArray('addresses') ?? []) {
    const address = new Reader(entry, `${where}.addresses[]`)
    const ip = address.optionalString('address')
    if (ip && !addresses.includes(ip)) {
      if (address.optionalString('type') === 'public') addresses.unshift(ip)
      else addresses.push(ip)
    }
  }
  for (const ip of r.optionalArray('ip') ?? []) {
    if (typeof ip === 'string' && !addresses.includes(ip)) addresses.push(ip)
  }
  const volume = r.optionalChild('volume')
  const access = r.optionalChild('access')
  const flavor = r.optionalChild('flavor')
  const fault = r.optionalChild('fault')
  const instance: Instance = {
    id: r.string('id'),
    name: r.string('name'),
    status: r.string('status'),
    addresses
  }
  assign(instance, 'operatingStatus', r.optionalString('operating_status'))
  assign(instance, 'datastore', readDatastoreRef(r.optionalChild('datastore')))
  assign(instance, 'flavorId', flavor?.optionalString('id'))
  assign(instance, 'volumeSizeGb', volume?.optionalNumber('size'))
  assign(instance, 'volumeType', volume?.optionalString('type'))
  assign(instance, 'isPublic', access?.optionalBoolean('is_public'))
  const cidrs = access?.optionalArray('allowed_cidrs')
  assign(
    instance,
    'allowedCidrs',
    cidrs?.filter((c): c is string => typeof c === 'string')
  )
  assign(instance, 'created', r.optionalTime('created'))
  assign(instance, 'updated', r.optionalTime('updated'))
  assign(instance, 'fault', fault?.optionalString('message'))
  return instance
}

export function readBackup(value: unknown, where: string): Backup {
  const r = new Reader(value, where)
  const backup: Backup = {
    id: r.string('id'),
    name: r.optionalString('name') ?? '',
    status: r.string('status'),
    created: r.time('created'),
    updated: r.optionalTime('updated') ?? r.time('created')
  }
  assign(backup, 'description', r.optionalString('description'))
  assign(backup, 'instanceId', r.optionalString('instance_id'))
  assign(backup, 'parentId', r.optionalString('parent_id'))
  assign(backup, 'sizeGb', r.optionalNumber('size'))
  assign(backup, 'datastore', readDatastoreRef(r.optionalChild('datastore')))
  assign(backup, 'locationRef', r.optionalString('locationRef'))
  return backup
}

export function readDatastoreVersion(value: unknown, where: string): DatastoreVersion {
  const r = new Reader(value, where)
  // Only admins see `active`; for others, a version that is listed is offered.
  const active = r.data.active === undefined ? true : r.data.active === true || r.data.active === 1
  return { id: r.string('id'), name: r.string('name'), active }
}

export function readDatastore(value: unknown, where: string): Datastore {
  const r = new Reader(value, where)
  const datastore: Datastore = {
    id: r.string('id'),
    name: r.string('name'),
    versions: (r.optionalArray('versions') ?? []).map((v, i) =>
      readDatastoreVersion(v, `${where}.versions[${i}]`)
    )
  }
  assign(datastore, 'defaultVersion', r.optionalString('default_version'))
  return datastore
}

export function readFlavor(value: unknown, where: string): Flavor {
  const r = new Reader(value, where)
  // On clouds with UUID flavor ids (CSC) `id` is null and the real id is `str_id`.
  const rawId = r.data.id
  const id =
    r.optionalString('str_id') ??
    (rawId === null || rawId === undefined ? undefined : String(rawId))
  if (id === undefined) {
    throw new OpenStackResponseError(`${where}: neither 'str_id' nor 'id' names the flavor`)
  }
  const flavor: Flavor = { id, name: r.string('name') }
  assign(flavor, 'ramMb', r.optionalNumber('ram'))
  assign(flavor, 'vcpus', r.optionalNumber('vcpus'))
  return flavor
}

/** Sets an optional property only when there is a value (exactOptionalPropertyTypes-friendly). */
function assign<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value
}
