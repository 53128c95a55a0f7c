// Trove backup routes: create (202), show, list (offset paging, updated DESC),
// the per-instance list, and DELETE, which Pukki forbids (403).

import { findDatastore, findVersion } from './catalog.ts'
import { fail, json, type Req, type Router } from './http.ts'
import { runBackup } from './backup-jobs.ts'
import { offsetPage } from './paging.ts'
import { hasRunningBackup, newId, track, type BackupRec, type State } from './state.ts'
import { mustFind } from './trove-instances.ts'
import { checkText, checkZeroOne, isUuid, resourceBody, validationError } from './validate.ts'
import { backupView } from './views.ts'

export function backupRoutes(router: Router, state: State): void {
  router.add('GET', '/backups', (req) => listBackups(state, req, req.query.get('instance_id')))

  // Loads the instance first, so a deleted instance's backups give 404 here (not on /backups).
  router.add('GET', '/instances/:id/backups', (req, p) =>
    listBackups(state, req, mustFind(state, p.id as string).id)
  )

  router.add('GET', '/backups/:id', (_req, p) =>
    json(200, { backup: backupView(state, mustFindBackup(state, p.id as string)) })
  )

  router.add('DELETE', '/backups/:id', (_req, p) => {
    mustFindBackup(state, p.id as string)
    throw fail(403, "Policy doesn't allow backup:delete to be performed.")
  })

  router.add('POST', '/backups', (req) => {
    const body = resourceBody(req, 'backup')
    const b = createBackup(state, body)
    return json(202, { backup: backupView(state, b) })
  })
}

function mustFindBackup(state: State, id: string): BackupRec {
  const b = state.backups.get(id)
  if (!b) throw fail(404, `Resource ${id} cannot be found.`)
  return b
}

function listBackups(state: State, req: Req, instanceId: string | null) {
  let items = [...state.backups.values()]
  if (instanceId) items = items.filter((b) => b.instanceId === instanceId)
  const dsFilter = req.query.get('datastore')
  if (dsFilter) {
    const ds = findDatastore(dsFilter)
    items = items.filter((b) => b.datastore.type === ds?.name)
  }
  // updated DESC; ties (seeded in bulk) broken by created DESC then id, so pages are stable.
  items.sort(
    (a, b) =>
      b.updated.getTime() - a.updated.getTime() ||
      b.created.getTime() - a.created.getTime() ||
      (a.id < b.id ? -1 : 1)
  )
  return json(
    200,
    offsetPage(req, items, 'backups', (b) => backupView(state, b))
  )
}

function createBackup(state: State, body: Record<string, unknown>): BackupRec {
  const name = checkText(body.name, `backup['name']`)
  if (body.instance === undefined)
    throw validationError(`backup['instance'] is a required property`)
  if (!isUuid(body.instance)) {
    throw validationError(
      `backup['instance'] ${JSON.stringify(body.instance)} does not match a UUID`
    )
  }
  const description =
    body.description === undefined || body.description === null
      ? null
      : checkText(body.description, `backup['description']`)
  if (body.incremental !== undefined) checkZeroOne(body.incremental, `backup['incremental']`)
  if (body.parent_id !== undefined && !isUuid(body.parent_id)) {
    throw validationError(`backup['parent_id'] does not match a UUID`)
  }
  const inst = mustFind(state, body.instance)
  // validate_can_perform_action: never 409, always 422 with the reason in brackets.
  const reason =
    inst.status === 'BUILD'
      ? 'task status was BUILDING'
      : inst.status !== 'ACTIVE'
        ? `instance status was ${inst.status}`
        : hasRunningBackup(state, inst.id)
          ? 'instance status was BACKUP'
          : undefined
  if (reason) {
    throw fail(
      422,
      `Instance ${inst.id} is not currently available for an action to be performed (${reason}).`
    )
  }
  const own = [...state.backups.values()].filter((b) => !b.seeded).length
  if (own + 1 > state.config.quota.backups) {
    throw fail(413, `Quota exceeded for resources: ['backups'].`)
  }
  const ds = findDatastore(inst.datastore)
  const ver = ds ? findVersion(ds, inst.versionName) : undefined
  const now = new Date()
  const b: BackupRec = {
    id: newId(),
    name,
    description,
    status: 'NEW',
    instanceId: inst.id,
    parentId: null,
    created: now,
    updated: now,
    sizeGb: null,
    locationRef: null,
    datastore: { type: inst.datastore, version: inst.versionName, versionId: ver?.id ?? '' },
    seeded: false
  }
  state.backups.set(b.id, b)
  const outcome = state.nextBackup
  state.nextBackup = undefined
  track(state, () => runBackup(state, b, inst, outcome))
  return b
}
