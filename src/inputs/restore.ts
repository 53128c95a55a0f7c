import { InputError } from '../errors.js'
import {
  checkHttpsUrl,
  checkOneLine,
  type InputSource,
  readBoolean,
  readInteger,
  readDuration,
  splitList,
  valueOrDefault
} from './source.js'
import { UUID_PATTERN } from '../openstack/index.js'
import { isIPv4 } from 'node:net'
import { checkToolEnvNames } from '../database/tool-env.js'
import { readFreshness } from './report.js'
import { type DbTlsInputs, readDbTls } from './db-tls.js'
import { readEvidencePath, readMetricsFile } from './output-files.js'

/** How a new instance is made: its size, version, network, firewall and time limits. */
export interface NewInstanceSettings {
  flavor: string
  volumeSizeGb?: number
  volumeType: string
  datastoreVersion: string
  network: string
  /** Explicit CIDRs, or 'runner' to detect the runner's address. */
  allowedCidrs: string[] | 'runner'
  runnerIpUrl: string
  /** Test clouds: a plain-http echo and a private or loopback answer from it are accepted. */
  allowInsecureHttp: boolean
  restoreTimeoutMs: number
  deleteTimeoutMs: number
}

export interface RestoreInputs extends NewInstanceSettings {
  instance: string
  backupId: string
}

export interface DrillInputs extends RestoreInputs, DbTlsInputs {
  dbUser: string
  dbPassword: string
  databases: string[]
  checksFile: string
  compareWithSource: boolean
  tolerancePercent: number
  integrity: boolean
  command: string
  /** The drilled backup may be at most this old (max-age + grace, as in report). */
  maxAgeMs: number
  graceMs: number
  /** Further environment variables the command may see (database/tool-env.ts). */
  commandEnvNames: string[]
  keepOnFailure: boolean
  /** Where the drill evidence JSON goes; undefined: $RUNNER_TEMP (else the OS temp dir). */
  evidencePath?: string
  /** Prometheus metrics file (textfile collector); undefined: none. */
  metricsFile?: string
}

/** The inputs shared by verify (temporary instance) and restore (kept instance). */
export function readRestoreInputs(source: InputSource): RestoreInputs {
  const instance = source.get('instance')
  const backupId = source.get('backup-id')
  if (!instance && !backupId) {
    throw new InputError(
      'instance',
      'is required (or backup-id): which instance’s newest backup to restore'
    )
  }
  if (backupId && !UUID_PATTERN.test(backupId)) {
    throw new InputError('backup-id', `"${backupId}" is not a backup id (a UUID like 3f0e…-…)`)
  }
  return { instance, backupId, ...readNewInstanceSettings(source) }
}

/** flavor, volume, datastore version, network, allowed CIDRs and the time limits. */
export function readNewInstanceSettings(source: InputSource): NewInstanceSettings {
  const inputs: NewInstanceSettings = {
    flavor: source.get('flavor'),
    volumeType: source.get('volume-type'),
    datastoreVersion: source.get('datastore-version'),
    network: source.get('network'),
    allowedCidrs: readCidrs(source),
    runnerIpUrl: valueOrDefault(source, 'runner-ip-url'),
    allowInsecureHttp: readBoolean(source, 'allow-insecure-http'),
    restoreTimeoutMs: readDuration(source, 'restore-timeout', {
      minMs: 30_000,
      maxMs: 12 * 3_600_000
    }),
    deleteTimeoutMs: readDeleteTimeout(source)
  }
  if (source.get('volume-size'))
    inputs.volumeSizeGb = readInteger(source, 'volume-size', { min: 1, max: 10_000 })
  // The echo's answer becomes the firewall of a copy of production data: https only.
  if (inputs.allowedCidrs === 'runner')
    checkHttpsUrl(source, 'runner-ip-url', inputs.runnerIpUrl, inputs.allowInsecureHttp)
  return inputs
}

export function readCommandEnv(source: InputSource): string[] {
  const names = splitList(source.get('command-env'))
  checkToolEnvNames(names)
  return names
}

/** How long to wait for a delete to be confirmed (verify, mirror and sweep). */
export function readDeleteTimeout(source: InputSource): number {
  return readDuration(source, 'delete-timeout', { minMs: 10_000, maxMs: 2 * 3_600_000 })
}

function readCidrs(source: InputSource): string[] | 'runner' {
  const raw = valueOrDefault(source, 'allowed-cidrs')
  if (raw.toLowerCase() === 'runner') return 'runner'
  const cidrs = splitList(raw)
  for (const cidr of cidrs) {
    const problem = checkCidr(cidr)
    if (problem)
      throw new InputError(
        'allowed-cidrs',
        `${problem}; use CIDRs separated by commas, or "runner"`
      )
  }
  return cidrs
}

export interface KeptRestoreInputs extends RestoreInputs {
  /** The name of the new instance, which is kept. */
  restoreName: string
}

/** restore mode: the restore inputs and the new instance's name. */
export function readKeptRestoreInputs(source: InputSource): KeptRestoreInputs {
  const restore = readRestoreInputs(source)
  const restoreName = readRestoreName(source)
  if (!restoreName)
    throw new InputError(
      'restore-name',
      'is required: the name of the new instance to restore into'
    )
  return { ...restore, restoreName }
}

/** restore-name: one line, as long as Trove allows; '' when not given. */
export function readRestoreName(source: InputSource): string {
  const restoreName = source.get('restore-name')
  checkOneLine('restore-name', restoreName)
  if (restoreName.length > 255)
    throw new InputError('restore-name', 'is longer than Trove’s 255 characters')
  return restoreName
}

/** row-count-tolerance: a percentage from 0 to 100. */
export function readTolerance(source: InputSource): number {
  const tolerance = valueOrDefault(source, 'row-count-tolerance')
  const tolerancePercent = /^\d{1,3}(\.\d{1,3})?%?$/.test(tolerance)
    ? Number(tolerance.replace(/%$/, ''))
    : NaN
  if (!Number.isFinite(tolerancePercent) || tolerancePercent < 0 || tolerancePercent > 100) {
    throw new InputError(
      'row-count-tolerance',
      `"${tolerance}" is not a percentage between 0 and 100`
    )
  }
  return tolerancePercent
}

/** Everything verify needs, checked before any cloud call. */
export function readDrillInputs(source: InputSource): DrillInputs {
  const restore = readRestoreInputs(source)
  const dbPassword = source.get('db-password')
  if (dbPassword) {
    source.mask(dbPassword)
  }
  const dbUser = source.get('db-user')
  if (!dbUser)
    throw new InputError(
      'db-user',
      'is required: a database user of the instance, to log in to the restored copy'
    )
  if (!dbPassword) throw new InputError('db-password', 'is required (pass it from a secret)')
  const tolerancePercent = readTolerance(source)
  const compareWithSource = readBoolean(source, 'compare-with-source')
  if (compareWithSource && !restore.instance) {
    throw new InputError('compare-with-source', 'needs the source instance: set instance')
  }
  return {
    ...restore,
    dbUser,
    dbPassword,
    databases: splitList(source.get('databases')),
    ...readDbTls(source),
    checksFile: source.get('checks-file'),
    compareWithSource,
    tolerancePercent,
    integrity: readBoolean(source, 'integrity-check'),
    command: source.get('command'),
    commandEnvNames: readCommandEnv(source),
    ...readFreshness(source),
    keepOnFailure: readBoolean(source, 'keep-on-failure'),
    ...optional('evidencePath', readEvidencePath(source)),
    ...optional('metricsFile', readMetricsFile(source))
  }
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string }
}

/** The widest allow-list prefix Pukki accepts for an instance. */
const MIN_PREFIX = 22

/** `a.b.c.d/n` with a sane prefix. The world (`0.0.0.0/0`) is never a safe firewall for a copy of production data. */
export function checkCidr(value: string): string | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value)
  if (!match || !isIPv4(match[1] as string))
    return `"${value}" is not an IPv4 CIDR like 203.0.113.7/32`
  const prefix = Number(match[2])
  if (prefix > 32) return `"${value}" has a prefix over 32`
  if (prefix === 0)
    return `"${value}" opens the restored data to the whole internet; name the runner's address instead`
  // Pukki refuses prefixes wider than /22 only when the create is sent; refusing here keeps a
  // bad input from reaching the cloud, and a copy of production data needs a narrow allow-list.
  if (prefix < MIN_PREFIX)
    return `"${value}" is wider than /${MIN_PREFIX} (the widest the cloud accepts)`
  return undefined
}
