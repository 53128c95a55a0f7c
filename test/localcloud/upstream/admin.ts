// The test-only admin API of the upstream cloud, on the front door's Trove listener under
// /_admin, with the double's routes and bodies (api/admin.ts, test/localcloud/harness.ts),
// so a test sets its scene the same way on either cloud. What it changes is what an
// operator of a real cloud could change: Trove's own rows (history records, project
// quotas), the control plane's pace and outcomes, the object store, and the front door's
// faults and request log. The real servers answer every request the product makes.
//
// Two settings are fixed in the real servers' configuration and are refused here:
// Keystone's token lifetime (and so early expiry) and Trove's rate limits.

import { randomUUID } from 'node:crypto'
import { FLAVORS } from '../api/catalog.ts'
import {
  addFault,
  adminDispatch,
  body,
  nextBackupOutcome,
  nextRestoreOutcome,
  num
} from '../api/admin.ts'
import { empty, fail, json, Router, type Handler } from '../api/http.ts'
import type { ObjectStore } from '../servers/types.ts'
import { literal, uuid, type ControlDb } from './control-db.ts'
import type { ControlPlane } from './control-plane.ts'
import type { FrontDoorState } from './front-door.ts'
import { BACKUP_CONTAINER, QUOTA_DEFAULTS, REGION } from './services.ts'

export interface UpstreamAdminOptions {
  db: ControlDb
  plane: ControlPlane
  store: ObjectStore
  door: FrontDoorState
  projectId: string
}

// Trove's task and guest status codes (trove/instance/tasks.py, service_status.py).
const TASK_NONE = 1
const TASK_BUILDING = 5
const STATUS_HEALTHY = 0x21
const QUOTA_KEYS = ['instances', 'volumes', 'backups'] as const
type Quota = Record<(typeof QUOTA_KEYS)[number], number>

const mysqlTime = (d: Date) => `'${d.toISOString().slice(0, 19).replace('T', ' ')}'`

export function upstreamAdminHandler(o: UpstreamAdminOptions): Handler {
  const sql = (script: string) => o.db.sql(script, 'trove')
  const rows = async (script: string) =>
    (await sql(script))
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t'))
  const seeded = new Set<string>()

  const quota = async (): Promise<Quota> => {
    const q: Quota = { ...QUOTA_DEFAULTS }
    for (const [resource, limit] of await rows(
      `SELECT resource, hard_limit FROM quotas WHERE tenant_id=${literal(o.projectId)}`
    ))
      if ((QUOTA_KEYS as readonly string[]).includes(resource ?? ''))
        q[resource as keyof Quota] = Number(limit)
    return q
  }
  const effectiveConfig = async () => ({
    ...o.plane.settings,
    tokenTtlSeconds: 3600,
    quota: await quota(),
    rateLimitPerMinute: 0
  })

  /** the datastore version id of an instance, or of the named datastore's active version */
  const versionId = async (instanceId: string, datastore?: string): Promise<string> => {
    const [fromInstance] = await rows(
      `SELECT datastore_version_id FROM instances WHERE id=${literal(instanceId)}`
    )
    if (fromInstance?.[0]) return fromInstance[0]
    const [active] = await rows(`SELECT v.id FROM datastore_versions v
      JOIN datastores d ON d.id=v.datastore_id
      WHERE d.name=${literal(datastore ?? 'postgresql')} AND v.active=1 LIMIT 1`)
    if (!active?.[0]) throw fail(400, `unknown datastore ${String(datastore)}`)
    return active[0]
  }
  const namedVersionId = async (like: string, name: string): Promise<string> => {
    const [found] = await rows(`SELECT id FROM datastore_versions
      WHERE datastore_id=(SELECT datastore_id FROM datastore_versions WHERE id=${literal(like)})
      AND name=${literal(name)}`)
    if (!found?.[0]) throw fail(400, `unknown datastore version ${name}`)
    return found[0]
  }

  const r = new Router()
  r.add('POST', '/reset', async () => {
    await o.plane.reset()
    o.door.faults.length = 0
    o.door.requests.length = 0
    seeded.clear()
    return json(200, { ok: true })
  })
  r.add('GET', '/config', async () => json(200, await effectiveConfig()))
  r.add('POST', '/config', async (req) => {
    const b = body(req)
    if (b.tokenTtlSeconds !== undefined || b.rateLimitPerMinute !== undefined)
      throw fail(
        400,
        'tokenTtlSeconds and rateLimitPerMinute are fixed in the configuration of the real Keystone and trove-api'
      )
    const s = o.plane.settings
    s.instanceBuildMs = num(b.instanceBuildMs, 'instanceBuildMs') ?? s.instanceBuildMs
    s.backupMs = num(b.backupMs, 'backupMs') ?? s.backupMs
    s.deleteMs = num(b.deleteMs, 'deleteMs') ?? s.deleteMs
    if (b.serverTls !== undefined) {
      if (typeof b.serverTls !== 'boolean') throw fail(400, 'serverTls must be true or false')
      s.serverTls = b.serverTls
    }
    // A project's own quotas, in the table Trove's quota engine reads them from.
    const q = (b.quota ?? {}) as Record<string, unknown>
    for (const key of QUOTA_KEYS) {
      const limit = num(q[key], `quota.${key}`)
      if (limit === undefined) continue
      await sql(`DELETE FROM quotas WHERE tenant_id=${literal(o.projectId)} AND resource='${key}';
        INSERT INTO quotas (id, created, updated, tenant_id, resource, hard_limit)
        VALUES (UUID(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), ${literal(o.projectId)}, '${key}', ${Math.floor(limit)})`)
    }
    return json(200, await effectiveConfig())
  })

  // History records in Trove's backups table: the real API lists, pages and shows them.
  r.add('POST', '/seed-backups', async (req) => {
    const b = body(req)
    const instanceId = uuid(b.instanceId)
    if (!Array.isArray(b.backups)) throw fail(400, 'backups must be an array')
    const baseVersion = await versionId(
      instanceId,
      typeof b.datastore === 'string' ? b.datastore : undefined
    )
    const ids: string[] = []
    const values: string[] = []
    for (const [n, raw] of b.backups.entries()) {
      const s = (raw ?? {}) as Record<string, unknown>
      const at = new Date(Date.now() - (num(s.ageHours, 'ageHours') ?? 0) * 3_600_000)
      const state = typeof s.status === 'string' ? s.status : 'COMPLETED'
      const version =
        typeof s.datastoreVersion === 'string'
          ? await namedVersionId(baseVersion, s.datastoreVersion)
          : baseVersion
      const id = randomUUID()
      ids.push(id)
      const size = state === 'NEW' ? 'NULL' : String(num(s.sizeGb, 'sizeGb') ?? 0.5)
      // Where the object would be; nothing is stored there (records only).
      const location =
        state === 'COMPLETED'
          ? literal(`${o.store.swiftUrl}/${BACKUP_CONTAINER}/${id}.backup`)
          : 'NULL'
      values.push(`(${literal(id)}, ${literal(typeof s.name === 'string' ? s.name : `seeded-${n}`)},
        ${typeof s.description === 'string' ? literal(s.description) : 'NULL'}, ${location}, 'full',
        ${size}, ${literal(o.projectId)}, ${literal(state)}, ${literal(instanceId)}, 0,
        ${mysqlTime(at)}, ${mysqlTime(at)}, ${literal(version)})`)
    }
    // One statement per thousand rows keeps the SQL text small.
    for (let i = 0; i < values.length; i += 1000)
      await sql(`INSERT INTO backups (id, name, description, location, backup_type, size, tenant_id,
        state, instance_id, deleted, created, updated, datastore_version_id)
        VALUES ${values.slice(i, i + 1000).join(',\n')}`)
    return json(200, { ids })
  })

  // ACTIVE instance rows with a healthy guest and no server, for paging and load tests.
  r.add('POST', '/seed-instances', async (req) => {
    const b = body(req)
    const names = Array.isArray(b.names) ? b.names.map(String) : undefined
    const count = names?.length ?? num(b.count, 'count') ?? 0
    const ageMs = (num(b.ageHours, 'ageHours') ?? 0) * 3_600_000
    const version = await versionId(
      '',
      typeof b.datastore === 'string' ? b.datastore : 'postgresql'
    )
    const prefix = typeof b.namePrefix === 'string' ? b.namePrefix : 'seeded-'
    const access = literal(JSON.stringify({ is_public: true, allowed_cidrs: ['192.0.2.1/32'] }))
    const ids: string[] = []
    const instances: string[] = []
    const statuses: string[] = []
    for (let n = 0; n < count; n++) {
      // Distinct created times (1 s apart, newest last), as the double seeds them.
      const at = mysqlTime(new Date(Date.now() - ageMs - (count - n) * 1000))
      const id = randomUUID()
      ids.push(id)
      seeded.add(id)
      instances.push(`(${literal(id)}, ${at}, ${at}, ${literal(names?.[n] ?? `${prefix}${n}`)},
        UUID(), ${TASK_NONE}, 'No tasks for the instance.', ${literal(FLAVORS[1]?.strId ?? '')}, 5,
        ${literal(o.projectId)}, 'ACTIVE', 0, ${literal(version)}, ${literal(REGION)}, ${access})`)
      statuses.push(`(UUID(), ${literal(id)}, ${STATUS_HEALTHY}, 'healthy', UTC_TIMESTAMP())`)
    }
    for (let i = 0; i < instances.length; i += 500)
      await sql(`INSERT INTO instances (id, created, updated, name, compute_instance_id, task_id,
        task_description, flavor_id, volume_size, tenant_id, server_status, deleted,
        datastore_version_id, region_id, access) VALUES ${instances.slice(i, i + 500).join(',\n')};
        INSERT INTO service_statuses (id, instance_id, status_id, status_description, updated_at)
        VALUES ${statuses.slice(i, i + 500).join(',\n')};`)
    return json(200, { ids })
  })

  r.add('POST', '/faults', (req) => {
    addFault(o.door, body(req))
    return json(200, { faults: o.door.faults.length })
  })
  r.add('POST', '/next-backup', (req) => {
    o.plane.setNextBackup(nextBackupOutcome(body(req)))
    return json(200, { ok: true })
  })
  r.add('POST', '/release-backups', () => json(200, { released: o.plane.releaseBackups() }))
  r.add('POST', '/next-restore', (req) => {
    o.plane.setNextRestore(nextRestoreOutcome(body(req)))
    return json(200, { ok: true })
  })
  // The guest agent stops its heartbeat; its last one is made older than Trove's 90 s
  // agent_heartbeat_expiry, so trove-api itself reports operating_status ERROR.
  r.add('POST', '/guest-late', async (req) => {
    const id = uuid(body(req).instanceId)
    o.plane.stopHeartbeat(id)
    await sql(`UPDATE service_statuses SET updated_at=UTC_TIMESTAMP() - INTERVAL 120 SECOND
      WHERE instance_id=${literal(id)}`)
    return json(200, { ok: true })
  })
  r.add('POST', '/corrupt-backup', async (req) => {
    const id = uuid(body(req).backupId)
    const [[location] = []] = await rows(
      `SELECT location FROM backups WHERE id=${literal(id)} AND state='COMPLETED'`
    )
    const key = location?.split(`/${BACKUP_CONTAINER}/`)[1]
    if (!key) throw fail(404, 'no such backup with stored data')
    await o.store.corrupt(BACKUP_CONTAINER, decodeURIComponent(key))
    return json(200, { ok: true })
  })
  r.add('POST', '/expire-tokens', () => {
    throw fail(400, "Keystone's fernet tokens live as long as its configuration says")
  })
  r.add('GET', '/requests', () => json(200, o.door.requests))
  r.add('DELETE', '/requests', () => {
    o.door.requests.length = 0
    return empty(204)
  })
  r.add('GET', '/instances', async () => {
    const list = await rows(`SELECT i.id, i.name, i.task_id, i.server_status, v.manager, v.name,
      DATE_FORMAT(i.created, '%Y-%m-%dT%H:%i:%s')
      FROM instances i JOIN datastore_versions v ON v.id=i.datastore_version_id
      WHERE i.deleted=0 ORDER BY i.created`)
    return json(
      200,
      list.map(([id = '', name, task, serverStatus, datastore, version, created]) => {
        const server = o.plane.server(id)
        return {
          id,
          name,
          status: Number(task) === TASK_BUILDING ? 'BUILD' : serverStatus || 'BUILD',
          datastore,
          version,
          host: server?.host ?? '',
          port: server?.port ?? null,
          baseDir: server?.baseDir ?? null,
          running: !!server,
          tls: server?.tls ?? null,
          seeded: seeded.has(id),
          created
        }
      })
    )
  })
  return adminDispatch(r)
}
