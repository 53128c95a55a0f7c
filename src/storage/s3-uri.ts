/** Where copies go: a bucket and a key prefix ('' or ending in '/'). */
export interface S3Location {
  bucket: string
  prefix: string
}

// S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens (Swift is laxer; AWS is not,
// and a copy should be movable between them).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/** Parses `s3://bucket/prefix`; returns a problem text instead of throwing, for the input error. */
export function parseS3Uri(uri: string): S3Location | string {
  // A query or fragment is no part of a key prefix (`?versionId=` would be taken literally).
  if (/[?#]/.test(uri)) return `"${uri}" has a ? or #; use s3://bucket or s3://bucket/prefix`
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri.trim())
  if (!match) return `"${uri}" is not an S3 URI; use s3://bucket or s3://bucket/prefix`
  const bucket = match[1] as string
  if (!BUCKET.test(bucket)) {
    return `"${bucket}" is not a bucket name (3–63 characters: a-z, 0-9, dot, hyphen)`
  }
  const rawPrefix = (match[2] ?? '').replace(/\/{2,}/g, '/').replace(/^\//, '')
  if (rawPrefix.split('/').some((part) => part === '.' || part === '..')) {
    return `the prefix "${rawPrefix}" may not contain "." or ".." segments`
  }
  const prefix = rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`
  return { bucket, prefix }
}

export function formatS3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`
}
