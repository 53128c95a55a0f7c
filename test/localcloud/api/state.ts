// Everything the cloud remembers: settings, tokens, instances, backups and the
// fault controls. One object, created by cloud.ts and passed to every route file.

import { randomUUID } from 'node:crypto'
import type { Datastore, DbServers, ObjectStore, RunningDb } from '../servers/types.ts'

export interface Config {
  /** least time an instance spends in BUILD (the real server start counts towards it) */
  instanceBuildMs: number
  /** least time a backup takes from NEW to COMPLETED */
  backupMs: number
  /** least time a deleted instance stays SHUTDOWN before it is gone */
  deleteMs: number
  tokenTtlSeconds: number
  quota: { instances: number; volumes: number; backups: number }
  /** requests per minute per verb and project; 0 = no rate limit */
  rateLimitPerMinute: number
  /** instances built from now on offer TLS (a certificate from the cloud's CA); false: none */
  serverTls: boolean
}

export interface Identity {
  projectId: string
  projectName: string
  userId: string
  username: string
  password: string
  appCredId: string
  appCredName: string
  appCredSecret: string
}

export interface Token {
  expiresAt: number
  projectId: string
  appCred: boolean
}

export interface Fault {
  message: string
  created: string
  details: string
}

export interface InstanceRec {
  id: string
  name: string
  /** stored status; BACKUP is derived from running backups when shown */
  status: 'BUILD' | 'ACTIVE' | 'ERROR' | 'SHUTDOWN'
  /** a delete was accepted (the status says SHUTDOWN, or still ERROR) */
  deleting?: boolean
  /** its guest agent's heartbeat stopped (admin guest-late): operating_status ERROR */
  guestLate?: boolean
  datastore: Datastore
  versionName: string
  flavorId: string
  volumeSize: number
  volumeUsed: number
  host: string
  isPublic: boolean
  allowedCidrs: string[]
  created: Date
  updated: Date
  fault?: Fault
  /** the real server; undefined for seeded records and until BUILD ends */
  server?: RunningDb
  seeded: boolean
}

export interface BackupRec {
  id: string
  name: string
  description: string | null
  status: string
  instanceId: string
  parentId: string | null
  created: Date
  updated: Date
  sizeGb: number | null
  locationRef: string | null
  /** object key in the backup container; undefined for seeded records (no data) */
  objectKey?: string
  datastore: { type: Datastore; version: string; versionId: string }
  seeded: boolean
}

export interface RequestLogEntry {
  service: 'keystone' | 'trove'
  method: string
  path: string
  query: Record<string, string>
  status: number
  at: string
  /** when the request arrived and when it was answered (epoch ms), for in-flight counts */
  startMs: number
  endMs: number
}

export interface FaultRule {
  method?: string
  pathPattern: RegExp
  status?: number
  count: number
  retryAfter?: number
  latencyMs?: number
  body?: unknown
  /** cut the connection without an answer (logged with status 0) */
  dropConnection?: boolean
}

export interface State {
  config: Config
  /** the config the cloud started with; reset returns to it */
  initialConfig: Config
  identity: Identity
  authUrl: string
  troveUrl: string
  swiftUrl: string
  region: string
  tempDir: string
  db: DbServers
  store: ObjectStore
  tokens: Map<string, Token>
  instances: Map<string, InstanceRec>
  backups: Map<string, BackupRec>
  faults: FaultRule[]
  requests: RequestLogEntry[]
  /** one-shot outcomes set through the admin API */
  nextBackup?: 'FAILED' | 'hold'
  nextRestore?: 'ERROR'
  /** backups on hold wait for these to be called (release-backups) */
  held: Array<() => void>
  /** rate-limit windows: key verb+project → start of window and count */
  rate: Map<string, { start: number; count: number }>
  /** aborted on reset/shutdown so paced jobs stop waiting */
  abort: AbortController
  /** running async jobs (build, backup, delete), awaited on reset/shutdown */
  jobs: Set<Promise<void>>
  addressOctet: number
  nextAddress: number
}

export function defaultConfig(paceMs: number): Config {
  return {
    instanceBuildMs: paceMs,
    backupMs: paceMs,
    deleteMs: Math.round(paceMs / 2),
    tokenTtlSeconds: 3600,
    // Pukki's defaults are 5 instances / 50 GiB / 1000 backups; seeded records do not count.
    quota: { instances: 5, volumes: 50, backups: 1000 },
    rateLimitPerMinute: 0,
    serverTls: true
  }
}

/** Trove's timestamps: naive UTC, no zone and no fractions (2019-12-23T22:38:42). */
export function troveTime(d: Date): string {
  return d.toISOString().slice(0, 19)
}

/** Keystone's timestamps: UTC with microseconds and Z (2015-11-07T02:58:43.578000Z). */
export function keystoneTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

export function newId(): string {
  return randomUUID()
}

/**
 * A fresh loopback address 127.<A>.<B>.<C>: A is fixed per cloud process (from its pid) so two
 * clouds never collide; B.C counts up from 0.1 and skips .0 and .255.
 */
export function allocateAddress(state: State): string {
  for (;;) {
    const n = state.nextAddress++
    const b = Math.floor(n / 256) % 256
    const c = n % 256
    if (c === 0 || c === 255) continue
    return `127.${state.addressOctet}.${b}.${c}`
  }
}

/**
 * Runs an async job after the current response is built (so a create answers with the
 * record as created: BUILD / NEW), and tracks it so reset and shutdown can wait for it.
 */
export function track(state: State, job: () => Promise<void>): void {
  const p = new Promise<void>((resolve) => setImmediate(resolve))
    .then(job)
    .catch((err: unknown) => {
      process.stderr.write(`localcloud: job failed: ${String(err)}\n`)
    })
  state.jobs.add(p)
  void p.finally(() => state.jobs.delete(p))
}

export const RUNNING_BACKUP = new Set(['NEW', 'BUILDING', 'SAVING'])

export function hasRunningBackup(state: State, instanceId: string): boolean {
  for (const b of state.backups.values()) {
    if (b.instanceId === instanceId && RUNNING_BACKUP.has(b.status)) return true
  }
  return false
}

/** The status clients see: a running backup shows as BACKUP on an otherwise ACTIVE instance. */
export function shownStatus(state: State, inst: InstanceRec): string {
  if (inst.status === 'ACTIVE' && hasRunningBackup(state, inst.id)) return 'BACKUP'
  return inst.status
}

/**
 * Stops every job and server and forgets every record (admin reset and shutdown).
 * Jobs see the abort, finish their clean-up, then the remaining servers are destroyed.
 */
export async function clearAll(state: State): Promise<void> {
  state.abort.abort()
  for (const release of state.held.splice(0)) release()
  await Promise.allSettled([...state.jobs])
  const servers = [...state.instances.values()].flatMap((i) => (i.server ? [i.server] : []))
  state.instances.clear()
  await Promise.allSettled(servers.map((s) => state.db.destroy(s)))
  state.backups.clear()
  state.faults.length = 0
  state.requests.length = 0
  state.rate.clear()
  state.nextBackup = undefined
  state.nextRestore = undefined
  state.config = structuredClone(state.initialConfig)
  state.abort = new AbortController()
}
