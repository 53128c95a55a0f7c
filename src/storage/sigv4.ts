import { createHash, createHmac } from 'node:crypto'

// AWS Signature Version 4 for S3, in the Authorization header: what an S3-compatible store
// checks on every request. The S3 flavour differs from the generic one in two ways: the path is
// signed as sent (encoded once, never twice), and the payload's SHA-256 travels in its own header.
// The examples in test/unit/storage/sigv4.test.ts are the ones of the S3 API reference.

/** The SHA-256 of nothing, the payload hash of a request without a body. */
export const EMPTY_PAYLOAD_SHA256 =
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export interface SigningCredentials {
  accessKeyId: string
  secretAccessKey: string
  /** Temporary credentials (STS) come with one; it is sent and signed. */
  sessionToken?: string
}

export interface RequestToSign {
  method: string
  /** The Host header as sent: with the port when it is not the scheme's default. */
  host: string
  /** The path as sent, encoded by s3Path. */
  path: string
  /** Query parameters, not encoded; one without a value (`?uploads`) has ''. */
  query: ReadonlyArray<readonly [string, string]>
  /** Further headers to sign and send (Content-Type, Range, x-amz-meta-…); names in any case. */
  headers: Readonly<Record<string, string>>
  /** The hex SHA-256 of the body; EMPTY_PAYLOAD_SHA256 without one. */
  payloadHash: string
  region: string
  now: Date
}

/**
 * The headers to send: the request's own, plus host, x-amz-date, x-amz-content-sha256, the
 * session token if any, and authorization. Every one of them is signed.
 */
export function signRequest(
  request: RequestToSign,
  credentials: SigningCredentials
): Record<string, string> {
  const amzDate = amzDateOf(request.now)
  const day = amzDate.slice(0, 8)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value
  headers.host = request.host
  headers['x-amz-date'] = amzDate
  headers['x-amz-content-sha256'] = request.payloadHash
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken

  const names = Object.keys(headers).sort()
  const signedHeaders = names.join(';')
  const canonicalRequest = [
    request.method,
    request.path,
    canonicalQuery(request.query),
    ...names.map((name) => `${name}:${canonicalValue(headers[name] as string)}`),
    '',
    signedHeaders,
    request.payloadHash
  ].join('\n')
  const scope = `${day}/${request.region}/s3/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n')
  const signature = createHmac(
    'sha256',
    signingKey(credentials.secretAccessKey, day, request.region)
  )
    .update(stringToSign)
    .digest('hex')
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`
  return headers
}

/**
 * A bucket and key as a path: every byte but the unreserved ones (A–Z a–z 0–9 - . _ ~)
 * percent-encoded, and the key's slashes kept. `bucket` is left out for virtual-hosted style.
 */
export function s3Path(bucket: string | undefined, key = ''): string {
  const parts = bucket === undefined ? [] : [uriEncode(bucket)]
  if (key !== '') parts.push(key.split('/').map(uriEncode).join('/'))
  return `/${parts.join('/')}`
}

/** The query as signed and sent: each name and value encoded, sorted by name, then by value. */
export function canonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  return query
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

/** `20130524T000000Z`: the time of the request, in the form the signature uses. */
export function amzDateOf(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** RFC 3986 percent-encoding of UTF-8 bytes, unreserved characters left as they are. */
function uriEncode(text: string): string {
  // encodeURIComponent leaves ! ' ( ) * alone, which SigV4 encodes.
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/** A header value as signed: trimmed, runs of spaces as one. */
function canonicalValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ')
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function signingKey(secret: string, day: string, region: string): Buffer {
  let key: Buffer = hmac(`AWS4${secret}`, day)
  for (const part of [region, 's3', 'aws4_request']) key = hmac(key, part)
  return key
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}
