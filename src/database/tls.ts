// What each db-tls mode checks, in one place for both drivers and the dump tools: the modes
// are libpq's `sslmode` (disable, prefer, require, verify-ca, verify-full).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DbCa, DbTarget, TlsMode } from './types.js'

/** Every mode, in libpq's order (weakest first). */
export const TLS_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const

/** Only these check who is at the other end; the others are open to a machine in the middle. */
export function isVerified(mode: TlsMode): boolean {
  return mode === 'verify-ca' || mode === 'verify-full'
}

/** The CA certificates a verifying mode checks against. Inputs refuse verify-* without db-ca. */
export function caPem(target: Pick<DbTarget, 'tls' | 'ca'>): string {
  if (!target.ca) throw new Error(`db-tls ${target.tls} needs a CA (db-ca); none was given`)
  return target.ca.pem
}

/** The connect check's word on TLS, once a connection was made. */
export function tlsNote(mode: TlsMode, usedTls: boolean): string {
  if (mode === 'disable') return 'TLS off'
  if (!usedTls) return 'no TLS (the server does not offer it)'
  if (mode === 'verify-full') return 'TLS, certificate verified (chain to db-ca and host name)'
  if (mode === 'verify-ca')
    return 'TLS, certificate verified (chain to db-ca; host name not checked)'
  return 'TLS, certificate not verified'
}

/** Node's codes for a certificate that does not chain to a trusted CA. */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA'
])
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])

/**
 * mysql2 replaces Node's code with its own HANDSHAKE_SSL_ERROR and keeps the message: the
 * messages (OpenSSL's verify strings, and Node's own for the host name) tell the code again.
 */
const BY_MESSAGE: [RegExp, string][] = [
  [/^Hostname\/IP does not match certificate's altnames/, 'ERR_TLS_CERT_ALTNAME_INVALID'],
  [/^unable to verify the first certificate/, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  [/^self[- ]signed certificate in certificate chain/, 'SELF_SIGNED_CERT_IN_CHAIN'],
  [/^self[- ]signed certificate/, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  [/^unable to get local issuer certificate/, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
  [/^unable to get issuer certificate/, 'UNABLE_TO_GET_ISSUER_CERT'],
  [/^certificate signature failure/, 'CERT_SIGNATURE_FAILURE'],
  [/^certificate has expired/, 'CERT_HAS_EXPIRED'],
  [/^certificate is not yet valid/, 'CERT_NOT_YET_VALID']
]

function tlsCode(error: unknown, words: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code !== 'HANDSHAKE_SSL_ERROR') return code
  return BY_MESSAGE.find(([pattern]) => pattern.test(words))?.[1]
}

/**
 * A certificate failure in the user's words, naming the inputs to look at (db-ca, db-tls);
 * undefined for any other error. `noTls`: the server said it has no TLS at all.
 */
export function explainTlsError(
  error: unknown,
  target: Pick<DbTarget, 'tls' | 'ca' | 'host'>,
  noTls: boolean
): Error | undefined {
  const { tls: mode, host } = target
  // Not `instanceof Error`: errors from Node's own TLS may come from another realm (jest's VM).
  const message = (error as { message?: unknown } | null)?.message
  const words = typeof message === 'string' ? message : String(error)
  const code = tlsCode(error, words)
  if (noTls && mode !== 'prefer' && mode !== 'disable') {
    return new Error(`${words}: the server at ${host} offers no TLS, which db-tls: ${mode} needs`, {
      cause: error
    })
  }
  if (!isVerified(mode) || code === undefined) return undefined
  const ca = target.ca?.label ?? 'none'
  if (UNTRUSTED.has(code)) {
    return new Error(
      `the certificate of ${host} is not signed by db-ca (${ca}): ${words} (${code}). ` +
        `db-ca must hold the CA certificate that signed the instance's certificate (db-tls: ${mode})`,
      { cause: error }
    )
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new Error(
      `the certificate of ${host} chains to db-ca but is not for this address: ${words}. ` +
        `db-tls: verify-full needs a certificate naming ${host}; db-tls: verify-ca checks the chain only`,
      { cause: error }
    )
  }
  if (EXPIRED.has(code)) {
    return new Error(`the certificate of ${host} is not valid now: ${words} (db-tls: ${mode})`, {
      cause: error
    })
  }
  return undefined
}

/**
 * The warning for a connection to a production instance (not a restored copy) that does not
 * check the server's certificate: whoever sits in between could read the data and, with a
 * plain connection or a forged certificate, db-password.
 */
export function unverifiedWarning(mode: TlsMode, what: string): string | undefined {
  if (isVerified(mode)) return undefined
  return (
    `${what} with db-tls: ${mode}, which does not verify the server's certificate: ` +
    `set db-tls: verify-full and db-ca (the CA certificate your cloud provider publishes for its database instances)`
  )
}

/**
 * The CA as a file for the command-line clients (PGSSLROOTCERT, --ssl-ca), written from the
 * PEM that was checked when the inputs were read; remove() deletes it. Not a secret.
 */
export function caFile(ca: DbCa): { path: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'db-ca-'))
  const file = path.join(dir, 'ca.pem')
  writeFileSync(file, ca.pem, { mode: 0o644 })
  return { path: file, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
