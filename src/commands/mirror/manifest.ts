import type { SnapshotCounts } from '../../database/dump-snapshot.js'
import type { Engine } from '../../database/types.js'

export const MANIFEST_SUFFIX = '.manifest.json'
export const MANIFEST_TOOL = 'dbaas-backup-action'

/**
 * The JSON object stored next to every dump. Retention deletes only dumps that have one of these
 * (with our `tool` and a matching `objectKey`), and verify-mirror compares against it.
 */
export interface MirrorManifest {
  schemaVersion: 1
  tool: typeof MANIFEST_TOOL
  kind: 'mirror'
  objectKey: string
  /** ISO 8601 UTC, when the dump started. */
  created: string
  source: {
    kind: 'restored' | 'live'
    instanceId: string
    instanceName: string
    /** The backup restored and dumped (restored source), else null. */
    backupId: string | null
    backupCreated: string | null
    /**
     * The instance's Trove datastore version, flavor and volume size, as defaults for a restore
     * into a new instance (absent in manifests written before 0.3, or when Trove did not say).
     */
    datastoreVersion?: string
    flavorId?: string
    volumeSizeGb?: number
  }
  datastore: { type: Engine; version: string }
  dump: {
    tool: string
    toolVersion: string
    format: 'custom' | 'sql'
    databases: string[]
    /** PostgreSQL schemas dumped ([] = all). Absent in manifests written before 0.3. */
    schemas?: string[]
    /** Tables left out (`table` = in every schema/database dumped). Absent before 0.3. */
    excludeTables?: string[]
  }
  compression: { algorithm: 'zstd' | 'gzip'; level: number }
  /** age recipients' public keys, or null when the copy is not encrypted. */
  encryption: { format: 'age'; recipients: string[] } | null
  sizes: { dumpBytes: number; storedBytes: number }
  /** Hex SHA-256 of the stored object's bytes. */
  sha256: string
  upload: { parts: number; partSizeBytes: number; seconds: number }
  /**
   * Rows per table at dump time (absent in manifests written before this field). `exact` says
   * whether they are the rows the dump holds (`method`: dump-snapshot, quiescent-copy) or were
   * counted in a snapshot of their own next to the dump's (separate-snapshot); a drill compares
   * exact counts for equality and the others within row-count-tolerance.
   */
  rowCounts?: SnapshotCounts
}

export function manifestKeyFor(objectKey: string): string {
  return `${objectKey}${MANIFEST_SUFFIX}`
}

/** `<prefix><instance>/<instance>-20261125T120000Z-<backup 8 or live>.<ext>` */
export function objectKeyFor(
  prefix: string,
  instanceName: string,
  created: Date,
  backupId: string | null,
  extension: string
): string {
  const safe = instanceName.replace(/[^A-Za-z0-9._-]/g, '_')
  const stamp = created
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  const origin = backupId ? backupId.slice(0, 8) : 'live'
  return `${prefix}${safe}/${safe}-${stamp}-${origin}.${extension}`
}

export function extensionFor(
  engine: Engine,
  compression: 'zstd' | 'gzip',
  encrypted: boolean
): string {
  const base = engine === 'postgresql' ? 'pgdump' : 'sql'
  return `${base}.${compression === 'zstd' ? 'zst' : 'gz'}${encrypted ? '.age' : ''}`
}

/** Parses a stored manifest; undefined when it is not one of ours (never throws). */
export function parseManifest(text: string, key: string): MirrorManifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<MirrorManifest>
    if (value.tool !== MANIFEST_TOOL || value.kind !== 'mirror' || value.schemaVersion !== 1) {
      return undefined
    }
    // The dump it describes must be the key next to it: a manifest copied elsewhere (or forged
    // to point at another object) never makes us delete that object.
    if (!key.endsWith(MANIFEST_SUFFIX) || value.objectKey !== key.slice(0, -MANIFEST_SUFFIX.length))
      return undefined
    if (typeof value.created !== 'string' || Number.isNaN(Date.parse(value.created)))
      return undefined
    if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) return undefined
    if (typeof value.source?.instanceId !== 'string') return undefined
    return value as MirrorManifest
  } catch {
    return undefined
  }
}
