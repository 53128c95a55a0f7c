// What a case may leave behind, counted from the cloud's side: temporary drill instances, and in
// the S3 store any object outside Trove's own backup container plus unfinished multipart uploads
// (the fault cases run no mirror, so any such object would be a leftover).
import {
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client
} from '@aws-sdk/client-s3'
import type {
  AdminInstance,
  CloudInfo,
  LoggedRequest,
  RunningCloud
} from '../../localcloud/harness.js'

/** Trove's container for its own backups (test/localcloud/api/instance-jobs.ts). */
const TROVE_CONTAINER = 'database_backups'

export async function tempInstances(cloud: RunningCloud): Promise<AdminInstance[]> {
  return (await cloud.admin.instances()).filter((i) => i.name.startsWith('dbaas-verify-'))
}

export async function partialObjects(info: CloudInfo): Promise<string[]> {
  const s3 = new S3Client({
    endpoint: info.s3.endpoint,
    region: info.s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: info.s3.accessKeyId, secretAccessKey: info.s3.secretAccessKey }
  })
  try {
    const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
    const keys: string[] = []
    for (const bucket of Buckets) {
      if (!bucket.Name || bucket.Name === TROVE_CONTAINER) continue
      let token: string | undefined
      do {
        const page = await s3.send(
          new ListObjectsV2Command({ Bucket: bucket.Name, ContinuationToken: token })
        )
        for (const o of page.Contents ?? []) keys.push(`${bucket.Name}/${o.Key ?? ''}`)
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      // An upload begun and never completed or aborted is a partial object too.
      const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket.Name }))
      for (const u of uploads.Uploads ?? [])
        keys.push(`${bucket.Name}/${u.Key ?? ''} (unfinished upload)`)
    }
    return keys
  } finally {
    s3.destroy()
  }
}

/** POST/PUT/PATCH/DELETE sent to Trove: anything that could have changed the cloud. */
export function mutatingTroveCalls(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((r) => r.service === 'trove' && r.method !== 'GET' && r.method !== 'HEAD')
}

/** The most requests in flight at one moment, from the log's arrival and answer times. */
export function peakInFlight(log: LoggedRequest[]): number {
  const edges = log.flatMap((r) => [
    { t: r.startMs, d: 1 },
    { t: r.endMs, d: -1 }
  ])
  // At equal times, count answers first: a request answered as the next arrives is not overlap.
  edges.sort((a, b) => a.t - b.t || a.d - b.d)
  let now = 0
  let peak = 0
  for (const e of edges) {
    now += e.d
    peak = Math.max(peak, now)
  }
  return peak
}
