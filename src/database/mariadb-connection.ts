import { type Connection, createConnection, type FieldPacket } from 'mysql2/promise'
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

/**
 * MariaDB connections. Pukki's MariaDB wants TLS with a self-signed certificate, so TLS is used
 * without verifying it; with `prefer`, plain when the server offers no TLS.
 */
export function mariadbConnector(target: DbTarget): Connector {
  return tlsConnector(
    target.tls,
    (options, useTls) => connect(target, options, useTls),
    (error) => (error as { code?: string }).code === 'HANDSHAKE_NO_SSL_SUPPORT'
  )
}

async function connect(target: DbTarget, options: OpenOptions, useTls: boolean): Promise<Session> {
  const connection: Connection = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    ...(options.database !== undefined && { database: options.database }),
    connectTimeout: options.connectTimeoutMs,
    ...(useTls && { ssl: { rejectUnauthorized: false } }),
    // Exact numbers: BIGINT beyond 2^53 arrives as text rather than rounded.
    supportBigNumbers: true,
    bigNumberStrings: false,
    multipleStatements: false
  })
  let broken = false
  // Without a listener, a connection lost while idle would crash the process.
  connection.on('error', () => {
    broken = true
  })
  const destroy = () => {
    broken = true
    connection.destroy()
  }
  try {
    await limitStatements(connection, options.statementTimeoutMs)
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
        const [rows, fields] = await connection.query({
          sql,
          values: params,
          rowsAsArray: true,
          // mysql2 destroys the connection when this passes: the backstop to max_statement_time.
          timeout: options.statementTimeoutMs + BACKSTOP_MS
        })
        if (!Array.isArray(rows)) return { columns: 0, rows: [] }
        return {
          columns: (fields as FieldPacket[] | undefined)?.length ?? 0,
          rows: rows as unknown[][]
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
          broken = true
          const seconds = Math.round((options.statementTimeoutMs + BACKSTOP_MS) / 1000)
          throw new Error(`no answer from the server within ${seconds}s; the connection was cut`, {
            cause: error
          })
        }
        throw error
      }
    },
    close: () => closeWithin(() => connection.end(), destroy)
  }
}

/**
 * MariaDB cancels statements after `max_statement_time` (seconds). A MySQL server (some Trove
 * clouds) knows only `max_execution_time` (ms, SELECT only); the client backstop covers the rest.
 */
async function limitStatements(connection: Connection, ms: number): Promise<void> {
  try {
    await connection.query(`SET SESSION max_statement_time = ${ms / 1000}`)
  } catch {
    await connection.query(`SET SESSION max_execution_time = ${Math.round(ms)}`).catch(() => {})
  }
}
