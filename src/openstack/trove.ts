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
  /**
   * Pages in flight at once (default 1: one after another). Needs `pageSize`: backup markers
   * are offsets (docs/trove-api.md §2.4), so once the first page's next link shows
   * `marker=<pageSize>` the following pages' markers are known without waiting for each page.
   */
  concurrency?: number
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
    return this.show('instance', id, readInstance)
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
    const context = 'Trove: list instances'
    return this.allPages(context, 'instances', readInstance, (marker) =>
      marker
        ? `/instances?include_clustered=False&marker=${encodeURIComponent(marker)}`
        : '/instances?include_clustered=False'
    )
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
    return this.create('/instances', 'instance', instance, context, readInstance)
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
      // Trove's schema wants the integer 0/1, not a boolean (docs/trove-api.md §8.8).
      incremental: request.incremental ? 1 : 0
    }
    // An empty description fails Trove's validation: leave it out instead.
    if (request.description) backup.description = request.description
    if (request.parentId) backup.parent_id = request.parentId
    return this.create('/backups', 'backup', backup, context, readBackup)
  }

  /** One POST that creates `key` (sent once: the HTTP client never repeats a POST blindly). */
  private async create<T>(
    path: string,
    key: string,
    payload: Record<string, unknown>,
    context: string,
    read: (item: unknown, where: string) => T
  ): Promise<T> {
    const { body } = await this.session.database({
      method: 'POST',
      path,
      body: { [key]: payload },
      expected: [200, 202],
      context
    })
    return read(new Reader(body, context).data[key], `${context}: ${key}`)
  }

  async getBackup(id: string): Promise<Backup> {
    return this.show('backup', id, readBackup)
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
    const pathFor = (marker: string | undefined): string => {
      const params = new URLSearchParams()
      if (options.instanceId) params.set('instance_id', options.instanceId)
      if (options.datastore) params.set('datastore', options.datastore)
      if (options.pageSize) params.set('limit', String(options.pageSize))
      if (marker) params.set('marker', marker)
      const query = params.toString()
      return `/backups${query ? `?${query}` : ''}`
    }
    const { pageSize, concurrency = 1, maxPages } = options
    if (pageSize && concurrency > 1 && maxPages === undefined)
      return this.offsetPages(context, pathFor, pageSize, concurrency)
    return this.allPages(context, 'backups', readBackup, pathFor, maxPages)
  }

  /**
   * The backup walk with up to `concurrency` pages in flight: the page at offset k·pageSize is
   * asked for before page k-1 has come back. Each page must still prove the offset rule — full,
   * with a next link to the following offset — before the pages after it count: the first page
   * that does not (short, empty, no link, another marker) ends the walk there, as it would one
   * page at a time, and pages asked for beyond it are dropped. A marker other than the expected
   * offset is followed one page at a time from there. Items are deduplicated by id in page order.
   */
  private async offsetPages(
    context: string,
    pathFor: (marker: string | undefined) => string,
    pageSize: number,
    concurrency: number
  ): Promise<Backup[]> {
    interface Page {
      items: Backup[]
      next: string | undefined
    }
    const fetchPage = async (marker: string | undefined): Promise<Page> => {
      const { body } = await this.session.database({
        method: 'GET',
        path: pathFor(marker),
        expected: [200],
        context
      })
      const page = new Reader(body, context)
      const items = page
        .array('backups')
        .map((item, i) => readBackup(item, `${context}: backups[${i}]`))
      return { items, next: nextMarker(page) }
    }
    // Page k starts at offset k·pageSize; it leads on when it is full and links to page k+1.
    const leadsOn = (page: Page, k: number): boolean =>
      page.items.length === pageSize && page.next === String((k + 1) * pageSize)

    const pages: Page[] = [await fetchPage(undefined)]
    if (leadsOn(pages[0] as Page, 0)) {
      let end = Infinity // the index of the first page that does not lead on
      let issued = 1
      const inFlight = new Set<Promise<void>>()
      let failure: { error: unknown } | undefined
      while (!failure) {
        while (issued <= end && inFlight.size < concurrency && !failure) {
          const k = issued++
          const request: Promise<void> = fetchPage(String(k * pageSize)).then(
            (page) => {
              pages[k] = page
              if (!leadsOn(page, k)) end = Math.min(end, k)
            },
            (error: unknown) => {
              failure ??= { error }
            }
          )
          inFlight.add(request)
          void request.finally(() => inFlight.delete(request))
        }
        if (inFlight.size === 0) break
        await Promise.race(inFlight)
      }
      await Promise.all(inFlight)
      // Only a page before the end can fail the walk; one past it was never needed.
      if (failure) {
        const needed = Math.min(end, issued - 1)
        for (let k = 1; k <= needed; k++) if (pages[k] === undefined) throw failure.error
        if (end === Infinity) throw failure.error
      }
      pages.length = end + 1
    }
    const all: Backup[] = []
    const seen = new Set<string>()
    const add = (items: Backup[]): void => {
      for (const item of items) {
        if (!seen.has(item.id)) {
          seen.add(item.id)
          all.push(item)
        }
      }
    }
    for (const page of pages) add(page.items)
    // The last page read ends the walk unless it links somewhere unexpected: follow that link
    // one page at a time, as the plain walk would.
    const last = pages[pages.length - 1] as Page
    const k = pages.length - 1
    const marker = k === 0 ? undefined : String(k * pageSize)
    if (
      last.items.length > 0 &&
      last.next !== undefined &&
      last.next !== marker &&
      !leadsOn(last, k)
    )
      add(await this.allPages(context, 'backups', readBackup, pathFor, undefined, last.next))
    return all
  }

  /**
   * Follows the `next` links' markers from page to page: stops on an empty page, a missing link
   * or a marker that does not move (or after `maxPages`). Items are deduplicated by id, since
   * offsets shift when an item changes during the walk.
   */
  private async allPages<T extends { id: string }>(
    context: string,
    key: string,
    read: (item: unknown, where: string) => T,
    pathFor: (marker: string | undefined) => string,
    maxPages?: number,
    firstMarker?: string
  ): Promise<T[]> {
    const all: T[] = []
    const seen = new Set<string>()
    let marker: string | undefined = firstMarker
    for (let pages = 1; ; pages++) {
      const { body } = await this.session.database({
        method: 'GET',
        path: pathFor(marker),
        expected: [200],
        context
      })
      const page = new Reader(body, context)
      const items = page.array(key).map((item, i) => read(item, `${context}: ${key}[${i}]`))
      for (const item of items) {
        if (!seen.has(item.id)) {
          seen.add(item.id)
          all.push(item)
        }
      }
      const next = nextMarker(page)
      if (items.length === 0 || next === undefined || next === marker) return all
      if (maxPages !== undefined && pages >= maxPages) return all
      marker = next
    }
  }

  async listDatastores(): Promise<Datastore[]> {
    return this.list('Trove: list datastores', '/datastores', 'datastores', readDatastore)
  }

  async listDatastoreVersions(datastore: string): Promise<DatastoreVersion[]> {
    return this.list(
      `Trove: list versions of datastore ${datastore}`,
      `/datastores/${encodeURIComponent(datastore)}/versions`,
      'versions',
      readDatastoreVersion
    )
  }

  async listFlavors(): Promise<Flavor[]> {
    return this.list('Trove: list flavors', '/flavors', 'flavors', readFlavor)
  }

  /** One GET of an instance or a backup by id: `GET /<kind>s/<id>` → `{ "<kind>": {…} }`. */
  private async show<T>(
    kind: 'instance' | 'backup',
    id: string,
    read: (item: unknown, where: string) => T
  ): Promise<T> {
    const context = `Trove: show ${kind} ${id}`
    const path = `/${kind}s/${encodeURIComponent(id)}`
    const { body } = await this.session.database({ method: 'GET', path, expected: [200], context })
    return read(new Reader(body, context).data[kind], `${context}: ${kind}`)
  }

  /** One GET of a list that Trove does not page. */
  private async list<T>(
    context: string,
    path: string,
    key: string,
    read: (item: unknown, where: string) => T
  ): Promise<T[]> {
    const { body } = await this.session.database({ method: 'GET', path, expected: [200], context })
    return new Reader(body, context)
      .array(key)
      .map((item, i) => read(item, `${context}: ${key}[${i}]`))
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
 * Trove builds it from the host it saw, forced to https (docs/trove-api.md §2.1).
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
