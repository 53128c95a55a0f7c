import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'
import { describeNetworkCause, isNetworkCode } from '../openstack/network-cause.js'

export interface S3Settings {
  /** '' = AWS itself. */
  endpoint: string
  region: string
  forcePathStyle: boolean
  /** From inputs; undefined = the SDK's default chain (env, OIDC web identity, profiles…). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/**
 * An S3 client that also works with Swift's s3api and other S3-compatible stores: the SDK's
 * default checksum headers (aws-chunked bodies, CRC32 trailers) are answered 501 NotImplemented
 * by them, so checksums are only sent or checked where the API requires them.
 */
export function s3Client(settings: S3Settings): S3Client {
  const config: S3ClientConfig = {
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 4
  }
  if (settings.endpoint) config.endpoint = settings.endpoint
  if (settings.credentials) config.credentials = settings.credentials
  const client = new S3Client(config)
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args)
      } catch (error) {
        throw asNetworkError(error, context.commandName, args.request)
      }
    },
    // Next to the HTTP handler, where the socket's error arrives as it is (the retry loop
    // outside may wrap what it cannot recognise). The new error keeps the code and has the
    // original as its cause, so the SDK still decides to retry it as before.
    { step: 'deserialize', priority: 'low', name: 'describeNetworkErrors' }
  )
  return client
}

/** The request got no answer: what happened, with host and port (openstack/network-cause.ts). */
export class S3NetworkError extends Error {
  readonly code: string
  constructor(message: string, code: string, cause: unknown) {
    super(message, { cause })
    this.name = 'S3NetworkError'
    this.code = code
  }
}

/**
 * The SDK throws the socket's own error (`connect ECONNREFUSED 127.0.0.1:9000`, or only
 * `self-signed certificate` with no host at all); a network failure becomes an S3NetworkError
 * that names the operation, the cause and where it went. HTTP answers and aborts pass unchanged.
 */
function asNetworkError(error: unknown, command: string | undefined, request: unknown): unknown {
  const code = (error as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string' || !isNetworkCode(code)) return error
  const operation = (command ?? 'request').replace(/Command$/, '')
  return new S3NetworkError(
    `S3 ${operation} failed: ${describeNetworkCause(error, urlOf(request))}`,
    code,
    error
  )
}

function urlOf(request: unknown): string | undefined {
  const r = request as { protocol?: unknown; hostname?: unknown; port?: unknown } | undefined
  if (typeof r?.hostname !== 'string' || typeof r.protocol !== 'string') return undefined
  const port = typeof r.port === 'number' ? `:${r.port}` : ''
  const protocol = r.protocol.endsWith(':') ? r.protocol : `${r.protocol}:`
  return `${protocol}//${r.hostname.includes(':') ? `[${r.hostname}]` : r.hostname}${port}/`
}
