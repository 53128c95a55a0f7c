// Jest reporter (jest.config.js, so `npm test` in CI prints it too): sums what the fault suite recorded (leaks, partial
// objects, secret hits, bad inputs, injection cases) with jest's own pass/fail counts, and ends the run with
// exactly one `faults:` line. onRunComplete runs whether cases passed or failed.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Same rule as RESULTS_FILE in helpers/results.ts. */
function resultsFile(rootDir) {
  const hash = createHash('sha1').update(path.resolve(rootDir)).digest('hex').slice(0, 10)
  return path.join(tmpdir(), `dbaas-faults-${hash}.jsonl`)
}

export default class FaultTotalsReporter {
  constructor(globalConfig) {
    this.file = resultsFile(globalConfig.rootDir)
  }

  onRunStart() {
    rmSync(this.file, { force: true })
  }

  onRunComplete(_contexts, results) {
    const ours = results.testResults.filter((t) =>
      t.testFilePath.split(path.sep).join('/').includes('/test/faults/')
    )
    // Also installed for plain `npm test`: say nothing when the fault suite did not run.
    if (ours.length === 0) return
    let cases = 0
    let passed = 0
    for (const file of ours) {
      cases += file.numPassingTests + file.numFailingTests
      passed += file.numPassingTests
      // A file that failed to run at all (syntax, beforeAll) still counts as a failed case.
      if (file.testExecError && file.numPassingTests + file.numFailingTests === 0) cases++
    }
    const records = existsSync(this.file)
      ? readFileSync(this.file, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l))
      : []
    const sum = (kind, field) =>
      records.filter((r) => r.kind === kind).reduce((n, r) => n + (r[field] ?? 0), 0)
    const badInputs = records.filter((r) => r.kind === 'bad-input').length
    const injections = records.filter((r) => r.kind === 'injection').length
    for (const load of records.filter((r) => r.kind === 'load')) {
      process.stdout.write(
        `load: ${load.name}: wall=${(load.wallMs / 1000).toFixed(1)}s requests=${load.requests} peak-concurrency=${load.peak}\n`
      )
    }
    const line =
      `faults: cases=${cases} passed=${passed} leaked-instances=${sum('fault', 'leaked')} ` +
      `partial-objects=${sum('fault', 'partial')} secret-hits=${sum('secrets', 'hits')} bad-inputs=${badInputs} ` +
      `injections=${injections}\n`
    // Jest prints its own summary after every reporter has finished: write the totals as the
    // process exits, so they are the run's last line (synchronously: stdout may be a pipe).
    process.once('exit', () => writeSync(1, line))
  }
}
