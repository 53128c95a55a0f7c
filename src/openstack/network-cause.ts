/**
 * Why a request got no answer, in words: fetch says only "fetch failed" and keeps the reason
 * in `cause` (undici's or the socket's error with a `code`); the S3 SDK throws the socket's
 * error itself. Both the wire client (errors.ts) and the S3 client (storage/s3-store.ts) use
 * this, so a refused port, an unknown name, a bad certificate and a timeout read the same.
 */

const REFUSED = new Set(['ECONNREFUSED'])
const NOT_FOUND = new Set(['ENOTFOUND'])
const DNS_TRY_AGAIN = new Set(['EAI_AGAIN', 'EAI_FAIL'])
const CONNECT_TIMEOUT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT'])
const ANSWER_TIMEOUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])
const CLOSED = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED'])
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'])
/** OpenSSL's verify codes as Node names them, and Node's own host-name check. */
const TLS_CERT = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])
/** A TLS handshake that failed for a reason other than the certificate (e.g. http on an https port). */
const TLS_OTHER = /^(ERR_SSL_|ERR_TLS_|EPROTO$)/

/** All the codes this module explains; anything else is shown as it came. */
export function isNetworkCode(code: string): boolean {
  return (
    [
      REFUSED,
      NOT_FOUND,
      DNS_TRY_AGAIN,
      CONNECT_TIMEOUT,
      ANSWER_TIMEOUT,
      CLOSED,
      UNREACHABLE,
      TLS_CERT
    ].some((set) => set.has(code)) || TLS_OTHER.test(code)
  )
}

/**
 * `error` as a cause a user can act on, e.g. "connection refused by 127.0.0.1:5000
 * (ECONNREFUSED)". `url` is where the request went; it names host and port when the error
 * itself does not (a TLS error carries neither).
 */
export function describeNetworkCause(error: unknown, url?: string): string {
  if (!error || typeof error !== 'object') return String(error)
  const outer = error as { name?: unknown; message?: unknown; cause?: unknown }
  // Duck-typed: AbortSignal's DOMException is not always an `Error` of this realm.
  if (outer.name === 'TimeoutError') return 'no answer within the request timeout'
  const inner = innermost(error)
  const code = typeof inner.code === 'string' ? inner.code : undefined
  const message = typeof inner.message === 'string' ? inner.message : String(outer.message)
  const where = target(inner, url)
  const at = where ? ` ${where}` : ''
  if (message === 'bad port' && code === undefined) {
    // The WHATWG fetch standard refuses a fixed list of ports (1, 9, 22, 25, …) before connecting.
    return `port ${where ? where.split(':').pop() : '?'} is one fetch never connects to ("bad port"); use the service's real port`
  }
  if (code === undefined) return message
  if (REFUSED.has(code))
    return `connection refused by${at} (${code}): nothing listens there, or a firewall rejects it`
  if (NOT_FOUND.has(code)) return `DNS name not found: ${hostOf(inner, url) ?? where} (${code})`
  if (DNS_TRY_AGAIN.has(code))
    return `DNS lookup failed for ${hostOf(inner, url) ?? where} (${code}); the resolver did not answer`
  if (CONNECT_TIMEOUT.has(code)) return `timed out connecting to${at} (${code})`
  if (ANSWER_TIMEOUT.has(code)) return `timed out waiting for${at} to answer (${code})`
  if (CLOSED.has(code)) return `the connection to${at} was closed before an answer (${code})`
  if (UNREACHABLE.has(code)) return `${where || 'the host'} is unreachable (${code})`
  if (TLS_CERT.has(code)) return `TLS certificate problem with${at}: ${message} (${code})`
  if (TLS_OTHER.test(code)) return `TLS handshake with${at} failed: ${message} (${code})`
  return `${message} (${code})`
}

interface ErrorFields {
  code?: unknown
  message?: unknown
  address?: unknown
  port?: unknown
  hostname?: unknown
  errors?: unknown
}

/**
 * The error that says what happened: fetch's TypeError → undici's or the socket's error; an
 * AggregateError (both addresses of a name tried, Happy Eyeballs) → its first error with a code.
 */
function innermost(error: object): ErrorFields {
  let current = error as ErrorFields & { cause?: unknown }
  for (let depth = 0; depth < 5; depth++) {
    if (typeof current.code === 'string') break
    if (Array.isArray(current.errors)) {
      const coded = (current.errors as ErrorFields[]).find((e) => typeof e?.code === 'string')
      if (coded) return coded
    }
    const next = current.cause
    if (!next || typeof next !== 'object') break
    current = next as ErrorFields & { cause?: unknown }
  }
  return current
}

/** `host:port` from the socket error, else from the URL (with the scheme's default port). */
function target(inner: ErrorFields, url: string | undefined): string {
  if (typeof inner.address === 'string' && typeof inner.port === 'number') {
    return inner.address.includes(':')
      ? `[${inner.address}]:${inner.port}`
      : `${inner.address}:${inner.port}`
  }
  if (!url) return typeof inner.hostname === 'string' ? inner.hostname : ''
  try {
    const parsed = new URL(url)
    const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80')
    return `${parsed.hostname}:${port}`
  } catch {
    return ''
  }
}

function hostOf(inner: ErrorFields, url: string | undefined): string | undefined {
  if (typeof inner.hostname === 'string') return inner.hostname
  try {
    return url ? new URL(url).hostname : undefined
  } catch {
    return undefined
  }
}
