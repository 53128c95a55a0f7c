// The test-only admin API under /_admin (no auth): reset, config, seeding of
// history records, fault controls, backup/restore outcomes, token expiry, the
// request log and a view of every instance with its real server address.

import { FLAVORS, findDatastore, findVersion } from './catalog.ts'
import { empty, fail, HttpError, json, Router, type Handler, type Req } from './http.ts'
import { BACKUP_CONTAINER } from './instance-jobs.ts'
import {
  allocateAddress,
  clearAll,
  newId,
  shownStatus,
  troveTime,
  type BackupRec,
  type Config,
  type InstanceRec,
  type State
} from './state.ts'
import { asObj, type Obj } from './validate.ts'
import type { Datastore } from '../servers/types.ts'

export function adminHandler(state: State): Handler {
  const r = new Router()
  r.add('POST', '/reset', async () => {
    await clearAll(state)
    return json(200, { ok: true })
  })
  r.add('GET', '/config', () => json(200, state.config))
  r.add('POST', '/config', (req) => {
    applyConfig(state.config, body(req))
    return json(200, state.config)
  })
  r.add('POST', '/seed-backups', (req) => json(200, { ids: seedBackups(state, body(req)) }))
  r.add('POST', '/seed-instances', (req) => json(200, { ids: seedInstances(state, body(req)) }))
  r.add('POST', '/faults', (req) => {
    addFault(state, body(req))
    return json(200, { faults: state.faults.length })
  })
  r.add('POST', '/next-backup', (req) => {
    state.nextBackup = nextBackupOutcome(body(req))
    return json(200, { ok: true })
  })
  r.add('POST', '/release-backups', () => {
    const held = state.held.splice(0)
    for (const release of held) release()
    return json(200, { released: held.length })
  })
  r.add('POST', '/next-restore', (req) => {
    state.nextRestore = nextRestoreOutcome(body(req))
    return json(200, { ok: true })
  })
  r.add('POST', '/guest-late', (req) => {
    const inst = state.instances.get(String(body(req).instanceId))
    if (!inst) throw fail(404, 'no such instance')
    inst.guestLate = true
    return json(200, { ok: true })
  })
  r.add('POST', '/corrupt-backup', async (req) => {
    const b = state.backups.get(String(body(req).backupId))
    if (!b?.objectKey) throw fail(404, 'no such backup with stored data')
    await state.store.corrupt(BACKUP_CONTAINER, b.objectKey)
    return json(200, { ok: true })
  })
  r.add('POST', '/expire-tokens', () => {
    for (const t of state.tokens.values()) t.expiresAt = 0
    return json(200, { expired: state.tokens.size })
  })
  r.add('GET', '/requests', () => json(200, state.requests))
  r.add('DELETE', '/requests', () => {
    state.requests.length = 0
    return empty(204)
  })
  r.add('GET', '/instances', () =>
    json(
      200,
      [...state.instances.values()].map((i) => adminView(state, i))
    )
  )

  return adminDispatch(r)
}

/** Answers /_admin/<route> from `r`; a route's HttpError is its answer, bad JSON is 400. */
export function adminDispatch(r: Router): Handler {
  return async (req) => {
    const found = r.match(req.method, req.path.replace(/^\/_admin/, '') || '/')
    if (!found || found === 'method')
      return fail(404, `no admin route ${req.method} ${req.path}`).res
    try {
      return await found.handler(req, found.params)
    } catch (err) {
      if (err instanceof HttpError) return err.res
      if (err instanceof SyntaxError) return fail(400, `bad JSON: ${err.message}`).res
      throw err
    }
  }
}

export function body(req: Req): Obj {
  if (req.body.length === 0) return {}
  const o = asObj(JSON.parse(req.body.toString('utf8')))
  if (!o) throw fail(400, 'body must be a JSON object')
  return o
}

/** The body of /next-backup (both clouds' admin APIs). */
export function nextBackupOutcome(b: Obj): 'FAILED' | 'hold' {
  if (b.outcome !== 'FAILED' && b.outcome !== 'hold')
    throw fail(400, "outcome must be 'FAILED' or 'hold'")
  return b.outcome
}

/** The body of /next-restore (both clouds' admin APIs). */
export function nextRestoreOutcome(b: Obj): 'ERROR' {
  if (b.outcome !== 'ERROR') throw fail(400, "outcome must be 'ERROR'")
  return 'ERROR'
}

export function num(v: unknown, field: string): number | undefined {
  if (v === undefined) return undefined
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw fail(400, `${field} must be a number >= 0`)
  return v
}

function applyConfig(c: Config, b: Obj): void {
  c.instanceBuildMs = num(b.instanceBuildMs, 'instanceBuildMs') ?? c.instanceBuildMs
  c.backupMs = num(b.backupMs, 'backupMs') ?? c.backupMs
  c.deleteMs = num(b.deleteMs, 'deleteMs') ?? c.deleteMs
  c.tokenTtlSeconds = num(b.tokenTtlSeconds, 'tokenTtlSeconds') ?? c.tokenTtlSeconds
  c.rateLimitPerMinute = num(b.rateLimitPerMinute, 'rateLimitPerMinute') ?? c.rateLimitPerMinute
  if (b.serverTls !== undefined) {
    if (typeof b.serverTls !== 'boolean') throw fail(400, 'serverTls must be true or false')
    c.serverTls = b.serverTls
  }
  const q = asObj(b.quota) ?? {}
  c.quota.instances = num(q.instances, 'quota.instances') ?? c.quota.instances
  c.quota.volumes = num(q.volumes, 'quota.volumes') ?? c.quota.volumes
  c.quota.backups = num(q.backups, 'quota.backups') ?? c.quota.backups
}

/** History records with no data: created = updated = now − ageHours. */
function seedBackups(state: State, b: Obj): string[] {
  const instanceId = b.instanceId
  if (typeof instanceId !== 'string') throw fail(400, 'instanceId is required')
  if (!Array.isArray(b.backups)) throw fail(400, 'backups must be an array')
  const inst = state.instances.get(instanceId)
  const dsName = (typeof b.datastore === 'string' ? b.datastore : inst?.datastore) ?? 'postgresql'
  const ds = findDatastore(dsName)
  if (!ds) throw fail(400, `unknown datastore ${dsName}`)
  return b.backups.map((raw: unknown, n: number) => {
    const s = asObj(raw) ?? {}
    const age = num(s.ageHours, 'ageHours') ?? 0
    const versionName =
      typeof s.datastoreVersion === 'string'
        ? s.datastoreVersion
        : (inst?.versionName ?? ds.versions[0]?.name ?? '')
    const ver = findVersion(ds, versionName)
    const at = new Date(Date.now() - age * 3_600_000)
    const status = typeof s.status === 'string' ? s.status : 'COMPLETED'
    const id = newId()
    const rec: BackupRec = {
      id,
      name: typeof s.name === 'string' ? s.name : `seeded-${n}`,
      description: typeof s.description === 'string' ? s.description : null,
      status,
      instanceId,
      parentId: null,
      created: at,
      updated: at,
      sizeGb: status === 'NEW' ? null : (num(s.sizeGb, 'sizeGb') ?? 0.5),
      // A URL where the object would be; nothing is stored there (records only).
      locationRef:
        status === 'COMPLETED' ? `${state.swiftUrl}/${BACKUP_CONTAINER}/${id}.backup` : null,
      datastore: { type: ds.name, version: versionName, versionId: ver?.id ?? newId() },
      seeded: true
    }
    state.backups.set(id, rec)
    return id
  })
}

/** ACTIVE records without a server, for paging and load tests. */
function seedInstances(state: State, b: Obj): string[] {
  // `names` seeds exactly these names (e.g. a drill's leftover); `ageHours` backdates them.
  const names = Array.isArray(b.names) ? b.names.map(String) : undefined
  const count = names?.length ?? num(b.count, 'count') ?? 0
  const ageMs = (num(b.ageHours, 'ageHours') ?? 0) * 3_600_000
  const ds = findDatastore(typeof b.datastore === 'string' ? b.datastore : 'postgresql')
  if (!ds) throw fail(400, `unknown datastore ${String(b.datastore)}`)
  const prefix = typeof b.namePrefix === 'string' ? b.namePrefix : 'seeded-'
  const ids: string[] = []
  for (let n = 0; n < count; n++) {
    // Distinct created times (1 s apart, newest last) so created-DESC ordering is testable.
    const at = new Date(Date.now() - ageMs - (count - n) * 1000)
    const inst: InstanceRec = {
      id: newId(),
      name: names?.[n] ?? `${prefix}${n}`,
      status: 'ACTIVE',
      datastore: ds.name as Datastore,
      versionName: ds.versions[0]?.name ?? '',
      flavorId: FLAVORS[1]?.strId ?? '',
      volumeSize: 5,
      volumeUsed: 0.1,
      host: allocateAddress(state),
      isPublic: true,
      allowedCidrs: ['192.0.2.1/32'],
      created: at,
      updated: at,
      seeded: true
    }
    state.instances.set(inst.id, inst)
    ids.push(inst.id)
  }
  return ids
}

export function addFault(state: Pick<State, 'faults'>, b: Obj): void {
  if (b.reset === true) {
    state.faults.length = 0
    return
  }
  if (typeof b.pathPattern !== 'string') throw fail(400, 'pathPattern (a regex) is required')
  state.faults.push({
    method: typeof b.method === 'string' ? b.method : undefined,
    pathPattern: new RegExp(b.pathPattern),
    status: num(b.status, 'status'),
    count: num(b.count, 'count') ?? 1,
    retryAfter: num(b.retryAfter, 'retryAfter'),
    latencyMs: num(b.latencyMs, 'latencyMs'),
    body: b.body,
    dropConnection: b.dropConnection === true
  })
}

function adminView(state: State, i: InstanceRec): Record<string, unknown> {
  return {
    id: i.id,
    name: i.name,
    status: shownStatus(state, i),
    datastore: i.datastore,
    version: i.versionName,
    host: i.host,
    port: i.server?.port ?? null,
    baseDir: i.server?.baseDir ?? null,
    running: !!i.server,
    tls: i.server?.tls ?? null,
    seeded: i.seeded,
    created: troveTime(i.created)
  }
}
