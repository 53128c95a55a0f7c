// Trove instance routes: create (fresh or restore), show, list (id-marker paging),
// delete. Checks follow trove/instance/models.py Instance.create in its order.

import { defaultVersion, findDatastore, findFlavor, findVersion } from './catalog.ts'
import { empty, fail, json, type Req, type Router } from './http.ts'
import { buildInstance, deleteInstance } from './instance-jobs.ts'
import { idPage } from './paging.ts'
import { allocateAddress, newId, track, type InstanceRec, type State } from './state.ts'
import {
  asObj,
  checkCidrs,
  checkVolumeSize,
  isUuid,
  resourceBody,
  validationError,
  type Obj
} from './validate.ts'
import { instanceView } from './views.ts'
import type { DbUser } from '../servers/types.ts'

export function instanceRoutes(router: Router, state: State): void {
  const list = (detail: boolean) => (req: Req) =>
    json(
      200,
      idPage(req, [...state.instances.values()], 'instances', (i) =>
        instanceView(state, req, i, detail)
      )
    )
  router.add('GET', '/instances', list(false))
  router.add('GET', '/instances/detail', list(true))

  router.add('GET', '/instances/:id', (req, p) =>
    json(200, { instance: instanceView(state, req, mustFind(state, p.id as string), true) })
  )

  router.add('DELETE', '/instances/:id', (_req, p) => {
    const inst = mustFind(state, p.id as string)
    if (inst.status === 'BUILD') {
      throw fail(422, `Instance ${inst.id} is not ready. (Status is BUILD).`)
    }
    if (!inst.deleting) {
      inst.deleting = true
      // trove-api shows the deleting task as SHUTDOWN, except on an instance whose server
      // failed: that one reads ERROR until it is gone (docs/trove-api.md §4.4).
      if (inst.status !== 'ERROR') inst.status = 'SHUTDOWN'
      inst.updated = new Date()
      track(state, () => deleteInstance(state, inst))
    }
    return empty(202)
  })

  router.add('POST', '/instances', (req) => {
    const body = resourceBody(req, 'instance')
    const inst = createInstance(state, body)
    return json(200, { instance: instanceView(state, req, inst, true) })
  })
}

export function mustFind(state: State, id: string): InstanceRec {
  const inst = state.instances.get(id)
  if (!inst) throw fail(404, `Resource ${id} cannot be found.`)
  return inst
}

function createInstance(state: State, body: Obj): InstanceRec {
  if (typeof body.name !== 'string' || body.name.trim() === '') {
    throw validationError(`instance['name'] is a required property`)
  }
  if (typeof body.flavorRef !== 'string' && typeof body.flavorRef !== 'number') {
    throw validationError(`instance['flavorRef'] is a required property`)
  }
  const volume = asObj(body.volume)
  if (!volume) throw validationError(`instance['volume'] is a required property`)
  const size = checkVolumeSize(volume.size)
  const users = parseUsers(body.users)
  // A user's databases are created too, so its grants have something to point at.
  const databases = [
    ...new Set([...parseDatabases(body.databases), ...users.flatMap((u) => u.databases)])
  ]
  if (body.nics !== undefined && (!Array.isArray(body.nics) || body.nics.length > 1)) {
    throw validationError(`instance['nics'] is too long`)
  }
  const access = body.access === undefined ? {} : asObj(body.access)
  if (!access) throw validationError(`instance['access'] is not of type 'object'`)
  if (access.is_public !== undefined && typeof access.is_public !== 'boolean') {
    throw validationError(`instance['access']['is_public'] is not of type 'boolean'`)
  }
  const cidrs = access.allowed_cidrs === undefined ? [] : checkCidrs(access.allowed_cidrs)
  const restore = asObj(body.restorePoint)
  if (body.restorePoint !== undefined && (!restore || !isUuid(restore.backupRef))) {
    throw validationError(`instance['restorePoint']['backupRef'] does not match a UUID`)
  }

  const flavor = findFlavor(String(body.flavorRef))
  // trove-api asks Nova for the flavor and turns its NotFound into a 400, not a 404; the
  // upstream cloud (upstream/) answers so too.
  if (!flavor) throw fail(400, `Resource ${String(body.flavorRef)} cannot be found.`)

  const dsReq = body.datastore === undefined ? {} : asObj(body.datastore)
  if (!dsReq) throw validationError(`instance['datastore'] is not of type 'object'`)
  const ds =
    typeof dsReq.type === 'string' ? findDatastore(dsReq.type) : findDatastore('postgresql')
  if (!ds) throw fail(404, `Datastore '${String(dsReq.type)}' cannot be found.`)
  const ver =
    typeof dsReq.version === 'string' ? findVersion(ds, dsReq.version) : defaultVersion(ds)
  if (!ver) throw fail(404, `Datastore version '${String(dsReq.version)}' cannot be found.`)

  // Restore checks in Trove's order: exists, done, fits the volume, has data, same datastore.
  const backup = restore ? state.backups.get(restore.backupRef as string) : undefined
  if (restore) {
    if (!backup) throw fail(404, `Resource ${String(restore.backupRef)} cannot be found.`)
    if (backup.status !== 'COMPLETED' && backup.status !== 'RESTORED') {
      throw fail(
        409,
        `Unable to create instance because backup ${backup.id} is not completed. Actual state: ${backup.status}.`
      )
    }
    if ((backup.sizeGb ?? 0) > size) {
      throw fail(
        403,
        `Backup is too large for given flavor or volume. Backup size: ${backup.sizeGb} GBs. Available size: ${size} GBs.`
      )
    }
    if (!backup.objectKey) {
      throw fail(404, `Backup ${backup.id} cannot be found in the object store (no data).`)
    }
    if (backup.datastore.type !== ds.name) {
      throw fail(
        400,
        `The datastore from which the backup was taken, ${backup.datastore.type}, does not match the destination datastore of ${ds.name}.`
      )
    }
  }
  if (!ver.active) throw fail(400, `Datastore version '${ver.name}' is not active.`)

  checkQuota(state, size)

  const now = new Date()
  const inst: InstanceRec = {
    id: newId(),
    name: body.name,
    status: 'BUILD',
    datastore: ds.name,
    versionName: ver.name,
    flavorId: flavor.strId,
    volumeSize: size,
    volumeUsed: 0,
    host: allocateAddress(state),
    isPublic: access.is_public === true,
    allowedCidrs: cidrs,
    created: now,
    updated: now,
    seeded: false
  }
  state.instances.set(inst.id, inst)
  const forceError = !!backup && state.nextRestore === 'ERROR'
  if (forceError) state.nextRestore = undefined
  track(state, () =>
    buildInstance(state, inst, { users, databases, restoreFrom: backup, forceError })
  )
  return inst
}

/** Quota: instances and volume GB; seeded records do not count (they are test history). */
function checkQuota(state: State, size: number): void {
  const live = [...state.instances.values()].filter((i) => !i.seeded)
  const over: string[] = []
  if (live.length + 1 > state.config.quota.instances) over.push('instances')
  const gb = live.reduce((s, i) => s + i.volumeSize, 0)
  if (gb + size > state.config.quota.volumes) over.push('volumes')
  if (over.length) {
    throw fail(413, `Quota exceeded for resources: [${over.map((o) => `'${o}'`).join(', ')}].`)
  }
}

function parseDatabases(v: unknown): string[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) throw validationError(`instance['databases'] is not of type 'array'`)
  return v.map((d) => {
    const name = asObj(d)?.name
    if (typeof name !== 'string' || !name)
      throw validationError(`database 'name' is a required property`)
    return name
  })
}

function parseUsers(v: unknown): DbUser[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) throw validationError(`instance['users'] is not of type 'array'`)
  return v.map((u) => {
    const o = asObj(u)
    if (
      !o ||
      typeof o.name !== 'string' ||
      !o.name ||
      typeof o.password !== 'string' ||
      !o.password
    ) {
      throw validationError(`user 'name' and 'password' are required properties`)
    }
    const dbs = o.databases === undefined ? [] : o.databases
    if (!Array.isArray(dbs)) throw validationError(`user 'databases' is not of type 'array'`)
    return {
      name: o.name,
      password: o.password,
      databases: dbs.map((d) => String(asObj(d)?.name ?? ''))
    }
  })
}
