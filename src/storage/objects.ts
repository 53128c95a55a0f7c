import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client
} from '@aws-sdk/client-s3'
import type { Readable } from 'node:stream'

/** Every key under `prefix`, following continuation tokens to the end. */
export async function listKeys(
  client: S3Client,
  bucket: string,
  prefix: string
): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })
    )
    for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key)
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return keys
}

/** One small listing: proves the store answers and the credentials may read the prefix. */
export async function probe(client: S3Client, bucket: string, prefix: string): Promise<void> {
  await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 }))
}

export async function getText(client: S3Client, bucket: string, key: string): Promise<string> {
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  if (!answer.Body) throw new Error(`S3: ${key} has no body`)
  return answer.Body.transformToString('utf8')
}

export async function getStream(client: S3Client, bucket: string, key: string): Promise<Readable> {
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  if (!answer.Body) throw new Error(`S3: ${key} has no body`)
  return answer.Body as Readable
}

export async function putJson(
  client: S3Client,
  bucket: string,
  key: string,
  value: unknown,
  metadata: Record<string, string> = {}
): Promise<void> {
  const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`)
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentLength: body.length,
      ContentType: 'application/json',
      Metadata: metadata
    })
  )
}

export async function head(
  client: S3Client,
  bucket: string,
  key: string
): Promise<HeadObjectCommandOutput> {
  return client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
}

/**
 * One key at a time: Swift's s3api (and others) reject DeleteObjects without Content-MD5, which
 * the SDK no longer sends. Retention deletes a handful of keys, so this costs nothing.
 */
export async function deleteKey(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
}
