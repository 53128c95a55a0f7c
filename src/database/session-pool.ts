import type { Connector, Session } from './session.js'

/**
 * One open session per database, reused by the checks and closed together at the end. A session
 * that broke (lost connection, cut after a timeout) is replaced on the next request.
 */
export class SessionPool {
  private readonly connector: Connector
  private readonly connectTimeoutMs: number
  private readonly statementTimeoutMs: number
  private readonly open = new Map<string, Promise<Session>>()
  private readonly extra = new Set<Session>()

  constructor(connector: Connector, connectTimeoutMs: number, statementTimeoutMs: number) {
    this.connector = connector
    this.connectTimeoutMs = connectTimeoutMs
    this.statementTimeoutMs = statementTimeoutMs
  }

  /** The shared session for `database` (undefined: the server's default, MariaDB only). */
  async get(database: string | undefined): Promise<Session> {
    const key = database ?? ''
    const existing = this.open.get(key)
    if (existing) {
      const session = await existing.catch(() => undefined)
      if (session && !session.broken) return session
      if (session) await session.close()
    }
    const opening = this.connector.open({
      ...(database !== undefined && { database }),
      connectTimeoutMs: this.connectTimeoutMs,
      statementTimeoutMs: this.statementTimeoutMs
    })
    this.open.set(key, opening)
    // A failed open is not cached: the next request tries again.
    opening.catch(() => {
      if (this.open.get(key) === opening) this.open.delete(key)
    })
    return opening
  }

  /** A session of its own (an assertion with its own timeout); closed by closeAll too. */
  async dedicated(database: string | undefined, statementTimeoutMs: number): Promise<Session> {
    const session = await this.connector.open({
      ...(database !== undefined && { database }),
      connectTimeoutMs: this.connectTimeoutMs,
      statementTimeoutMs
    })
    this.extra.add(session)
    return session
  }

  async release(session: Session): Promise<void> {
    this.extra.delete(session)
    await session.close()
  }

  async closeAll(): Promise<void> {
    const shared = await Promise.all([...this.open.values()].map((p) => p.catch(() => undefined)))
    const all = [...shared, ...this.extra].filter((s): s is Session => s !== undefined)
    this.open.clear()
    this.extra.clear()
    await Promise.all(all.map((s) => s.close()))
  }
}
