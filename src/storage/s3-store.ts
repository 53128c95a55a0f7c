import { createHash } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { describeNetworkCause, isNetworkCode } from '../openstack/network-cause.js'
import {
  isRetryable,
  type Outcome,
  parseRetryAfter,
  retryDelayMs,
  type RetryPolicy
} from '../openstack/retry.js'
import { formatS3Uri } from './s3-uri.js'
import {
  canonicalQuery,
  EMPTY_PAYLOAD_SHA256,
  s3Path,
  type SigningCredentials,
  signRequest
} from './sigv4.js'

// The S3 calls a copy makes, on node:http with our own signer: list, get, head, put, delete and
// the four of a multipart upload. Swift's s3api, Ceph, MinIO and AWS all answer them alike.

export interface S3Settings {
  /** '' = AWS itself. */
  endpoint: string
  region: string
  forcePathStyle: boolean
  /** From inputs; undefined = the AWS default chain (environment, web identity, profiles…). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** What HEAD says of an object. */
export interface ObjectInfo {
  bytes: number
  /** x-amz-meta-* headers, names lower-case without the prefix. */
  metadata: Record<string, string>
}

/** The store answered with an error: its status, S3's error code and message. */
export class S3Error extends Error {
  readonly status: number
  readonly code: string

  constructor(message: string, status: number, code: string) {
    super(message)
    this.name = 'S3Error'
    this.status = status
    this.code = code
  }
}

/** The request got no answer at all (refused, reset, DNS, TLS): what happened, and where. */
export class S3NetworkError extends Error {
  readonly code: string
  constructor(message: string, code: string, cause: unknown) {
    super(message, { cause })
    this.name = 'S3NetworkError'
    this.code = code
  }
}

/** An error's body is read this far: S3's are a few hundred bytes, a proxy's page may not be. */
const ERROR_BODY_BYTES = 64 * 1024

/**
 * The retry rules of the OpenStack client (openstack/retry.ts), with S3's shorter waits: four
 * attempts in all, from about 0.2 s. S3 asks to slow down with 503 SlowDown, a server error.
 */
export const S3_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000
}

interface Call {
  /** The S3 API's name for it, for messages: GetObject, UploadPart… */
  operation: string
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE'
  bucket: string
  key?: string
  query?: Array<[string, string]>
  headers?: Record<string, string>
  body?: Buffer
  /** Statuses that are an answer; anything else is an error. */
  expected: number[]
  /**
   * Whether sending it twice does no harm. Every call's does, but the one that creates a
   * multipart upload: a second one would leave the first's parts behind unseen. It is sent again
   * only when the store refused it before acting (429).
   */
  idempotent: boolean
  signal?: AbortSignal
}

export class S3Store {
  private readonly settings: S3Settings
  private readonly base: URL
  private readonly agent: http.Agent
  private chain: Promise<() => Promise<SigningCredentials>> | undefined
  private readonly retry: RetryPolicy

  /** `retry` is S3_RETRY but in tests, which make the waits short. */
  constructor(settings: S3Settings, retry = S3_RETRY) {
    this.settings = settings
    this.base = new URL(settings.endpoint || `https://s3.${settings.region}.amazonaws.com`)
    const Agent = this.base.protocol === 'http:' ? http.Agent : https.Agent
    this.agent = new Agent({ keepAlive: true })
    this.retry = retry
  }

  /** One page of keys under `prefix`; `next` is the token of the page after it. */
  async listPage(
    bucket: string,
    prefix: string,
    token?: string,
    maxKeys?: number
  ): Promise<{ keys: string[]; next: string | undefined }> {
    const query: Array<[string, string]> = [
      ['list-type', '2'],
      ['prefix', prefix]
    ]
    if (token) query.push(['continuation-token', token])
    if (maxKeys !== undefined) query.push(['max-keys', String(maxKeys)])
    const xml = await this.text({
      operation: 'ListObjectsV2',
      method: 'GET',
      bucket,
      query,
      expected: [200],
      idempotent: true
    })
    const truncated = xmlValue(xml, 'IsTruncated') === 'true'
    return {
      keys: xmlValues(xml, 'Key'),
      next: truncated ? xmlValue(xml, 'NextContinuationToken') : undefined
    }
  }

  /** The object's bytes as they arrive. */
  async get(bucket: string, key: string, signal?: AbortSignal): Promise<Readable> {
    return this.send({
      operation: 'GetObject',
      method: 'GET',
      bucket,
      key,
      expected: [200],
      idempotent: true,
      ...(signal && { signal })
    })
  }

  async head(bucket: string, key: string): Promise<ObjectInfo> {
    const answer = await this.send({
      operation: 'HeadObject',
      method: 'HEAD',
      bucket,
      key,
      expected: [200],
      idempotent: true
    })
    answer.resume()
    const metadata: Record<string, string> = {}
    for (const [name, value] of Object.entries(answer.headers)) {
      if (name.startsWith('x-amz-meta-') && typeof value === 'string')
        metadata[name.slice('x-amz-meta-'.length)] = value
    }
    return { bytes: Number(answer.headers['content-length'] ?? NaN), metadata }
  }

  async put(
    bucket: string,
    key: string,
    body: Buffer,
    contentType: string,
    metadata: Record<string, string>
  ): Promise<void> {
    await this.text({
      operation: 'PutObject',
      method: 'PUT',
      bucket,
      key,
      headers: { 'content-type': contentType, ...metaHeaders(metadata) },
      body,
      expected: [200],
      idempotent: true
    })
  }

  /**
   * One key: Swift's s3api (and others) reject DeleteObjects without Content-MD5. Retention
   * deletes a handful of keys, so this costs nothing.
   */
  async delete(bucket: string, key: string): Promise<void> {
    await this.text({
      operation: 'DeleteObject',
      method: 'DELETE',
      bucket,
      key,
      expected: [200, 204],
      idempotent: true
    })
  }

  /** Starts a multipart upload; sent once (see Call.repeatable). */
  async createUpload(
    bucket: string,
    key: string,
    contentType: string,
    metadata: Record<string, string>,
    signal?: AbortSignal
  ): Promise<string> {
    const xml = await this.text({
      operation: 'CreateMultipartUpload',
      method: 'POST',
      bucket,
      key,
      query: [['uploads', '']],
      headers: { 'content-type': contentType, ...metaHeaders(metadata) },
      expected: [200],
      idempotent: false,
      ...(signal && { signal })
    })
    const uploadId = xmlValue(xml, 'UploadId')
    if (!uploadId) throw new Error(`S3 CreateMultipartUpload of ${key} returned no UploadId`)
    return uploadId
  }

  /** Stores one part; its ETag, which completing the upload names. */
  async uploadPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    body: Buffer,
    signal?: AbortSignal
  ): Promise<string> {
    const answer = await this.send({
      operation: 'UploadPart',
      method: 'PUT',
      bucket,
      key,
      query: [
        ['partNumber', String(partNumber)],
        ['uploadId', uploadId]
      ],
      body,
      expected: [200],
      idempotent: true,
      ...(signal && { signal })
    })
    answer.resume()
    const etag = answer.headers.etag
    if (!etag) throw new Error(`S3 UploadPart: part ${partNumber} of ${key} has no ETag`)
    return etag
  }

  async completeUpload(
    bucket: string,
    key: string,
    uploadId: string,
    parts: ReadonlyArray<{ partNumber: number; etag: string }>,
    signal?: AbortSignal
  ): Promise<void> {
    const listed = parts
      .map(
        (p) =>
          `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${escapeXml(p.etag)}</ETag></Part>`
      )
      .join('')
    const xml = await this.text({
      operation: 'CompleteMultipartUpload',
      method: 'POST',
      bucket,
      key,
      query: [['uploadId', uploadId]],
      headers: { 'content-type': 'application/xml' },
      body: Buffer.from(`<CompleteMultipartUpload>${listed}</CompleteMultipartUpload>`),
      expected: [200],
      idempotent: true,
      ...(signal && { signal })
    })
    // S3 may answer 200 and still fail: the error is then in the body.
    if (/<Error>/.test(xml))
      throw this.errorOf('CompleteMultipartUpload', formatS3Uri(bucket, key), 200, xml)
  }

  async abortUpload(bucket: string, key: string, uploadId: string): Promise<void> {
    await this.text({
      operation: 'AbortMultipartUpload',
      method: 'DELETE',
      bucket,
      key,
      query: [['uploadId', uploadId]],
      expected: [204, 200],
      idempotent: true
    })
  }

  /** Closes the kept-alive connections, so the process can end. */
  close(): void {
    this.agent.destroy()
  }

  private async text(call: Call): Promise<string> {
    return readText(await this.send(call))
  }

  /** Sends the call, again after a failure worth repeating; the answer when it is expected. */
  private async send(call: Call): Promise<http.IncomingMessage> {
    for (let attempt = 1; ; attempt++) {
      let outcome: Outcome
      let failure: Error
      try {
        const answer = await this.once(call)
        const status = answer.statusCode ?? 0
        if (call.expected.includes(status)) return answer
        const body = call.method === 'HEAD' ? '' : await readText(answer, ERROR_BODY_BYTES)
        const error = this.errorOf(
          call.operation,
          formatS3Uri(call.bucket, call.key ?? ''),
          status,
          body
        )
        failure = error
        outcome = outcomeOf(answer, error.code)
      } catch (error) {
        const code = (error as { code?: unknown }).code
        if (typeof code !== 'string' || !isNetworkCode(code)) throw error
        failure = new S3NetworkError(this.networkMessage(call, error), code, error)
        outcome = { kind: 'network' }
      }
      if (!isRetryable(outcome, call.idempotent) || attempt >= this.retry.maxAttempts) throw failure
      const delay = retryDelayMs(attempt, outcome, this.retry, Math.random)
      if (delay > this.retry.maxRetryAfterMs) throw failure
      await sleep(delay, undefined, call.signal ? { signal: call.signal } : {})
    }
  }

  private async once(call: Call): Promise<http.IncomingMessage> {
    const { host, hostname, virtual } = this.address(call.bucket)
    const prefix = this.base.pathname.replace(/\/+$/, '')
    const path = prefix + s3Path(virtual ? undefined : call.bucket, call.key ?? '')
    const query = call.query ?? []
    const body = call.body
    const headers: Record<string, string> = { ...call.headers }
    if (body) headers['content-length'] = String(body.length)
    const signed = signRequest(
      {
        method: call.method,
        host,
        path,
        query,
        headers,
        payloadHash: body ? createHash('sha256').update(body).digest('hex') : EMPTY_PAYLOAD_SHA256,
        region: this.settings.region,
        now: new Date()
      },
      await this.credentials()
    )
    // The query as signed: the store reads it back the same way.
    const search = canonicalQuery(query)
    const transport = this.base.protocol === 'http:' ? http : https
    return new Promise((resolve, reject) => {
      const request = transport.request({
        method: call.method,
        protocol: this.base.protocol,
        hostname,
        port: this.base.port || undefined,
        path: search ? `${path}?${search}` : path,
        headers: signed,
        agent: this.agent,
        ...(call.signal && { signal: call.signal })
      })
      request.once('response', resolve)
      request.once('error', reject)
      request.end(body)
    })
  }

  /**
   * Where a bucket's requests go: virtual-hosted style (bucket.host) unless path style is asked
   * for, or the bucket's name cannot be a host name (a certificate for *.host does not cover dots
   * in it either). `host` is the Host header, with the port; `hostname` the name to connect to.
   */
  private address(bucket: string): { host: string; hostname: string; virtual: boolean } {
    const virtual =
      !this.settings.forcePathStyle && /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket)
    const sub = virtual ? `${bucket}.` : ''
    return { host: sub + this.base.host, hostname: sub + this.base.hostname, virtual }
  }

  private credentials(): Promise<SigningCredentials> {
    const given = this.settings.credentials
    if (given) return Promise.resolve(given)
    // The AWS default chain is loaded only when no keys were given: it is most of an SDK.
    this.chain ??= import('@aws-sdk/credential-provider-node').then((m) => m.defaultProvider())
    return this.chain.then((provider) => provider())
  }

  private errorOf(operation: string, target: string, status: number, body: string): S3Error {
    const code = xmlValue(body, 'Code') ?? (status === 404 ? 'NotFound' : `HTTP ${status}`)
    const message = xmlValue(body, 'Message')
    return new S3Error(
      `S3 ${operation} of ${target}: ${status} ${code}${message ? ` (${message})` : ''}`,
      status,
      code
    )
  }

  private networkMessage(call: Call, error: unknown): string {
    const where = `${this.base.protocol}//${this.address(call.bucket).host}/`
    return `S3 ${call.operation} failed: ${describeNetworkCause(error, where)}`
  }
}

/**
 * What an unexpected answer means for trying again. S3 answers 400 RequestTimeout when the
 * connection carrying the body went quiet: the request never arrived whole, as with a lost
 * connection, so it is one.
 */
function outcomeOf(answer: http.IncomingMessage, code: string): Outcome {
  if (code === 'RequestTimeout') return { kind: 'network' }
  const status = answer.statusCode ?? 0
  const retryAfterSeconds = parseRetryAfter(answer.headers['retry-after'] ?? null, Date.now())
  return { kind: 'status', status, ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) }
}

function metaHeaders(metadata: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(metadata)) headers[`x-amz-meta-${name}`] = value
  return headers
}

/** Reads an answer's body as UTF-8 text, or its first `limit` bytes (the rest is dropped). */
async function readText(answer: Readable, limit = Infinity): Promise<string> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of answer) {
    chunks.push(chunk as Buffer)
    bytes += (chunk as Buffer).length
    if (bytes >= limit) {
      answer.destroy()
      break
    }
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8')
}

/** The text of every <tag>…</tag> (S3's answers are flat enough for this). */
export function xmlValues(xml: string, tag: string): string[] {
  const values: string[] = []
  const pattern = new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g')
  for (const match of xml.matchAll(pattern)) values.push(unescapeXml(match[1] ?? ''))
  return values
}

export function xmlValue(xml: string, tag: string): string | undefined {
  return xmlValues(xml, tag)[0]
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
    return ENTITIES[name] ?? whole
  })
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;'
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}
