import { describeError } from '../errors.js'
import pg from 'pg'
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

/**
 * PostgreSQL connections. TLS works like libpq's `sslmode=prefer`/`require`: encrypted without
 * verifying the certificate (Pukki's is self-signed), and with `prefer` plain when the server
 * has no TLS at all.
 */
export function pgConnector(target: DbTarget): Connector {
  return tlsConnector(
    target.tls,
    (options, useTls) => connect(target, options, useTls),
    (error) => NO_TLS.test(describeError(error))
  )
}

async function connect(target: DbTarget, options: OpenOptions, useTls: boolean): Promise<Session> {
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: options.database ?? 'postgres',
    ssl: useTls ? { rejectUnauthorized: false } : false,
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
