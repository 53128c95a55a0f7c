import type { Connection, ConnectionOptions, FieldPacket } from 'mysql2/promise'
import { connect as netConnect, isIP, type Socket } from 'node:net'
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

/** MariaDB connections, with TLS as libpq's `sslmode` (database/tls.ts). */
export function mariadbConnector(target: DbTarget): Connector {
  return tlsConnector(
    target,
    (options, useTls) => connect(target, options, useTls),
    (error) => (error as { code?: string }).code === 'HANDSHAKE_NO_SSL_SUPPORT'
  )
}

/**
 * mysql2's `ssl` for a connection (undefined: plain). mysql2 checks the host name only with
 * `verifyIdentity`, against the address it dialled (IP SANs for an address).
 */
export function mariadbSsl(target: DbTarget, useTls: boolean): ConnectionOptions['ssl'] {
  if (!useTls) return undefined
  if (target.tls === 'verify-full') {
    return { ca: caPem(target), rejectUnauthorized: true, verifyIdentity: true }
  }
  if (target.tls === 'verify-ca') {
    return { ca: caPem(target), rejectUnauthorized: true, verifyIdentity: false }
  }
  return { rejectUnauthorized: false }
}

/**
 * The socket for verify-full to an IP address. Node's TLS checks the certificate against the
 * connection's servername, else its host option, else the socket's `_host`; mysql2 sets no
 * servername for an IP (SNI must not carry one) and passes no host, and Node records `_host`
 * only for names it looked up. So without this the certificate is compared with "localhost"
 * and verify-full fails for every IP; it fails the same way (closed) should Node stop reading it.
 */
function socketNamedFor(target: DbTarget): (() => Socket) | undefined {
  if (target.tls !== 'verify-full' || isIP(target.host) === 0) return undefined
  return () => {
    const socket = netConnect(target.port, target.host)
    socket.setNoDelay(true)
    ;(socket as Socket & { _host?: string })._host = target.host
    return socket
  }
}

async function connect(target: DbTarget, options: OpenOptions, useTls: boolean): Promise<Session> {
  const stream = useTls ? socketNamedFor(target) : undefined
  // Loaded on the first connection: a run that only talks to PostgreSQL never parses mysql2.
  const { createConnection } = await import('mysql2/promise')
  const connection: Connection = await createConnection({
    ...(stream && { stream }),
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    ...(options.database !== undefined && { database: options.database }),
    connectTimeout: options.connectTimeoutMs,
    ...(useTls && { ssl: mariadbSsl(target, useTls) }),
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
