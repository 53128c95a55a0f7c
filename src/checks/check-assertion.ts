import { formatDuration } from '../format/duration.js'
import { evaluate, parseExpectation } from './expectation.js'
import type { Verdict } from './recorder.js'
import type { Server } from '../database/server.js'
import type { Assertion } from './types.js'

/** PostgreSQL 57014 query_canceled, MariaDB 1969 ER_STATEMENT_TIMEOUT. */
function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown } | null
  return e?.code === '57014' || e?.errno === 1969
}

/**
 * One user assertion on a connection of its own, so its timeout is its own and a statement that
 * leaves the session in a bad state (an open transaction, a changed setting) harms nothing else.
 * An SQL error is a failed check with the database's message.
 */
export async function checkAssertion(
  server: Server,
  assertion: Assertion,
  database: string | undefined,
  describe: (error: unknown) => string
): Promise<Verdict> {
  const expectation = parseExpectation(assertion.expect)
  // readChecksFile refuses bad expectations; one built by hand is the caller's bug.
  if (typeof expectation === 'string')
    throw new TypeError(`assertion "${assertion.name}": ${expectation}`)
  const where = assertion.database ?? database
  const session = await server.pool.dedicated(where, assertion.timeoutMs)
  try {
    const result = await session.query(assertion.sql)
    return evaluate(expectation, result.columns, result.rows)
  } catch (error) {
    if (isStatementTimeout(error)) {
      return {
        passed: false,
        detail: `took longer than its timeout ${formatDuration(assertion.timeoutMs)}: ${describe(error)}`
      }
    }
    return { passed: false, detail: `the query failed: ${describe(error)}` }
  } finally {
    await server.pool.release(session)
  }
}
