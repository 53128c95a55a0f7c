import type { ConnectionOptions } from 'node:tls'
import { describeError } from '../errors.js'
import type pg from 'pg'
import { caPem } from './tls.js'
import type { DbTarget } from './types.js'
import {
  BACKSTOP_MS,
  closeWithin,
  type Connector,
  type OpenOptions,
  type QueryResult,
  type Session,
  tlsConnector
} from './session.js'

/** node-postgres' words when the server answers the SSLRequest with "N". */
const NO_TLS = /does not support SSL/i

/** PostgreSQL connections, with TLS as libpq's `sslmode` (database/tls.ts). */
export function pgConnector(target: DbTarget): Connector {
  return tlsConnector(
    target,
    (options, useTls) => connect(target, options, useTls),
    (error) => NO_TLS.test(describeError(error))
  )
}

/**
 * node-postgres' `ssl` for a connection. `ca` replaces Node's bundled CAs, as libpq's
 * sslrootcert does. node-postgres passes the host to Node's TLS, which then checks an IP
 * address against the certificate's IP SANs (verify-full); verify-ca skips that check.
 */
export function pgSsl(target: DbTarget, useTls: boolean): false | ConnectionOptions {
  if (!useTls) return false
  if (target.tls === 'verify-full') return { ca: caPem(target), rejectUnauthorized: true }
  if (target.tls === 'verify-ca') {
    return { ca: caPem(target), rejectUnauthorized: true, checkServerIdentity: () => undefined }
  }
  return { rejectUnauthorized: false }
}

async function connect(target: DbTarget, options: OpenOptions, useTls: boolean): Promise<Session> {
  // Loaded on the first connection: a run that only talks to MariaDB (or to no database) never
  // parses node-postgres.
  const { Client } = (await import('pg')).default
  const client = new Client({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: options.database ?? 'postgres',
    ssl: pgSsl(target, useTls),
    connectionTimeoutMillis: options.connectTimeoutMs,
    // The server cancels a statement after this; the client gives up a little later in case the
    // server (or the network) stops answering altogether.
    statement_timeout: options.statementTimeoutMs,
    query_timeout: options.statementTimeoutMs + BACKSTOP_MS,
    application_name: 'dbaas-backup-action'
  })
  let broken = false
  const destroy = () => {
    broken = true
    streamOf(client)?.destroy()
  }
  // Without a listener, a connection lost while idle would crash the process.
  client.on('error', () => {
    broken = true
  })
  try {
    await client.connect()
  } catch (error) {
    destroy()
    throw error
  }
  return {
    get broken() {
      return broken
    },
    async query(sql: string, params?: unknown[]): Promise<QueryResult> {
      try {
        const result = await client.query({ text: sql, values: params, rowMode: 'array' })
        // A text with several statements answers with one result each: the last one counts.
        const last = Array.isArray(result) ? (result.at(-1) as pg.QueryArrayResult) : result
        return { columns: last?.fields?.length ?? 0, rows: (last?.rows ?? []) as unknown[][] }
      } catch (error) {
        if (describeError(error) === 'Query read timeout') {
          destroy()
          const seconds = Math.round((options.statementTimeoutMs + BACKSTOP_MS) / 1000)
          throw new Error(`no answer from the server within ${seconds}s; the connection was cut`, {
            cause: error
          })
        }
        throw error
      }
    },
    close: () => closeWithin(() => client.end(), destroy)
  }
}

/** The socket under a pg.Client: not in the typings, needed to cut a connection that hangs. */
function streamOf(client: pg.Client): { destroy(): void } | undefined {
  return (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream
}
