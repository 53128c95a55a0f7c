import type { Verdict } from './recorder.js'
import { connectHome, endpoint, type Server } from '../database/server.js'
import type { Session } from '../database/session.js'

export interface Connected {
  verdict: Verdict
  home: Session
  homeDatabase: string | undefined
  /** What the server says it is (`SHOW server_version`, `SELECT VERSION()`). */
  server: { engine: string; version: string }
}

/** Logs in (within connectTimeoutMs) and reads the server version. Throws when it cannot. */
export async function checkConnect(server: Server): Promise<Connected> {
  const { session, database } = await connectHome(server)
  const version = await server.engine.version(session)
  const { target } = server
  const detail =
    `${server.engine.label} ${version} at ${endpoint(target)} as ${target.user}` +
    `${database ? `, database ${database}` : ''}, ${server.connector.tlsState()}`
  return {
    verdict: { passed: true, detail },
    home: session,
    homeDatabase: database,
    server: { engine: server.engine.label, version }
  }
}
