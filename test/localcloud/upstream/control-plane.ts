// What trove-taskmanager and the guest agent do after trove-api has cast a message, done
// against Trove's own tables the way the real ones write them: instances BUILD → ACTIVE
// with a REAL PostgreSQL or MariaDB server on the instance's own 127.x address, backups
// NEW → BUILDING → COMPLETED with a real physical copy in the real Swift store, restores
// from it, deletes, and the guest heartbeat (older than agent_heartbeat_expiry, 90 s,
// Trove reports operating_status ERROR).
//
// The messages come from the spool py/trove_api.py writes; the addresses go to the file
// py/standins.py answers Neutron's port list from.

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { LocalDbServers } from '../servers/db-servers.ts'
import type { Datastore, DbUser, ObjectStore, RunningDb } from '../servers/types.ts'
import { literal, uuid, type ControlDb } from './control-db.ts'
import { BACKUP_CONTAINER } from './services.ts'

export interface ControlPlaneOptions {
  db: ControlDb
  servers: LocalDbServers
  store: ObjectStore
  spool: string
  addressesFile: string
  workDir: string
  /** the second octet of every instance address of this cloud */
  addressOctet: number
  log: (line: string) => void
}

/** What the admin API may change: how long each job takes beyond its real work. */
export interface PlaneSettings {
  instanceBuildMs: number
  backupMs: number
  deleteMs: number
  /** instances built from now on offer TLS (true) or none at all */
  serverTls: boolean
}

export const DEFAULT_SETTINGS: PlaneSettings = {
  instanceBuildMs: 0,
  backupMs: 0,
  deleteMs: 0,
  serverTls: true
}

export interface ControlPlane {
  /** the running server of an instance (for tests) */
  server(instanceId: string): RunningDb | undefined
  settings: PlaneSettings
  /** the next backup FAILs, or waits until releaseBackups() */
  setNextBackup(outcome: 'FAILED' | 'hold'): void
  /** finishes every held backup; returns how many */
  releaseBackups(): number
  /** the next restore (create from a backup) ends in ERROR */
  setNextRestore(outcome: 'ERROR'): void
  /** the instance's guest agent beats no more (admin guest-late) */
  stopHeartbeat(instanceId: string): void
  /**
   * Waits for running jobs, stops every server and marks every instance and backup row
   * deleted (quota usage back to zero): a cloud with nothing in it, as at start.
   */
  reset(): Promise<void>
  stop(): Promise<void>
}

const TASK_NONE = 1
const STATUS_HEALTHY = 0x21
const STATUS_FAILED = 0x08
const HEARTBEAT_MS = 10_000
const POLL_MS = 150

interface Message {
  method: string
  args: Record<string, unknown>
}

// Trove serialises its database and user models with underscored fields.
const field = (o: unknown, name: string): unknown =>
  o && typeof o === 'object'
    ? ((o as Record<string, unknown>)[`_${name}`] ?? (o as Record<string, unknown>)[name])
    : undefined
const names = (list: unknown): string[] =>
  (Array.isArray(list) ? list : [])
    .map((d) => field(d, 'name'))
    .filter((n): n is string => typeof n === 'string')

function usersOf(list: unknown): DbUser[] {
  return (Array.isArray(list) ? list : []).flatMap((u) => {
    const name = field(u, 'name')
    const password = field(u, 'password')
    if (typeof name !== 'string' || typeof password !== 'string') return []
    return [{ name, password, databases: names(field(u, 'databases')) }]
  })
}

/**
 * The security group the task manager would make: the create request's allowed_cidrs, or,
 * without any, trove_security_group_rule_cidr's default 0.0.0.0/0 (anyone).
 */
function allowedCidrsOf(access: unknown): string[] | undefined {
  const cidrs = field(access, 'allowed_cidrs')
  if (!Array.isArray(cidrs) || cidrs.length === 0) return undefined
  return cidrs.filter((c): c is string => typeof c === 'string')
}

async function md5(file: string): Promise<string> {
  const h = createHash('md5')
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer)
  return h.digest('hex')
}

export function startControlPlane(o: ControlPlaneOptions): ControlPlane {
  const running = new Map<string, RunningDb>()
  const addresses = new Map<string, string>()
  const jobs = new Set<Promise<void>>()
  let nextAddress = 1
  let stopped = false
  const settings: PlaneSettings = { ...DEFAULT_SETTINGS }
  let nextBackup: 'FAILED' | 'hold' | undefined
  let nextRestore: 'ERROR' | undefined
  const held: Array<() => void> = []
  /** instances whose guest agent no longer beats */
  const silent = new Set<string>()
  const pause = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : undefined)
  const sql = (script: string) => o.db.sql(script, 'trove')

  // One write at a time, each of the map as it is then: two jobs writing the same temp
  // file at once would lose one rename (and leave that instance in BUILD for ever).
  let saving: Promise<void> = Promise.resolve()
  const saveAddresses = (): Promise<void> => {
    const write = async () => {
      const tmp = o.addressesFile + '.tmp'
      await writeFile(tmp, JSON.stringify(Object.fromEntries(addresses)))
      await rename(tmp, o.addressesFile)
    }
    saving = saving.then(write, write)
    return saving
  }

  const createInstance = async (a: Record<string, unknown>) => {
    const id = uuid(a.instance_id)
    const datastore = a.datastore_manager as Datastore
    if (datastore !== 'postgresql' && datastore !== 'mariadb')
      throw new Error(`no server for ${String(datastore)}`)
    const n = nextAddress++
    const host = `127.${o.addressOctet}.${(n >> 8) & 255}.${n & 255}`
    // Nova's answer to the task manager: a server id, building.
    await sql(
      `UPDATE instances SET compute_instance_id=UUID(), server_status='BUILD' WHERE id='${id}'`
    )
    const baseDir = path.join(o.workDir, 'instances', id)
    let restoreFrom: string | undefined
    const tls = settings.serverTls
    try {
      addresses.set(id, host)
      await saveAddresses()
      await pause(settings.instanceBuildMs)
      if (a.backup_id) {
        if (nextRestore) {
          nextRestore = undefined
          throw new Error('restore failed (admin next-restore)')
        }
        const [location] = (
          await sql(`SELECT location FROM backups WHERE id='${uuid(a.backup_id)}'`)
        ).split('\n')
        const key = decodeURIComponent((location ?? '').split(`/${BACKUP_CONTAINER}/`)[1] ?? '')
        restoreFrom = path.join(o.workDir, `restore-${id}`)
        await o.store.getFile(BACKUP_CONTAINER, key, restoreFrom)
      }
      const db = await o.servers.start({
        datastore,
        host,
        baseDir,
        users: usersOf(a.users),
        databases: names(a.databases),
        restoreFrom,
        tls,
        allowedCidrs: allowedCidrsOf(a.access)
      })
      running.set(id, db)
      await sql(`UPDATE instances SET task_id=${TASK_NONE}, task_description='No tasks for the instance.',
          server_status='ACTIVE', updated=UTC_TIMESTAMP() WHERE id='${id}';
        UPDATE service_statuses SET status_id=${STATUS_HEALTHY}, status_description='healthy',
          updated_at=UTC_TIMESTAMP() WHERE instance_id='${id}';`)
      o.log(`instance ${id}: ${datastore} on ${host}`)
    } catch (err) {
      // What the task manager does when the guest never comes up: the server errors, and
      // the cause goes where Trove shows it, the instance's `fault` (instance_faults).
      const message = String(err instanceof Error ? err.message : err)
      await sql(`UPDATE instances SET task_id=${TASK_NONE}, server_status='ERROR', updated=UTC_TIMESTAMP() WHERE id='${id}';
        UPDATE service_statuses SET status_id=${STATUS_FAILED}, status_description='failed to spawn',
          updated_at=UTC_TIMESTAMP() WHERE instance_id='${id}';
        INSERT INTO instance_faults (id, instance_id, message, details, created, updated, deleted)
          VALUES (UUID(), '${id}', ${literal(message.slice(0, 255))}, ${literal(message)},
            UTC_TIMESTAMP(), UTC_TIMESTAMP(), 0);`)
      throw err
    } finally {
      if (restoreFrom) await rm(restoreFrom, { force: true })
    }
  }

  const createBackup = async (a: Record<string, unknown>) => {
    const info = a.backup_info as Record<string, unknown>
    const id = uuid(info.id)
    const instanceId = uuid(a.instance_id)
    await sql(`UPDATE backups SET state='BUILDING', updated=UTC_TIMESTAMP() WHERE id='${id}'`)
    const file = path.join(o.workDir, `backup-${id}.tar.gz`)
    const outcome = nextBackup
    nextBackup = undefined
    try {
      await pause(settings.backupMs)
      if (outcome === 'hold') await new Promise<void>((release) => held.push(release))
      if (outcome === 'FAILED') throw new Error('backup failed (admin next-backup)')
      const db = running.get(instanceId)
      if (!db) throw new Error(`instance ${instanceId} has no server`)
      const { bytes } = await o.servers.backup(db, file)
      const checksum = await md5(file)
      const location = await o.store.putFile(BACKUP_CONTAINER, `${id}.tar.gz`, file)
      await sql(`UPDATE backups SET state='COMPLETED', size=${bytes / 1024 ** 3}, checksum='${checksum}',
        location=${literal(location)}, updated=UTC_TIMESTAMP() WHERE id='${id}'`)
      o.log(`backup ${id}: ${bytes} bytes`)
    } catch (err) {
      await sql(`UPDATE backups SET state='FAILED', updated=UTC_TIMESTAMP() WHERE id='${id}'`)
      throw err
    } finally {
      await rm(file, { force: true })
    }
  }

  const deleteInstance = async (a: Record<string, unknown>) => {
    const id = uuid(a.instance_id)
    await pause(settings.deleteMs)
    const db = running.get(id)
    running.delete(id)
    if (db) await o.servers.destroy(db)
    addresses.delete(id)
    await saveAddresses()
    await sql(`UPDATE instances SET deleted=1, deleted_at=UTC_TIMESTAMP(), updated=UTC_TIMESTAMP() WHERE id='${id}';
      UPDATE service_statuses SET status_id=5, status_description='deleted' WHERE instance_id='${id}';`)
  }

  const deleteBackup = async (a: Record<string, unknown>) => {
    const id = uuid(a.backup_id)
    await sql(`UPDATE backups SET deleted=1, deleted_at=UTC_TIMESTAMP() WHERE id='${id}'`)
  }

  const handlers: Record<string, (a: Record<string, unknown>) => Promise<void>> = {
    create_instance: createInstance,
    create_backup: createBackup,
    delete_instance: deleteInstance,
    delete_backup: deleteBackup
  }

  const handle = async (file: string) => {
    const full = path.join(o.spool, file)
    const msg = JSON.parse(await readFile(full, 'utf8')) as Message
    await rm(full, { force: true })
    const h = handlers[msg.method]
    if (!h) return o.log(`control plane: no handler for ${msg.method}, ignored`)
    await h(msg.args)
  }

  // A message file stays in the spool until its handler has read it: `taken` keeps a
  // second listing from starting it twice.
  const taken = new Set<string>()
  const poll = async () => {
    await mkdir(o.spool, { recursive: true })
    while (!stopped) {
      const files = (await readdir(o.spool).catch(() => []))
        .filter((f) => f.endsWith('.json'))
        .sort()
      for (const f of files) {
        if (taken.has(f)) continue
        taken.add(f)
        const job = handle(f)
          .catch((err: unknown) => o.log(`control plane: ${f}: ${String(err)}`))
          .finally(() => {
            taken.delete(f)
            jobs.delete(job)
          })
        jobs.add(job)
      }
      await new Promise((r) => setTimeout(r, POLL_MS))
    }
  }
  const loop = poll()

  // The guest agent's heartbeat, for every live healthy instance (seeded rows too: they
  // stand for instances whose guest runs), except those told to go silent.
  const beat = setInterval(() => {
    const quiet = [...silent].map((id) => `'${id}'`).join(',')
    sql(
      `UPDATE service_statuses s JOIN instances i ON i.id = s.instance_id
        SET s.updated_at=UTC_TIMESTAMP()
        WHERE i.deleted=0 AND s.status_id=${STATUS_HEALTHY}${quiet ? ` AND s.instance_id NOT IN (${quiet})` : ''}`
    ).catch((err: unknown) => o.log(`heartbeat: ${String(err)}`))
  }, HEARTBEAT_MS)

  return {
    server: (id) => running.get(id),
    settings,
    setNextBackup: (outcome) => {
      nextBackup = outcome
    },
    releaseBackups: () => {
      const released = held.splice(0)
      for (const release of released) release()
      return released.length
    },
    setNextRestore: (outcome) => {
      nextRestore = outcome
    },
    stopHeartbeat: (id) => {
      silent.add(id)
    },
    async reset() {
      silent.clear()
      nextBackup = undefined
      nextRestore = undefined
      for (const release of held.splice(0)) release()
      await Promise.allSettled([...jobs])
      const servers = [...running.values()]
      running.clear()
      addresses.clear()
      await Promise.all(servers.map((db) => o.servers.destroy(db)))
      await saveAddresses()
      Object.assign(settings, DEFAULT_SETTINGS)
      await sql(`UPDATE instances SET deleted=1, deleted_at=UTC_TIMESTAMP() WHERE deleted=0;
        UPDATE backups SET deleted=1, deleted_at=UTC_TIMESTAMP() WHERE deleted=0;
        DELETE FROM quotas; UPDATE quota_usages SET in_use=0, reserved=0;`)
    },
    async stop() {
      stopped = true
      clearInterval(beat)
      await loop
      await Promise.allSettled([...jobs])
    }
  }
}
