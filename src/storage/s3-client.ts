import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'

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
  return new S3Client(config)
}
