import { isStatus, OpenStackResponseError } from './errors.js'
import { Reader } from './parse.js'
import type { OpenStackSession } from './session.js'
import {
  type Backup,
  type Datastore,
  type DatastoreVersion,
  type Flavor,
  type Instance,
  type Limits,
  readBackup,
  readDatastore,
  readDatastoreVersion,
  readFlavor,
  readInstance
} from './trove-types.js'

export interface CreateBackupRequest {
  name: string
  instanceId: string
  description?: string
  incremental?: boolean
  parentId?: string
}

export interface CreateInstanceRequest {
  name: string
  flavorRef: string
  volume: { size: number; type?: string }
  datastore: { type: string; version: string }
  /** Restore from this backup. Send the backup's own datastore type and version with it. */
  restoreBackupId?: string
  access?: { isPublic?: boolean; allowedCidrs?: string[] }
  nics?: { networkId?: string; subnetId?: string; ipAddress?: string }[]
  users?: { name: string; password: string; databases?: string[] }[]
  databases?: string[]
}

export interface ListBackupsOptions {
  instanceId?: string
  datastore?: string
  /** Page size; Trove's default is 20. Larger pages mean fewer requests for long histories. */
  pageSize?: number
  /** Stop after this many pages (e.g. 1 to read only the most recently updated backups). */
  maxPages?: number
}

/** Instance ids and backup ids are UUIDs; Trove refuses anything else with a 400. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Typed calls of the Trove v1.0 API. Knows nothing of GitHub. */
export class TroveClient {
  private readonly session: OpenStackSession

  constructor(session: OpenStackSession) {
    this.session = session
  }

  async getInstance(id: string): Promise<Instance> {
    const context = `Trove: show instance ${id}`
    const { body } = await this.session.database({
      method: 'GET',
      path: `/instances/${encodeURIComponent(id)}`,
      expected: [200],
      context
    })
    return readInstance(new Reader(body, context).data.instance, `${context}: instance`)
  }

  /** Like getInstance, but undefined when the instance does not exist (any more). */
  async findInstanceById(id: string): Promise<Instance | undefined> {
    try {
      return await this.getInstance(id)
    } catch (error) {
      if (isStatus(error, 404)) return undefined
      throw error
    }
  }

  /** Every instance of the project. Pages use the last id as marker (20 a page on Trove). */
  async listInstances(): Promise<Instance[]> {
    const instances: Instance[] = []
    const seen = new Set<string>()
    let marker: string | undefined
    for (;;) {
      const context = 'Trove: list instances'
      const query = marker
        ? `?include_clustered=False&marker=${encodeURIComponent(marker)}`
        : '?include_clustered=False'
      const { body } = await this.session.database({
        method: 'GET',
        path: `/instances${query}`,
        expected: [200],
        context
      })
      const page = new Reader(body, context)
      const items = page
        .array('instances')
        .map((item, i) => readInstance(item, `${context}: instances[${i}]`))
      for (const instance of items) {
        if (!seen.has(instance.id)) {
          seen.add(instance.id)
          instances.push(instance)
        }
      }
      const next = nextMarker(page)
      if (items.length === 0 || next === undefined || next === marker) return instances
      marker = next
    }
  }

  async createInstance(request: CreateInstanceRequest): Promise<Instance> {
    const context = `Trove: create instance ${request.name}`
    const instance: Record<string, unknown> = {
      name: request.name,
      flavorRef: request.flavorRef,
      volume: request.volume.type
        ? { size: request.volume.size, type: request.volume.type }
        : { size: request.volume.size },
      datastore: { type: request.datastore.type, version: request.datastore.version }
    }
    if (request.restoreBackupId) instance.restorePoint = { backupRef: request.restoreBackupId }
    if (request.access) {
      instance.access = {
        is_public: request.access.isPublic ?? false,
        ...(request.access.allowedCidrs && { allowed_cidrs: request.access.allowedCidrs })
      }
    }
    if (request.nics && request.nics.length > 0) {
      instance.nics = request.nics.map((nic) => ({
        ...(nic.networkId && { network_id: nic.networkId }),
        ...(nic.subnetId && { subnet_id: nic.subnetId }),
        ...(nic.ipAddress && { ip_address: nic.ipAddress })
      }))
    }
    if (request.users && request.users.length > 0) {
      instance.users = request.users.map((u) => ({
        name: u.name,
        password: u.password,
        ...(u.databases && { databases: u.databases.map((name) => ({ name })) })
      }))
    }
    if (request.databases && request.databases.length > 0) {
      instance.databases = request.databases.map((name) => ({ name }))
    }
    const { body } = await this.session.database({
      method: 'POST',
      path: '/instances',
      body: { instance },
      expected: [200, 202],
      context
    })
    return readInstance(new Reader(body, context).data.instance, `${context}: instance`)
  }

  /** Deletes an instance. Returns false when it was already gone (404). */
  async deleteInstance(id: string): Promise<boolean> {
    try {
      await this.session.database({
        method: 'DELETE',
        path: `/instances/${encodeURIComponent(id)}`,
        expected: [202, 204],
        context: `Trove: delete instance ${id}`
      })
      return true
    } catch (error) {
      if (isStatus(error, 404)) return false
      throw error
    }
  }

  async createBackup(request: CreateBackupRequest): Promise<Backup> {
    const context = `Trove: create backup of instance ${request.instanceId}`
    const backup: Record<string, unknown> = {
      name: request.name,
      instance: request.instanceId,
      // Trove's schema wants the integer 0/1, not a boolean (trove-api.md 8.8).
      incremental: request.incremental ? 1 : 0
    }
    // An empty description fails Trove's validation: leave it out instead.
    if (request.description) backup.description = request.description
    if (request.parentId) backup.parent_id = request.parentId
    const { body } = await this.session.database({
      method: 'POST',
      path: '/backups',
      body: { backup },
      expected: [200, 202],
      context
    })
    return readBackup(new Reader(body, context).data.backup, `${context}: backup`)
  }

  async getBackup(id: string): Promise<Backup> {
    const context = `Trove: show backup ${id}`
    const { body } = await this.session.database({
      method: 'GET',
      path: `/backups/${encodeURIComponent(id)}`,
      expected: [200],
      context
    })
    return readBackup(new Reader(body, context).data.backup, `${context}: backup`)
  }

  /**
   * Every backup, across all pages (the web UI stops at 20; we never do). Trove's backup marker
   * is a numeric offset and a full last page still has a next link, so stop on an empty page or a
   * missing link. Offsets shift when a backup changes during the walk: dedupe by id.
   */
  async listBackups(options: ListBackupsOptions = {}): Promise<Backup[]> {
    const context = options.instanceId
      ? `Trove: list backups of instance ${options.instanceId}`
      : 'Trove: list backups'
    const backups: Backup[] = []
    const seen = new Set<string>()
    let marker: string | undefined
    for (let pages = 1; ; pages++) {
      const params = new URLSearchParams()
      if (options.instanceId) params.set('instance_id', options.instanceId)
      if (options.datastore) params.set('datastore', options.datastore)
      if (options.pageSize) params.set('limit', String(options.pageSize))
      if (marker) params.set('marker', marker)
      const query = params.toString()
      const { body } = await this.session.database({
        method: 'GET',
        path: `/backups${query ? `?${query}` : ''}`,
        expected: [200],
        context
      })
      const page = new Reader(body, context)
      const items = page
        .array('backups')
        .map((item, i) => readBackup(item, `${context}: backups[${i}]`))
      for (const backup of items) {
        if (!seen.has(backup.id)) {
          seen.add(backup.id)
          backups.push(backup)
        }
      }
      const next = nextMarker(page)
      if (items.length === 0 || next === undefined || next === marker) return backups
      if (options.maxPages !== undefined && pages >= options.maxPages) return backups
      marker = next
    }
  }

  async listDatastores(): Promise<Datastore[]> {
    const context = 'Trove: list datastores'
    const { body } = await this.session.database({
      method: 'GET',
      path: '/datastores',
      expected: [200],
      context
    })
    return new Reader(body, context)
      .array('datastores')
      .map((d, i) => readDatastore(d, `${context}: datastores[${i}]`))
  }

  async listDatastoreVersions(datastore: string): Promise<DatastoreVersion[]> {
    const context = `Trove: list versions of datastore ${datastore}`
    const { body } = await this.session.database({
      method: 'GET',
      path: `/datastores/${encodeURIComponent(datastore)}/versions`,
      expected: [200],
      context
    })
    return new Reader(body, context)
      .array('versions')
      .map((v, i) => readDatastoreVersion(v, `${context}: versions[${i}]`))
  }

  async listFlavors(): Promise<Flavor[]> {
    const context = 'Trove: list flavors'
    const { body } = await this.session.database({
      method: 'GET',
      path: '/flavors',
      expected: [200],
      context
    })
    return new Reader(body, context)
      .array('flavors')
      .map((f, i) => readFlavor(f, `${context}: flavors[${i}]`))
  }

  async getLimits(): Promise<Limits> {
    const context = 'Trove: show limits'
    const { body } = await this.session.database({
      method: 'GET',
      path: '/limits',
      expected: [200],
      context
    })
    const limits: Limits = {}
    for (const [i, entry] of new Reader(body, context).array('limits').entries()) {
      const limit = new Reader(entry, `${context}: limits[${i}]`)
      if (limit.optionalString('verb') !== 'ABSOLUTE') continue
      const maxInstances = limit.optionalNumber('max_instances')
      const maxVolumes = limit.optionalNumber('max_volumes')
      const maxBackups = limit.optionalNumber('max_backups')
      if (maxInstances !== undefined) limits.maxInstances = maxInstances
      if (maxVolumes !== undefined) limits.maxVolumesGb = maxVolumes
      if (maxBackups !== undefined) limits.maxBackups = maxBackups
    }
    return limits
  }
}

/**
 * The marker of the next page, read from the `next` link's query. Never follow the href itself:
 * Trove builds it from the host it saw, forced to https (trove-api.md 2.1).
 */
export function nextMarker(page: Reader): string | undefined {
  const links = page.optionalArray('links')
  if (!links) return undefined
  for (const link of links) {
    if (!link || typeof link !== 'object') continue
    const { rel, href } = link as { rel?: unknown; href?: unknown }
    if (rel !== 'next' || typeof href !== 'string') continue
    const query = href.includes('?') ? href.slice(href.indexOf('?') + 1) : ''
    const marker = new URLSearchParams(query).get('marker')
    if (marker) return marker
    throw new OpenStackResponseError(`${page.where}: a "next" link without a marker: ${href}`)
  }
  return undefined
}
