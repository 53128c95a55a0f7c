// For tests: runs the local cloud as a child process (its own process group, so
// stop() — or a kill of the group — takes every server with it), reads its
// CloudInfo line, and wraps the admin API in typed calls.

import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { CloudInfo } from './cloud.ts'

export type { CloudInfo }

export interface CloudConfig {
  instanceBuildMs?: number
  backupMs?: number
  deleteMs?: number
  tokenTtlSeconds?: number
  quota?: { instances?: number; volumes?: number; backups?: number }
  /** 0 turns the rate limit off (the default) */
  rateLimitPerMinute?: number
  /** instances built from now on offer TLS (the default) or, with false, none at all */
  serverTls?: boolean
}

export interface EffectiveConfig {
  instanceBuildMs: number
  backupMs: number
  deleteMs: number
  tokenTtlSeconds: number
  quota: { instances: number; volumes: number; backups: number }
  rateLimitPerMinute: number
  serverTls: boolean
}

export interface SeedBackup {
  ageHours: number
  status?: string
  sizeGb?: number
  datastoreVersion?: string
  name?: string
  description?: string
}

export interface FaultSpec {
  method?: string
  /** regex source, matched against the request path */
  pathPattern: string
  status?: number
  /** cut the connection instead of answering (logged with status 0) */
  dropConnection?: boolean
  /** how many matching requests get it (default 1) */
  count?: number
  retryAfter?: number
  latencyMs?: number
  body?: unknown
}

export interface LoggedRequest {
  service: 'keystone' | 'trove'
  method: string
  path: string
  query: Record<string, string>
  status: number
  at: string
  /** arrival and answer (epoch ms): in-flight requests at any moment */
  startMs: number
  endMs: number
}

export interface AdminInstance {
  id: string
  name: string
  status: string
  datastore: string
  version: string
  host: string
  port: number | null
  baseDir: string | null
  running: boolean
  /** whether its server offers TLS; null while it has no server */
  tls: boolean | null
  seeded: boolean
  created: string
}

export interface Admin {
  reset(): Promise<void>
  /** merges `c` into the settings; returns all of them */
  config(c: CloudConfig): Promise<EffectiveConfig>
  seedBackups(instanceId: string, backups: SeedBackup[], datastore?: string): Promise<string[]>
  seedInstances(
    count: number,
    opts?: { datastore?: string; namePrefix?: string; names?: string[]; ageHours?: number }
  ): Promise<string[]>
  fault(spec: FaultSpec): Promise<void>
  resetFaults(): Promise<void>
  nextBackup(outcome: 'FAILED' | 'hold'): Promise<void>
  releaseBackups(): Promise<number>
  nextRestore(outcome: 'ERROR'): Promise<void>
  /** the instance's guest agent stops its heartbeat: Trove shows operating_status ERROR */
  guestLate(instanceId: string): Promise<void>
  corruptBackup(backupId: string): Promise<void>
  expireTokens(): Promise<void>
  requests(): Promise<LoggedRequest[]>
  clearRequests(): Promise<void>
  instances(): Promise<AdminInstance[]>
}

export interface RunningCloud {
  info: CloudInfo
  admin: Admin
  /** SIGTERM to the whole group, wait for the clean-up; SIGKILL after `timeoutMs` */
  stop(timeoutMs?: number): Promise<void>
  /** everything the cloud wrote to stderr so far (for failing tests) */
  logs(): string
}

export interface StartOptions {
  paceMs?: number
  /**
   * the real Keystone and trove-api (upstream/cloud.ts) instead of our double; by default
   * the one LOCALCLOUD_KIND names (`upstream` or `double`, the default). The upstream
   * cloud has its own pace: `paceMs` is then ignored.
   */
  upstream?: boolean
  /** ms to wait for the CloudInfo line (default 60 s: Swift takes a few seconds) */
  startTimeoutMs?: number
  /** copy the cloud's stderr to ours as it comes */
  echoLogs?: boolean
}

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url))

/** Which cloud the tests run on: LOCALCLOUD_KIND=upstream or double (the default). */
export function cloudKind(): 'upstream' | 'double' {
  const kind = process.env.LOCALCLOUD_KIND ?? 'double'
  if (kind !== 'upstream' && kind !== 'double')
    throw new Error(`LOCALCLOUD_KIND must be upstream or double, not ${kind}`)
  return kind
}

export async function startCloud(opts: StartOptions = {}): Promise<RunningCloud> {
  const args = [CLI, 'up']
  const upstream = opts.upstream ?? cloudKind() === 'upstream'
  if (upstream) args.push('--upstream')
  else if (opts.paceMs !== undefined) args.push('--pace-ms', String(opts.paceMs))
  // The upstream cloud's snapshot (upstream/snapshot.ts) is made before its tests run.
  const startTimeoutMs = opts.startTimeoutMs ?? (upstream ? 120_000 : 60_000)
  // process.execPath: the Node running the tests (24, from node_modules/.bin under npx/npm).
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, LOCALCLOUD_EXIT_ON_STDIN_CLOSE: '1' }
  })
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8')
    // The upstream cloud's few lines say what the real servers did (and trove-api's
    // tracebacks): always in the test output, where a failure is read.
    if (opts.echoLogs || upstream || process.env.LOCALCLOUD_ECHO === '1') process.stderr.write(c)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const info = await new Promise<CloudInfo>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      reject(new Error(`local cloud did not start within ${startTimeoutMs} ms:\n${stderr}`))
    }, startTimeoutMs)
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8')
      const nl = out.indexOf('\n')
      if (nl < 0) return
      clearTimeout(timer)
      try {
        resolve(JSON.parse(out.slice(0, nl)) as CloudInfo)
      } catch (err) {
        reject(new Error(`bad CloudInfo line: ${String(err)}\n${out}`))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local cloud exited (${code}) before it was up:\n${stderr}`))
    })
  }).catch(async (err: unknown) => {
    killGroup(child.pid, 'SIGKILL')
    await exited
    throw err
  })

  let stopped: Promise<void> | undefined
  const stop = (timeoutMs = 60_000): Promise<void> => {
    stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      killGroup(child.pid, 'SIGTERM')
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs)
      await exited
      clearTimeout(timer)
      child.stdin.destroy()
    })()
    return stopped
  }
  return { info, admin: adminClient(info.adminUrl), stop, logs: () => stderr }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

export function adminClient(adminUrl: string): Admin {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(adminUrl + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${text}`)
    return (text ? JSON.parse(text) : undefined) as T
  }
  return {
    reset: async () => void (await call('POST', '/reset')),
    config: (c) => call('POST', '/config', c),
    seedBackups: async (instanceId, backups, datastore) =>
      (await call<{ ids: string[] }>('POST', '/seed-backups', { instanceId, backups, datastore }))
        .ids,
    seedInstances: async (count, o = {}) =>
      (await call<{ ids: string[] }>('POST', '/seed-instances', { count, ...o })).ids,
    fault: async (spec) => void (await call('POST', '/faults', spec)),
    resetFaults: async () => void (await call('POST', '/faults', { reset: true })),
    nextBackup: async (outcome) => void (await call('POST', '/next-backup', { outcome })),
    releaseBackups: async () =>
      (await call<{ released: number }>('POST', '/release-backups')).released,
    nextRestore: async (outcome) => void (await call('POST', '/next-restore', { outcome })),
    guestLate: async (instanceId) => void (await call('POST', '/guest-late', { instanceId })),
    corruptBackup: async (backupId) => void (await call('POST', '/corrupt-backup', { backupId })),
    expireTokens: async () => void (await call('POST', '/expire-tokens')),
    requests: () => call('GET', '/requests'),
    clearRequests: async () => void (await call('DELETE', '/requests')),
    instances: () => call('GET', '/instances')
  }
}
