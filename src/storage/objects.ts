import type { S3Store } from './s3-store.js'

/** Every key under `prefix`, following continuation tokens to the end. */
export async function listKeys(client: S3Store, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.listPage(bucket, prefix, token)
    keys.push(...page.keys)
    token = page.next
  } while (token)
  return keys
}

/** One small listing: proves the store answers and the credentials may read the prefix. */
export async function probe(client: S3Store, bucket: string, prefix: string): Promise<void> {
  await client.listPage(bucket, prefix, undefined, 1)
}

export async function getText(client: S3Store, bucket: string, key: string): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of await client.get(bucket, key)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function putJson(
  client: S3Store,
  bucket: string,
  key: string,
  value: unknown,
  metadata: Record<string, string> = {}
): Promise<void> {
  const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`)
  await client.put(bucket, key, body, 'application/json', metadata)
}
