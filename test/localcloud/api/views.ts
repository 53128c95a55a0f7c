// JSON views of instances and backups, field for field as trove/instance/views.py
// and trove/backup/views.py build them (links forced to https with the request host).

import { findDatastore, findVersion } from './catalog.ts'
import type { Req } from './http.ts'
import { shownStatus, troveTime, type BackupRec, type InstanceRec, type State } from './state.ts'

/** Trove builds hrefs from the request host with https forced (never follow them). */
export function link(req: Req, rel: string, rest: string): { rel: string; href: string } {
  return { rel, href: `https://${req.host}${rest}` }
}

export function instanceView(
  state: State,
  req: Req,
  inst: InstanceRec,
  detail: boolean
): Record<string, unknown> {
  const p = state.identity.projectId
  const status = shownStatus(state, inst)
  // operating_status is only reported when no task runs and the server is up; a guest
  // whose heartbeat is older than 90 s reads ERROR (docs/trove-api.md §4.3).
  const up = status === 'ACTIVE' || status === 'BACKUP'
  const operating = up ? (inst.guestLate ? 'ERROR' : 'HEALTHY') : ''
  const v: Record<string, unknown> = {
    id: inst.id,
    name: inst.name,
    status,
    operating_status: operating,
    links: [
      link(req, 'self', `/v1.0/${p}/instances/${inst.id}`),
      link(req, 'bookmark', `/instances/${inst.id}`)
    ],
    flavor: {
      id: inst.flavorId,
      links: [
        link(req, 'self', `/v1.0/${p}/flavors/${inst.flavorId}`),
        link(req, 'bookmark', `/flavors/${inst.flavorId}`)
      ]
    },
    datastore: { type: inst.datastore, version: inst.versionName },
    region: state.region,
    access: { is_public: inst.isPublic, allowed_cidrs: inst.allowedCidrs },
    volume: { size: inst.volumeSize },
    ip: [inst.host],
    // Without is_public there is no floating IP: only the (in a real cloud unreachable) private one.
    addresses: inst.isPublic
      ? [{ address: inst.host, type: 'public' }]
      : [{ address: inst.host, type: 'private', network: 'b5f2f1a4-0000-4000-8000-00000000cafe' }]
  }
  if (detail) {
    const ds = findDatastore(inst.datastore)
    const ver = ds ? findVersion(ds, inst.versionName) : undefined
    ;(v.datastore as Record<string, unknown>).version_number = ver?.number ?? inst.versionName
    v.created = troveTime(inst.created)
    v.updated = troveTime(inst.updated)
    v.service_status_updated = troveTime(inst.updated)
    // volume.used is absent during BUILD and ERROR.
    if (status === 'ACTIVE' || status === 'BACKUP') {
      ;(v.volume as Record<string, unknown>).used = inst.volumeUsed
    }
    if (inst.fault) v.fault = inst.fault
  }
  return v
}

export function backupView(state: State, b: BackupRec): Record<string, unknown> {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    status: b.status,
    instance_id: b.instanceId,
    parent_id: b.parentId,
    created: troveTime(b.created),
    updated: troveTime(b.updated),
    size: b.sizeGb,
    locationRef: b.locationRef,
    project_id: state.identity.projectId,
    datastore: {
      type: b.datastore.type,
      version: b.datastore.version,
      version_id: b.datastore.versionId
    }
  }
}
