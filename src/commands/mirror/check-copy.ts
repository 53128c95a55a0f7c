import type { S3Store } from '../../storage/s3-store.js'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import { HashingCounter } from '../../storage/hash.js'
import { CheckFailure } from '../../errors.js'
import { formatBytes } from '../../format/bytes.js'
import type { VerifyCopyInputs } from '../../inputs/mirror.js'
import { getText } from '../../storage/objects.js'
import { formatS3Uri } from '../../storage/s3-uri.js'
import type { CommandContext } from '../context.js'
import { copyFigures, writeMirrorMetrics } from './metrics.js'
import { findCopy } from './find-copy.js'
import { verifySummary } from './summary.js'
import { manifestKeyFor, type MirrorManifest, parseManifest } from './manifest.js'

export interface CopyCheck {
  objectKey: string
  manifest: MirrorManifest
  bytes: number
  sha256: string
  problems: string[]
}

/** mirror-action: verify — the stored copy (given, or the newest) against its manifest. */
export async function checkCopy(
  context: CommandContext,
  client: S3Store,
  inputs: VerifyCopyInputs
): Promise<void> {
  const { bucket, prefix } = inputs.location
  const { objectKey } = inputs.objectKey
    ? { objectKey: inputs.objectKey }
    : await findCopy(client, bucket, prefix, '', inputs.instance)
  const check = await context.group(`Download and hash ${formatS3Uri(bucket, objectKey)}`, () =>
    verifyCopy(client, bucket, objectKey)
  )
  context.setOutput('object-key', objectKey)
  context.setOutput('manifest-key', manifestKeyFor(objectKey))
  context.setOutput('bytes', check.bytes)
  context.setOutput('sha256', check.sha256)
  context.summary(verifySummary(objectKey, check.bytes, check.problems))
  await writeMirrorMetrics(context, inputs.metricsFile, {
    ...copyFigures(check.manifest, 'verify', check.problems.length === 0),
    bytes: check.bytes
  })
  if (check.problems.length > 0) {
    throw new CheckFailure(
      `Copy ${objectKey} does not match its manifest: ${check.problems.join('; ')}`
    )
  }
  context.logger.info(
    `Copy ${objectKey} matches its manifest (${formatBytes(check.bytes)}, sha256 ${check.sha256})`
  )
}

/** Downloads the dump (streaming, nothing kept), hashes it and compares with its manifest. */
export async function verifyCopy(
  client: S3Store,
  bucket: string,
  objectKey: string
): Promise<CopyCheck> {
  const manifestKey = manifestKeyFor(objectKey)
  const manifest = parseManifest(await getText(client, bucket, manifestKey), manifestKey)
  if (!manifest) throw new CheckFailure(`${manifestKey} is not a manifest of this action`)
  const hasher = new HashingCounter()
  await pipeline(
    await client.get(bucket, objectKey),
    hasher,
    new Writable({ write: (_chunk, _encoding, callback) => callback() })
  )
  const sha256 = hasher.sha256()
  const problems: string[] = []
  if (hasher.bytes !== manifest.sizes.storedBytes) {
    problems.push(`size ${hasher.bytes} bytes, manifest says ${manifest.sizes.storedBytes}`)
  }
  if (sha256 !== manifest.sha256)
    problems.push(`sha256 ${sha256}, manifest says ${manifest.sha256}`)
  return { objectKey, manifest, bytes: hasher.bytes, sha256, problems }
}
