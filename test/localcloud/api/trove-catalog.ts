// Read-only Trove routes: datastores and their versions, flavors, limits.

import { DATASTORES, FLAVORS, findDatastore, findVersion, type DatastoreDef } from './catalog.ts'
import { fail, json, type Req, type Router } from './http.ts'
import { rateRemaining } from './faults.ts'
import type { State } from './state.ts'
import { link } from './views.ts'

export function catalogRoutes(router: Router, state: State): void {
  const p = state.identity.projectId
  const dsLinks = (req: Req, id: string) => [
    link(req, 'self', `/v1.0/${p}/datastores/${id}`),
    link(req, 'bookmark', `/datastores/${id}`)
  ]
  const versionView = (req: Req, ds: DatastoreDef, v: DatastoreDef['versions'][number]) => ({
    id: v.id,
    name: v.name,
    version: v.number,
    datastore: ds.id,
    links: [
      link(req, 'self', `/v1.0/${p}/datastores/versions/${v.id}`),
      link(req, 'bookmark', `/datastores/versions/${v.id}`)
    ]
  })
  // Non-admin callers only see active versions in lists (an inactive one still shows by name).
  const datastoreView = (req: Req, ds: DatastoreDef) => ({
    id: ds.id,
    name: ds.name,
    links: dsLinks(req, ds.id),
    default_version: ds.defaultVersionId,
    // Inside this list the versions have no `datastore` key.
    versions: ds.versions
      .filter((v) => v.active)
      .map((v) => ({ ...versionView(req, ds, v), datastore: undefined }))
  })
  const mustDs = (id: string) => {
    const ds = findDatastore(id)
    if (!ds) throw fail(404, `Datastore '${id}' cannot be found.`)
    return ds
  }

  router.add('GET', '/datastores', (req) =>
    json(200, { datastores: DATASTORES.map((ds) => datastoreView(req, ds)) })
  )
  router.add('GET', '/datastores/:ds', (req, a) =>
    json(200, { datastore: datastoreView(req, mustDs(a.ds as string)) })
  )
  router.add('GET', '/datastores/:ds/versions', (req, a) => {
    const ds = mustDs(a.ds as string)
    const versions = ds.versions.filter((v) => v.active).map((v) => versionView(req, ds, v))
    return json(200, { versions })
  })
  router.add('GET', '/datastores/:ds/versions/:v', (req, a) => {
    const ds = mustDs(a.ds as string)
    const v = findVersion(ds, a.v as string)
    if (!v) throw fail(404, `Datastore version '${a.v}' cannot be found.`)
    return json(200, { version: versionView(req, ds, v) })
  })
  router.add('GET', '/datastores/versions/:v', (req, a) => {
    for (const ds of DATASTORES) {
      const v = ds.versions.find((x) => x.id === a.v)
      if (v) return json(200, { version: versionView(req, ds, v) })
    }
    throw fail(404, `Datastore version '${a.v}' cannot be found.`)
  })

  // UUID flavors: `id` is null and the real id is in `str_id` (trove/flavor/views.py).
  const flavorView = (req: Req, f: (typeof FLAVORS)[number]) => ({
    id: null,
    str_id: f.strId,
    name: f.name,
    ram: f.ram,
    vcpus: f.vcpus,
    disk: 0,
    ephemeral: 0,
    links: [
      link(req, 'self', `/v1.0/${p}/flavors/${f.strId}`),
      link(req, 'bookmark', `/flavors/${f.strId}`)
    ]
  })
  router.add('GET', '/flavors', (req) =>
    json(200, { flavors: FLAVORS.map((f) => flavorView(req, f)) })
  )
  router.add('GET', '/flavors/:id', (req, a) => {
    const f = FLAVORS.find((x) => x.strId === a.id)
    if (!f) throw fail(404, `Resource ${a.id} cannot be found.`)
    return json(200, { flavor: flavorView(req, f) })
  })

  router.add('GET', '/limits', () => {
    const q = state.config.quota
    const value = state.config.rateLimitPerMinute || 200
    // trove/limits/views.py and common/limits.py: each rate limit with its uri and regex,
    // and a fifth for the management API; ABSOLUTE names every quota (max_ram -1: none).
    const nextAvailable = new Date().toISOString().slice(0, 19) + 'Z'
    const verbs = ['POST', 'PUT', 'DELETE', 'GET'].map((verb) => ({
      nextAvailable,
      remaining: rateRemaining(state, verb, p),
      unit: 'MINUTE',
      value,
      verb,
      uri: '*',
      regex: '.*'
    }))
    const mgmt = {
      nextAvailable,
      remaining: value,
      unit: 'MINUTE',
      value,
      verb: 'POST',
      uri: '*/mgmt',
      regex: '^/mgmt'
    }
    return json(200, {
      limits: [
        {
          verb: 'ABSOLUTE',
          max_instances: q.instances,
          max_ram: -1,
          max_backups: q.backups,
          max_volumes: q.volumes
        },
        ...verbs,
        mgmt
      ]
    })
  })
}
