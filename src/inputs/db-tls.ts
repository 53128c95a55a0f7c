import { X509Certificate } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { TLS_MODES } from '../database/tls.js'
import type { DbCa, TlsMode } from '../database/types.js'
import { InputError } from '../errors.js'
import { type InputSource, readChoice, valueOrDefault } from './source.js'

export interface DbTlsInputs {
  dbTls: TlsMode
  /** Given for verify-ca and verify-full only. */
  dbCa?: DbCa
  /** Warnings about the inputs themselves (a deprecated name), for the command to show. */
  dbTlsWarnings: string[]
}

/** A CA bundle is a few kB; anything this big is the wrong file. */
const MAX_CA_BYTES = 1024 * 1024

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/**
 * db-tls (libpq's sslmode names; `off` is the old name of `disable`) and db-ca, checked
 * together: a verifying mode needs the CA, and a CA without one would be silently unused.
 */
export function readDbTls(source: InputSource): DbTlsInputs {
  const dbTlsWarnings: string[] = []
  let dbTls: TlsMode
  if (valueOrDefault(source, 'db-tls').toLowerCase() === 'off') {
    // Workflows written before the libpq names keep working.
    dbTls = 'disable'
    dbTlsWarnings.push('db-tls: off is deprecated; it means db-tls: disable (no TLS), write that')
  } else {
    dbTls = readChoice(source, 'db-tls', TLS_MODES)
  }
  const caInput = source.get('db-ca')
  const verifying = dbTls === 'verify-ca' || dbTls === 'verify-full'
  if (verifying && !caInput) {
    throw new InputError(
      'db-ca',
      `is required with db-tls: ${dbTls}: the CA certificate that signed the database server's certificate (a PEM file path or the PEM text), from your cloud provider`
    )
  }
  if (!verifying && caInput) {
    throw new InputError(
      'db-ca',
      `is used only with db-tls: verify-ca or verify-full, and db-tls is ${dbTls}: set db-tls: verify-full to check the server's certificate against it`
    )
  }
  if (!verifying) return { dbTls, dbTlsWarnings }
  return { dbTls, dbCa: readCa(source, caInput), dbTlsWarnings }
}

/** PEM text as it is, or a path to a PEM file. The PEM is public, but is never echoed whole. */
function readCa(source: InputSource, value: string): DbCa {
  if (value.includes('-----BEGIN')) return parseCa(source, value, 'PEM text')
  const file = path.resolve(value)
  let text: string
  try {
    const size = statSync(file).size
    if (size > MAX_CA_BYTES) {
      throw new InputError('db-ca', `file ${value} is ${size} bytes; a CA certificate is a few kB`)
    }
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if (error instanceof InputError) throw error
    const why = (error as { code?: string }).code ?? String(error)
    throw new InputError(
      'db-ca',
      `cannot read ${value} (${why}): give a PEM file path or the PEM text itself`
    )
  }
  return parseCa(source, text, value)
}

function parseCa(source: InputSource, text: string, where: string): DbCa {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    // The one part that must stay secret: mask it in case anything shows it.
    source.mask(text.trim())
    throw new InputError(
      'db-ca',
      `${where} holds a private key: give the CA certificate only (-----BEGIN CERTIFICATE-----)`
    )
  }
  const blocks = text.match(PEM_CERT) ?? []
  if (blocks.length === 0) {
    throw new InputError(
      'db-ca',
      `${where} holds no PEM certificate (a block starting -----BEGIN CERTIFICATE-----)`
    )
  }
  const subjects: string[] = []
  for (const [i, block] of blocks.entries()) {
    try {
      subjects.push(new X509Certificate(block).subject.replace(/\n/g, ', '))
    } catch {
      throw new InputError('db-ca', `${where}: certificate ${i + 1} is not a valid certificate`)
    }
  }
  const first = subjects[0] as string
  const more = subjects.length > 1 ? ` and ${subjects.length - 1} more` : ''
  return { pem: blocks.join('\n') + '\n', label: `${where}: ${first}${more}` }
}
