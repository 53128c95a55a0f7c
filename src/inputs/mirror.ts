import { zstdAvailable } from '../storage/compress.js'
import { InputError } from '../errors.js'
import { parseRecipient } from '../storage/age/x25519.js'
import {
  checkOneLine,
  type InputSource,
  readBoolean,
  readChoice,
  readInteger,
  readSize,
  splitList
} from './source.js'
import { MAX_PART_BYTES, MIN_PART_BYTES } from '../storage/part-size.js'
import type { S3Settings } from '../storage/s3-store.js'
import { parseS3Uri, type S3Location } from '../storage/s3-uri.js'
import {
  type NewInstanceSettings,
  readCommandEnv,
  readNewInstanceSettings,
  readRestoreInputs,
  readRestoreName,
  readTolerance,
  type RestoreInputs
} from './restore.js'
import { readFreshness } from './report.js'
import { readAgeIdentities, readTargetUrl, type TargetServer } from './target-url.js'
import { type DbTlsInputs, readDbTls } from './db-tls.js'
import { readEvidencePath, readMetricsFile } from './output-files.js'
import type { RetentionPolicy } from '../policy/mirror-retention.js'
import { readDumpSelection } from './dump-selection.js'

export interface StoreInputs {
  location: S3Location
  s3: S3Settings
  /** Prometheus metrics file (textfile collector); undefined: none. */
  metricsFile?: string
}

export interface UploadInputs extends StoreInputs, DbTlsInputs {
  action: 'upload'
  source: 'restored' | 'live'
  /** For the restored source (instance or backup-id, flavor, cidrs…); instance for live. */
  restore: RestoreInputs
  dbUser: string
  dbPassword: string
  /** Databases to dump ([] = every one the user can see); plain names (inputs/dump-selection.ts). */
  databases: string[]
  /** PostgreSQL schemas to dump ([] = all). */
  schemas: string[]
  /** Tables left out of the dump: `table` or `schema.table` / `database.table`. */
  excludeTables: string[]
  compression: 'zstd' | 'gzip'
  compressionLevel: number
  recipients: string[]
  partSize: number
  maxParts: number
  concurrency: number
  bandwidthLimit?: number
  retention: RetentionPolicy
  /** Retention lists what it would delete and deletes nothing. */
  dryRun: boolean
}

export interface VerifyCopyInputs extends StoreInputs {
  action: 'verify'
  /** The dump to check; '' = the newest of ours under the prefix (of `instance`, when given). */
  objectKey: string
  instance: string
}

/** What reading a stored copy back needs, wherever it is restored. */
export interface CopyReadInputs extends StoreInputs, DbTlsInputs {
  /** The dump to restore; '' = the newest of ours under the prefix (of `instance`, when given). */
  objectKey: string
  instance: string
  /** age secret keys (secret); empty when the copy is not encrypted. */
  identities: string[]
  /** Drop a database of the same name first, instead of refusing. */
  overwrite: boolean
}

/**
 * target: new-instance — a new Trove instance, created with the copy's databases and the
 * db-user login, restored into, and kept.
 */
export interface NewInstanceTarget extends NewInstanceSettings {
  kind: 'new-instance'
  /** '' = named after the copy's instance (commands/mirror/new-instance.ts). */
  restoreName: string
  dbUser: string
  /** Secret: masked when read. */
  dbPassword: string
}

/** mirror-action: restore — a stored copy into the server of target-url, or a new instance. */
export interface RestoreCopyInputs extends CopyReadInputs {
  action: 'restore'
  target: TargetServer | NewInstanceTarget
}

/** mirror-action: drill — restore the newest copy, check it as verify does, drop it. */
export interface DrillCopyInputs extends CopyReadInputs {
  action: 'drill'
  target: TargetServer
  checksFile: string
  tolerancePercent: number
  integrity: boolean
  command: string
  commandEnvNames: string[]
  maxAgeMs: number
  graceMs: number
  /** Where the drill evidence JSON goes; undefined: $RUNNER_TEMP (else the OS temp dir). */
  evidencePath?: string
}

export type MirrorInputs = UploadInputs | VerifyCopyInputs | RestoreCopyInputs | DrillCopyInputs

/** Every mirror input, checked before any call to the cloud or the store. */
export function readMirrorInputs(source: InputSource): MirrorInputs {
  const action = readChoice(source, 'mirror-action', [
    'upload',
    'verify',
    'restore',
    'drill'
  ] as const)
  // The secrets first: masked before any other input's error could be printed.
  const target =
    action === 'restore' || action === 'drill' ? readRestoreTarget(source, action) : undefined
  const identities = readAgeIdentities(source)
  const store = readStoreInputs(source)
  const objectKey = source.get('object-key')
  if (objectKey && !objectKey.startsWith(store.location.prefix)) {
    throw new InputError(
      'object-key',
      `"${objectKey}" is not under the prefix of s3-uri ("${store.location.prefix}")`
    )
  }
  if (action === 'verify') return { action, ...store, objectKey, instance: source.get('instance') }
  if (action === 'restore' || action === 'drill') {
    const restore = {
      ...store,
      ...readDbTls(source),
      objectKey,
      instance: source.get('instance'),
      identities,
      overwrite: readBoolean(source, 'overwrite')
    }
    if (action === 'restore') {
      return { ...restore, action, target: target as TargetServer | NewInstanceTarget }
    }
    const evidencePath = readEvidencePath(source)
    return {
      ...restore,
      action,
      target: target as TargetServer,
      checksFile: source.get('checks-file'),
      tolerancePercent: readTolerance(source),
      integrity: readBoolean(source, 'integrity-check'),
      command: source.get('command'),
      commandEnvNames: readCommandEnv(source),
      ...readFreshness(source),
      ...(evidencePath && { evidencePath })
    }
  }
  const sourceKind = readChoice(source, 'source', ['restored', 'live'] as const)
  const dbPassword = source.get('db-password')
  if (dbPassword) source.mask(dbPassword)
  const restore = readRestoreInputs(source)
  if (sourceKind === 'live' && !restore.instance) {
    throw new InputError('instance', 'is required with source: live (the instance to dump)')
  }
  const dbUser = source.get('db-user')
  if (!dbUser)
    throw new InputError('db-user', 'is required: a database user that can read the data')
  if (!dbPassword) throw new InputError('db-password', 'is required (pass it from a secret)')
  const selection = readDumpSelection(source)
  const compression = readCompression(source)
  const recipients = readRecipients(source)
  readEncryption(source, recipients)
  return {
    action,
    ...store,
    source: sourceKind,
    restore,
    dbUser,
    dbPassword,
    ...selection,
    ...readDbTls(source),
    compression,
    compressionLevel: readLevel(source, compression),
    recipients,
    partSize: readSize(source, 'part-size', { min: MIN_PART_BYTES, max: MAX_PART_BYTES }) as number,
    maxParts: readInteger(source, 'max-parts', { min: 1, max: 10_000 }),
    concurrency: readInteger(source, 'upload-concurrency', { min: 1, max: 32 }),
    ...(source.get('bandwidth-limit') && {
      bandwidthLimit: readSize(source, 'bandwidth-limit', { min: 64 * 1024, max: 100 * 1024 ** 3 })
    }),
    retention: readRetention(source),
    dryRun: readBoolean(source, 'dry-run')
  }
}

/**
 * `target`: url (the server of target-url) or new-instance (a new Trove instance, which needs
 * the login to create on it). Read before any other input, since both kinds carry a secret.
 */
function readRestoreTarget(
  source: InputSource,
  action: 'restore' | 'drill'
): TargetServer | NewInstanceTarget {
  const dbPassword = source.get('db-password')
  if (dbPassword) source.mask(dbPassword)
  const kind = readChoice(source, 'target', ['url', 'new-instance'] as const)
  if (kind === 'url') return readTargetUrl(source)
  const targetUrl = source.get('target-url')
  if (targetUrl) source.mask(targetUrl)
  if (action === 'drill') {
    throw new InputError(
      'target',
      'new-instance is for mirror-action: restore; a drill restores into target-url and drops what it restored'
    )
  }
  if (targetUrl) {
    throw new InputError(
      'target',
      'is new-instance, but target-url is also given: give target-url (an existing server) or new-instance, not both'
    )
  }
  const dbUser = source.get('db-user')
  if (!dbUser) {
    throw new InputError(
      'db-user',
      'is required with target: new-instance: the login to create on the new instance, owning the restored databases'
    )
  }
  checkOneLine('db-user', dbUser)
  if (!dbPassword) throw new InputError('db-password', 'is required (pass it from a secret)')
  return {
    kind: 'new-instance',
    restoreName: readRestoreName(source),
    dbUser,
    dbPassword,
    ...readNewInstanceSettings(source)
  }
}

function readStoreInputs(source: InputSource): StoreInputs {
  const uri = source.get('s3-uri')
  if (!uri)
    throw new InputError('s3-uri', 'is required: where to store the copy (s3://bucket/prefix)')
  const location = parseS3Uri(uri)
  if (typeof location === 'string') throw new InputError('s3-uri', location)
  const endpoint = source.get('s3-endpoint')
  if (endpoint) {
    let url: URL
    try {
      url = new URL(endpoint)
    } catch {
      throw new InputError('s3-endpoint', `"${endpoint}" is not a URL`)
    }
    const insecureOk = readBoolean(source, 'allow-insecure-http')
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && insecureOk)) {
      throw new InputError(
        's3-endpoint',
        `"${endpoint}" must be https (plain http only with ${source.spell.setting('allow-insecure-http', 'true')})`
      )
    }
  }
  const region =
    source.get('s3-region') || source.env.AWS_REGION || source.env.AWS_DEFAULT_REGION || 'us-east-1'
  // Most S3-compatible stores (Swift, Ceph, MinIO) want path-style addressing; AWS wants
  // virtual-hosted style.
  const forcePathStyle = readBoolean(source, 's3-force-path-style', endpoint !== '')
  const accessKeyId = source.get('s3-access-key-id')
  const secretAccessKey = source.get('s3-secret-access-key')
  if (accessKeyId) source.mask(accessKeyId)
  if (secretAccessKey) source.mask(secretAccessKey)
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new InputError(
      accessKeyId ? 's3-secret-access-key' : 's3-access-key-id',
      'give s3-access-key-id and s3-secret-access-key together, or neither (the AWS default chain)'
    )
  }
  const s3: S3Settings = { endpoint, region, forcePathStyle }
  if (accessKeyId) s3.credentials = { accessKeyId, secretAccessKey }
  const metricsFile = readMetricsFile(source)
  return { location, s3, ...(metricsFile && { metricsFile }) }
}

function readCompression(source: InputSource): 'zstd' | 'gzip' {
  const wanted = readChoice(source, 'compression', ['zstd', 'gzip'] as const)
  if (wanted === 'zstd' && !zstdAvailable()) {
    if (source.get('compression')) {
      throw new InputError('compression', 'zstd needs Node ≥ 22.15 (zlib zstd); use gzip')
    }
    return 'gzip'
  }
  return wanted
}

function readLevel(source: InputSource, compression: 'zstd' | 'gzip'): number {
  const [min, max, fallback] = compression === 'zstd' ? [1, 19, 3] : [1, 9, 6]
  return readInteger(source, 'compression-level', { min, max, fallback })
}

/**
 * An off-site copy is encrypted unless the user says otherwise, in so many words: with no
 * recipients, `encryption: none` must be given, or the upload is refused before anything runs.
 */
function readEncryption(source: InputSource, recipients: string[]): void {
  const encryption = source.get('encryption').toLowerCase()
  if (encryption !== '' && encryption !== 'age' && encryption !== 'none') {
    throw new InputError(
      'encryption',
      `"${source.get('encryption')}" is not allowed; use age or none`
    )
  }
  if (encryption === 'none' && recipients.length > 0) {
    throw new InputError(
      'encryption',
      `is none, but age-recipients names keys: give the recipients (the copy is encrypted to them) or ${source.spell.setting('encryption', 'none')}, not both`
    )
  }
  if (encryption !== 'none' && recipients.length === 0) {
    throw new InputError(
      'age-recipients',
      `is empty, so the off-site copy would be stored unencrypted: give age public keys (age1…), or set ${source.spell.setting('encryption', 'none')} to upload it unencrypted on purpose`
    )
  }
}

function readRecipients(source: InputSource): string[] {
  const recipients = splitList(source.get('age-recipients'))
  for (const recipient of recipients) {
    if (/^AGE-SECRET-KEY-/i.test(recipient)) {
      source.mask(recipient)
      throw new InputError(
        'age-recipients',
        'holds a secret key (AGE-SECRET-KEY-…): give the public key (age1…) from `age-keygen -y`, and keep the secret key off the runner'
      )
    }
    try {
      parseRecipient(recipient)
    } catch {
      throw new InputError(
        'age-recipients',
        `"${recipient}" is not an age recipient (a public key starting with age1)`
      )
    }
  }
  // Checked last: by now every entry is a public key, safe to name.
  const twice = recipients.find((r, i) => recipients.indexOf(r) !== i)
  if (twice !== undefined) {
    throw new InputError('age-recipients', `names ${twice} twice; give each recipient once`)
  }
  return recipients
}

function readRetention(source: InputSource): RetentionPolicy {
  const policy: RetentionPolicy = {}
  if (source.get('keep-last'))
    policy.keepLast = readInteger(source, 'keep-last', { min: 1, max: 100_000 })
  const days = source.get('keep-days')
  if (days) {
    // Whole days in plain digits (Number() would also take 1e-9 and 0x10).
    const value = /^\d{1,5}d?$/.test(days) ? Number(days.replace(/d$/, '')) : NaN
    if (!Number.isInteger(value) || value < 1 || value > 36_500) {
      throw new InputError('keep-days', `"${days}" is not a whole number of days from 1 to 36500`)
    }
    policy.keepDays = value
  }
  // 0 turns a tier off, as an empty input does.
  const tiers = [
    ['keep-daily', 'keepDaily'],
    ['keep-weekly', 'keepWeekly'],
    ['keep-monthly', 'keepMonthly']
  ] as const
  for (const [name, field] of tiers) {
    if (!source.get(name)) continue
    const count = readInteger(source, name, { min: 0, max: 100_000 })
    if (count > 0) policy[field] = count
  }
  return policy
}
