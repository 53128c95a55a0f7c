import type { S3Store } from '../../storage/s3-store.js'
import { CheckFailure } from '../../errors.js'
import { getText } from '../../storage/objects.js'
import { formatS3Uri } from '../../storage/s3-uri.js'
import { manifestKeyFor, type MirrorManifest, parseManifest } from './manifest.js'
import { listManifests } from './store-retention.js'

export interface FoundCopy {
  objectKey: string
  manifest: MirrorManifest
}

/**
 * The copy to use: `objectKey` with its manifest, or else the newest of our copies under the
 * prefix (of `instance`, by name or id, when given).
 */
export async function findCopy(
  client: S3Store,
  bucket: string,
  prefix: string,
  objectKey: string,
  instance: string
): Promise<FoundCopy> {
  if (objectKey) {
    const manifestKey = manifestKeyFor(objectKey)
    const manifest = parseManifest(await getText(client, bucket, manifestKey), manifestKey)
    if (!manifest) throw new CheckFailure(`${manifestKey} is not a manifest of this action`)
    return { objectKey, manifest }
  }
  const newest = (await listManifests(client, bucket, prefix))
    .filter(
      (e) =>
        !instance ||
        e.manifest.source.instanceName === instance ||
        e.manifest.source.instanceId === instance
    )
    .sort((a, b) => Date.parse(b.manifest.created) - Date.parse(a.manifest.created))[0]
  if (!newest) {
    throw new CheckFailure(
      `No copy made by this action under ${formatS3Uri(bucket, prefix)}${instance ? ` for instance ${instance}` : ''}`
    )
  }
  return { objectKey: newest.manifest.objectKey, manifest: newest.manifest }
}
