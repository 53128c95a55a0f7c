import type { S3Client } from '@aws-sdk/client-s3'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import { HashingCounter } from '../../storage/hash.js'
import { getStream, getText } from '../../storage/objects.js'
import { manifestKeyFor, type MirrorManifest, parseManifest } from './manifest.js'

export interface CopyCheck {
  objectKey: string
  manifest: MirrorManifest
  bytes: number
  sha256: string
  problems: string[]
}

/** Downloads the dump (streaming, nothing kept), hashes it and compares with its manifest. */
export async function verifyCopy(
  client: S3Client,
  bucket: string,
  objectKey: string
): Promise<CopyCheck> {
  const manifestKey = manifestKeyFor(objectKey)
  const manifest = parseManifest(await getText(client, bucket, manifestKey), manifestKey)
  if (!manifest) throw new Error(`${manifestKey} is not a manifest of this action`)
  const hasher = new HashingCounter()
  await pipeline(
    await getStream(client, bucket, objectKey),
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
