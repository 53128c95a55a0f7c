// The database checks of a restore drill (verify mode): given a reachable database server and a
// plan, the checks report one result per check. Nothing here knows about Trove or GitHub.

import type { DbTarget } from '../database/types.js'

/** One user assertion from the checks file. */
export interface Assertion {
  name: string
  /** Database to run it in (default: the first database checked). */
  database?: string
  sql: string
  /** `>= 1000`, `== 0`, `< 5`, `!= 0`, `matches ^v[0-9]+$` — on the first column of the first row. */
  expect: string
  timeoutMs: number
}

export interface CheckPlan {
  assertions: Assertion[]
  /** Compare per-table row counts (and checksums where cheap) with this server (the source). */
  compareWith?: DbTarget
  /** Allowed relative difference of row counts vs the source, in percent (0 = exact). */
  tolerancePercent: number
  /** PostgreSQL amcheck where available; MariaDB CHECK TABLE. */
  integrity: boolean
  /** A shell command run with the connection in its environment (PGHOST…, MYSQL_HOST…). */
  command?: string
  /** The command's environment apart from the connection: the allow-listed base. */
  commandBaseEnv?: Record<string, string>
  connectTimeoutMs: number
  /**
   * Optional: limit for each statement the checks run themselves (row counts, checksums,
   * integrity), not the assertions (they have their own). Default 15 minutes.
   */
  queryTimeoutMs?: number
}

export interface CheckResult {
  /** e.g. `connect`, `tables`, `row counts`, `assert: orders exist`, `compare with source`, `integrity`, `command` */
  name: string
  passed: boolean
  /** The check did not run (e.g. amcheck not allowed): neither passed nor failed. */
  skipped?: boolean
  /** One line for the log and the summary; no secrets. */
  detail: string
  durationMs: number
}

export interface Tally {
  passed: number
  failed: number
  skipped: number
}

/** How the checks came out; a skipped check counts as neither passed nor failed. */
export function tally(results: readonly CheckResult[]): Tally {
  const skipped = results.filter((r) => r.skipped === true).length
  const passed = results.filter((r) => r.passed).length
  return { passed, failed: results.length - passed - skipped, skipped }
}

/** Verified: at least one check passed and none failed. */
export function allPassed(results: readonly CheckResult[]): boolean {
  const t = tally(results)
  return t.passed > 0 && t.failed === 0
}

export interface TableCount {
  database: string
  table: string
  rows: number
}
