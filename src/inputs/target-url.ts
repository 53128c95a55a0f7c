import { DEFAULT_PORTS } from '../database/target.js'
import type { Engine } from '../database/types.js'
import { InputError } from '../errors.js'
import { parseIdentity } from '../storage/age/x25519.js'
import type { InputSource } from './source.js'

/** Where a copy is restored: the server and login of `target-url`; TLS comes from db-tls. */
export interface TargetServer {
  kind: 'url'
  engine: Engine
  host: string
  port: number
  user: string
  /** Secret: masked when read. */
  password: string
  /** The database to restore into ('' = the name the copy was dumped from). */
  database: string
}

const SCHEMES: Record<string, Engine> = {
  'postgresql:': 'postgresql',
  'postgres:': 'postgresql',
  'mysql:': 'mariadb',
  'mariadb:': 'mariadb'
}

/** Names that are safe in any log and in both engines' identifiers. */
const DATABASE = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/

/**
 * `postgresql://user:password@host:port/database` or `mysql://…` / `mariadb://…`. The value is a
 * secret (it holds the password): no message here repeats it, and the password is masked also
 * as decoded, since a URL spells special characters as %XX.
 */
export function readTargetUrl(source: InputSource): TargetServer {
  const value = source.get('target-url')
  if (!value) {
    throw new InputError(
      'target-url',
      'is required: the server to restore into, as postgresql://user:password@host:port/database or mysql://… / mariadb://… (pass it from a secret)'
    )
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(
      'target-url',
      'is not a URL; use postgresql://user:password@host:port/database or mysql://user:password@host:port/database'
    )
  }
  const password = safeDecode(url.password)
  if (password) source.mask(password)
  if (url.password) source.mask(url.password)
  const engine = SCHEMES[url.protocol]
  if (!engine) {
    throw new InputError(
      'target-url',
      `has the scheme ${JSON.stringify(url.protocol.replace(/:$/, '').slice(0, 20))}; use postgresql://, postgres://, mysql:// or mariadb://`
    )
  }
  if (!url.hostname) throw new InputError('target-url', 'names no host')
  const user = safeDecode(url.username)
  if (!user) throw new InputError('target-url', 'names no user (user:password@host)')
  if (url.search || url.hash) {
    throw new InputError(
      'target-url',
      'has a ?query or #fragment: give TLS settings with db-tls and db-ca, not in the URL'
    )
  }
  const path = safeDecode(url.pathname.replace(/^\//, ''))
  if (path !== '' && !DATABASE.test(path)) {
    throw new InputError(
      'target-url',
      'names a database that is not 1–63 characters of letters, digits, _ and - (starting with a letter or _)'
    )
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  return {
    kind: 'url',
    engine,
    host,
    port: url.port ? Number(url.port) : DEFAULT_PORTS[engine],
    user,
    password,
    database: path
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    throw new InputError('target-url', 'has a broken %-escape')
  }
}

/**
 * `age-identity`: the secret key text as age-keygen writes it (AGE-SECRET-KEY-1…, with or
 * without its `#` comment lines), one or more keys. Each key is masked before it is checked.
 */
export function readAgeIdentities(source: InputSource): string[] {
  const value = source.get('age-identity')
  if (!value) return []
  const keys = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  for (const key of keys) source.mask(key)
  for (const key of keys) {
    if (/^age1/i.test(key)) {
      throw new InputError(
        'age-identity',
        'holds a public key (age1…): give the secret key (AGE-SECRET-KEY-1…) the copy was encrypted to'
      )
    }
    try {
      parseIdentity(key)
    } catch {
      throw new InputError(
        'age-identity',
        'is not an age secret key: give the AGE-SECRET-KEY-1… line of the key file (age-keygen)'
      )
    }
  }
  return keys
}
