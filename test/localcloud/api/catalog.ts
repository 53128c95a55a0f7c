// The fixed things a Trove cloud offers: datastores with their versions, and
// flavors. Ids are constant so tests and fixtures can name them.

import type { Datastore } from '../servers/types.ts'

export interface DatastoreVersion {
  id: string
  /** the label clients pass as `datastore.version`, e.g. "15" */
  name: string
  active: boolean
  /** filled at start-up from the real server (e.g. "15.18"); the name until then */
  number: string
}

export interface DatastoreDef {
  id: string
  name: Datastore
  defaultVersionId: string
  versions: DatastoreVersion[]
}

export const DATASTORES: DatastoreDef[] = [
  {
    id: '5f6c1c5e-0b9f-4f43-9a3e-6f2d1d0a0001',
    name: 'postgresql',
    defaultVersionId: '5f6c1c5e-0b9f-4f43-9a3e-6f2d1d0a0015',
    versions: [
      { id: '5f6c1c5e-0b9f-4f43-9a3e-6f2d1d0a0015', name: '15', active: true, number: '15' },
      // PostgreSQL 14 is switched off on Pukki (2026-11-12): restores into it get 400.
      { id: '5f6c1c5e-0b9f-4f43-9a3e-6f2d1d0a0014', name: '14', active: false, number: '14' }
    ]
  },
  {
    id: '5f6c1c5e-0b9f-4f43-9a3e-6f2d1d0a0002',
    name: 'mariadb',
    defaultVersionId: '5f6c1c5e-0b9f-4f43-9a3e-6f2d1d0a1011',
    versions: [
      { id: '5f6c1c5e-0b9f-4f43-9a3e-6f2d1d0a1011', name: '10.11', active: true, number: '10.11' }
    ]
  }
]

/** The first datastore is Trove's default one (used when a create omits `datastore`). */
export const DEFAULT_DATASTORE = DATASTORES[0] as DatastoreDef

export function findDatastore(nameOrId: string): DatastoreDef | undefined {
  return DATASTORES.find((d) => d.name === nameOrId || d.id === nameOrId)
}

/** Version by label or UUID, as Trove's DatastoreVersion.load accepts both. */
export function findVersion(ds: DatastoreDef, nameOrId: string): DatastoreVersion | undefined {
  return ds.versions.find((v) => v.name === nameOrId || v.id === nameOrId)
}

export function defaultVersion(ds: DatastoreDef): DatastoreVersion {
  return (findVersion(ds, ds.defaultVersionId) ?? ds.versions[0]) as DatastoreVersion
}

export interface FlavorDef {
  strId: string
  name: string
  ram: number
  vcpus: number
}

// Pukki's flavors have UUID ids, so Trove reports `id: null` and the id in `str_id`.
export const FLAVORS: FlavorDef[] = [
  { strId: 'd4a2cb9c-0000-4000-8000-000000000001', name: 'standard.tiny', ram: 1000, vcpus: 1 },
  { strId: 'd4a2cb9c-0000-4000-8000-000000000002', name: 'standard.small', ram: 2000, vcpus: 2 },
  { strId: 'd4a2cb9c-0000-4000-8000-000000000003', name: 'standard.medium', ram: 4000, vcpus: 3 },
  { strId: 'd4a2cb9c-0000-4000-8000-000000000004', name: 'standard.large', ram: 8000, vcpus: 4 }
]

export function findFlavor(ref: string): FlavorDef | undefined {
  return FLAVORS.find((f) => f.strId === ref)
}
