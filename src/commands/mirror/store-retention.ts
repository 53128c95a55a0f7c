import type { S3Store } from '../../storage/s3-store.js'
import type { Logger } from '../../openstack/index.js'
import { getText, listKeys } from '../../storage/objects.js'
import { MANIFEST_SUFFIX, type MirrorManifest, parseManifest } from './manifest.js'
import {
  hasRetention,
  planRetention,
  type RetentionPolicy,
  type StoredCopy
} from '../../policy/mirror-retention.js'

export interface ManifestEntry {
  manifestKey: string
  manifest: MirrorManifest
}

/** Our manifests under the prefix (any other object is ignored, never touched). */
export async function listManifests(
  client: S3Store,
  bucket: string,
  prefix: string
): Promise<ManifestEntry[]> {
  const keys = (await listKeys(client, bucket, prefix)).filter((k) => k.endsWith(MANIFEST_SUFFIX))
  const entries: ManifestEntry[] = []
  for (const manifestKey of keys) {
    const manifest = parseManifest(await getText(client, bucket, manifestKey), manifestKey)
    if (manifest) entries.push({ manifestKey, manifest })
  }
  return entries
}

/**
 * Deletes this instance's old copies under the prefix: only dumps that have our manifest, the
 * dump first and then its manifest (a dump is never left without the manifest that marks it
 * ours). `protect`: the copy just made, kept whatever the policy says. Returns the deleted dump
 * keys (with `dryRun`, those it would delete; none is touched).
 */
export async function applyRetention(
  client: S3Store,
  bucket: string,
  prefix: string,
  instanceId: string,
  policy: RetentionPolicy,
  now: Date,
  logger: Logger,
  dryRun = false,
  protect?: string
): Promise<string[]> {
  if (!hasRetention(policy)) {
    logger.info(
      'Retention: no keep-last, keep-days, keep-daily, keep-weekly or keep-monthly; nothing deleted'
    )
    return []
  }
  const copies: StoredCopy[] = (await listManifests(client, bucket, prefix))
    .filter((e) => e.manifest.source.instanceId === instanceId)
    .map((e) => ({
      objectKey: e.manifest.objectKey,
      manifestKey: e.manifestKey,
      created: new Date(e.manifest.created)
    }))
  const plan = planRetention(copies, policy, now, protect)
  for (const { copy, rules } of plan.kept) {
    logger.info(
      `Retention: keep ${copy.objectKey} (created ${copy.created.toISOString()}; ${rules.join(', ')})`
    )
  }
  const expired = plan.expired
  for (const copy of expired) {
    if (dryRun) {
      logger.info(
        `Retention: would delete ${copy.objectKey} (created ${copy.created.toISOString()}; dry-run)`
      )
      continue
    }
    await client.delete(bucket, copy.objectKey)
    await client.delete(bucket, copy.manifestKey)
    logger.info(`Retention: deleted ${copy.objectKey} (created ${copy.created.toISOString()})`)
  }
  logger.info(
    `Retention: ${copies.length} cop${copies.length === 1 ? 'y' : 'ies'} of this instance, ${expired.length} ${dryRun ? 'would be deleted (dry-run)' : 'deleted'}`
  )
  return expired.map((c) => c.objectKey)
}
