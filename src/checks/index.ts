// The database checks of a restore drill (verify mode): the one door the commands use.
export { readChecksFile } from './checks-file.js'
export { commandEnv, type ExecFn } from './check-command.js'
export { parseExpectation, type Expectation } from './expectation.js'
export {
  type CheckDeps,
  type CheckReport,
  DEFAULT_QUERY_TIMEOUT_MS,
  runChecks
} from './run-checks.js'
export { judgeManifestCounts } from './check-manifest-counts.js'
export { allPassed, tally } from './types.js'
export type { Assertion, CheckPlan, CheckResult, TableCount, Tally } from './types.js'
