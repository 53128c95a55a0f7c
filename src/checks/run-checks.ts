import { checkAssertion } from './check-assertion.js'
import { type ExecFn, checkCommand } from './check-command.js'
import { checkCompare } from './check-compare.js'
import { checkConnect, type Connected } from './check-connect.js'
import { checkIntegrity } from './check-integrity.js'
import { judgeRowCounts, judgeTables } from './check-tables.js'
import { countRows, type DatabaseTables, listTables } from './inventory.js'
import { type CheckLogger, Recorder } from './recorder.js'
import { openServer, type Server } from '../database/server.js'
import type { DbTarget } from '../database/types.js'
import type { CheckPlan, CheckResult, TableCount } from './types.js'

/** Statements the checks run themselves (counts, checksums, integrity) stop after this. */
export const DEFAULT_QUERY_TIMEOUT_MS = 15 * 60_000

export interface CheckDeps {
  logger: CheckLogger
  /** @actions/exec's exec by default; tests pass their own. */
  exec?: ExecFn
  /** Milliseconds clock for durations (performance.now by default). */
  now?: () => number
}

export interface CheckReport {
  results: CheckResult[]
  counts: TableCount[]
  /** The restored server's own version, once connected (for the drill's evidence). */
  server?: { engine: string; version: string }
}

/**
 * The database checks of a restore drill, in order: connect → tables → row counts → assertions
 * → compare with source → integrity → command. A failed check is a result, never an exception;
 * only a bug throws. Nothing stops after a failure except a failed connect (nothing else could
 * run). Every connection is closed before this returns.
 */
export async function runChecks(
  target: DbTarget,
  plan: CheckPlan,
  deps: CheckDeps
): Promise<CheckReport> {
  validatePlan(plan)
  const secrets = [target.password, plan.compareWith?.password ?? '']
  const recorder = new Recorder(deps.logger, secrets, deps.now)
  const queryTimeoutMs = plan.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS
  const restored = openServer(target, plan.connectTimeoutMs, queryTimeoutMs)
  const source = plan.compareWith
    ? openServer(plan.compareWith, plan.connectTimeoutMs, queryTimeoutMs)
    : undefined
  try {
    return await checkAll(restored, source, plan, deps, recorder)
  } catch (error) {
    throw recorder.scrubbed(error)
  } finally {
    await Promise.all([restored.pool.closeAll(), source?.pool.closeAll()])
  }
}

async function checkAll(
  restored: Server,
  source: Server | undefined,
  plan: CheckPlan,
  deps: CheckDeps,
  recorder: Recorder
): Promise<CheckReport> {
  const { describe } = recorder
  let connected: Connected | undefined
  const connect = await recorder.check('connect', async () => {
    connected = await checkConnect(restored)
    return connected.verdict
  })
  if (!connect.passed || !connected) return { results: recorder.results, counts: [] }
  if (restored.target.tls === 'prefer' && /^no TLS/.test(restored.connector.tlsState())) {
    recorder.warn(`Connected to ${restored.target.host} without TLS: the server does not offer it`)
  }
  const home = connected

  let databases: DatabaseTables[] = []
  await recorder.check('tables', async () => {
    databases = await listTables(
      restored.engine,
      restored.pool,
      home.home,
      restored.target.databases,
      describe
    )
    return judgeTables(databases)
  })

  let counts: TableCount[] = []
  if (databases.some((d) => d.tables.length > 0)) {
    await recorder.check('row counts', async () => {
      const counted = await countRows(restored.engine, restored.pool, databases, describe)
      counts = counted.counts
      return judgeRowCounts(counted)
    })
  }

  // Assertions run in the first database checked unless they name one.
  const firstDatabase = restored.target.databases[0] ?? databases[0]?.name ?? home.homeDatabase
  for (const assertion of plan.assertions) {
    await recorder.check(`assert: ${assertion.name}`, () =>
      checkAssertion(restored, assertion, firstDatabase, describe)
    )
  }

  if (source) {
    await recorder.check('compare with source', () =>
      checkCompare({ server: restored, databases, counts }, source, {
        tolerancePercent: plan.tolerancePercent,
        describe,
        warn: (m) => recorder.warn(m)
      })
    )
  }

  if (plan.integrity) {
    await recorder.check('integrity', () =>
      checkIntegrity(restored, databases, (m) => recorder.warn(m))
    )
  }

  if (plan.command !== undefined && plan.command.trim() !== '') {
    const command = plan.command
    // The command may take long and open its own connections: ours stay idle meanwhile.
    deps.logger.info(`[command] bash -c ${command}`)
    await recorder.check('command', () =>
      checkCommand(
        command,
        restored.target,
        firstDatabase,
        plan.commandBaseEnv ?? {},
        (line) => deps.logger.info(`  ${line}`),
        deps.exec
      )
    )
  }
  return { results: recorder.results, counts, server: home.server }
}

/** A plan the inputs module should never produce: a bug, so it throws. */
function validatePlan(plan: CheckPlan): void {
  if (!Number.isFinite(plan.tolerancePercent) || plan.tolerancePercent < 0) {
    throw new RangeError(`tolerancePercent must be a number ≥ 0, got ${plan.tolerancePercent}`)
  }
  if (!(plan.connectTimeoutMs > 0)) {
    throw new RangeError(`connectTimeoutMs must be > 0, got ${plan.connectTimeoutMs}`)
  }
  if (plan.queryTimeoutMs !== undefined && !(plan.queryTimeoutMs > 0)) {
    throw new RangeError(`queryTimeoutMs must be > 0, got ${plan.queryTimeoutMs}`)
  }
}
