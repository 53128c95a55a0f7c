// An engine-neutral connection: the checks speak to PostgreSQL and MariaDB through this.
import { explainTlsError, tlsNote } from './tls.js'
import type { DbTarget, TlsMode } from './types.js'

export interface QueryResult {
  /** Number of columns of the result set; 0 for a statement without one (UPDATE, SET…). */
  columns: number
  /** Rows as arrays in column order. */
  rows: unknown[][]
}

export interface Session {
  /** One statement; `params` are bound by the driver ($1… in PostgreSQL, ? in MariaDB). */
  query(sql: string, params?: unknown[]): Promise<QueryResult>
  /** True once the connection was lost or cut after a timeout: do not use it again. */
  readonly broken: boolean
  /** Ends the connection; never throws and never waits long for a busy server. */
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL connects to one database; MariaDB makes it the default schema. */
  database?: string
  connectTimeoutMs: number
  /** Server-side limit for every statement of this session, with a client-side backstop. */
  statementTimeoutMs: number
}

export interface Connector {
  open(options: OpenOptions): Promise<Session>
  /** How TLS turned out, for the connect check's detail (known after the first open). */
  tlsState(): string
}

/** Extra time the client waits past the server's statement timeout before cutting the line. */
export const BACKSTOP_MS = 10_000

/** Waits for a polite close, then gives up: a server busy with a query may never answer it. */
export async function closeWithin(
  end: () => Promise<unknown>,
  destroy: () => void,
  ms = 2_000
): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const gaveUp = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms)
  })
  try {
    const outcome = await Promise.race([end().then(() => 'ended' as const), gaveUp])
    if (outcome === 'late') destroy()
  } catch {
    destroy()
  } finally {
    clearTimeout(timer)
  }
}

/** Remembers what `prefer` found out, so later connections do not try TLS again in vain. */
export class TlsChoice {
  private readonly mode: TlsMode
  private resolved: boolean | undefined

  constructor(mode: TlsMode) {
    this.mode = mode
  }

  /** Whether to try TLS on the next connection. */
  next(): boolean {
    if (this.mode === 'disable') return false
    if (this.mode !== 'prefer') return true
    return this.resolved ?? true
  }

  /** May the caller retry without TLS after the server said it has none? Only `prefer`. */
  canFallBack(): boolean {
    return this.mode === 'prefer' && this.resolved === undefined
  }

  settle(tls: boolean): void {
    this.resolved = tls
  }

  state(): string {
    return tlsNote(this.mode, this.next())
  }
}

/**
 * A connector with libpq's `sslmode` behaviour (database/tls.ts): TLS first unless `disable`;
 * only `prefer` goes plain, and only when the server answers that it has no TLS at all (`noTls`
 * knows each driver's words for that). Later connections reuse what the first one found out.
 * `connect` builds the driver's TLS options from the target; certificate failures come back
 * naming the inputs to fix.
 */
export function tlsConnector(
  target: Pick<DbTarget, 'tls' | 'ca' | 'host'>,
  connect: (options: OpenOptions, useTls: boolean) => Promise<Session>,
  noTls: (error: unknown) => boolean
): Connector {
  const tls = new TlsChoice(target.tls)
  return {
    tlsState: () => tls.state(),
    async open(options: OpenOptions): Promise<Session> {
      const useTls = tls.next()
      try {
        const session = await connect(options, useTls)
        if (tls.canFallBack()) tls.settle(useTls)
        return session
      } catch (error) {
        const plainOnly = useTls && noTls(error)
        if (!(plainOnly && tls.canFallBack())) {
          throw (useTls && explainTlsError(error, target, plainOnly)) || error
        }
        const session = await connect(options, false)
        tls.settle(false)
        return session
      }
    }
  }
}
