import { errorText, redact } from './redact.js'
import type { CheckResult } from './types.js'

export interface Verdict {
  passed: boolean
  detail: string
  /** The check could not run; `passed` is then false and the result counts as skipped. */
  skipped?: boolean
}

export interface CheckLogger {
  info(message: string): void
  warning(message: string): void
}

/** Errors that mean a bug in this code, not a finding about the database: they propagate. */
function isProgrammingError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof ReferenceError
}

const MAX_DETAIL = 1_000

/**
 * Runs each check, times it, turns a thrown database error into a failed result, strips the
 * secrets from everything it records or logs, and logs one line per check.
 */
export class Recorder {
  readonly results: CheckResult[] = []
  private readonly logger: CheckLogger
  private readonly secrets: string[]
  private readonly now: () => number

  constructor(logger: CheckLogger, secrets: string[], now: () => number = () => performance.now()) {
    this.logger = logger
    this.secrets = secrets.filter((s) => s.length > 0)
    this.now = now
  }

  /** The message of a driver error, safe to show. */
  readonly describe = (error: unknown): string => errorText(error, this.secrets)

  async check(name: string, run: () => Promise<Verdict>): Promise<CheckResult> {
    const started = this.now()
    let verdict: Verdict
    try {
      verdict = await run()
    } catch (error) {
      if (isProgrammingError(error)) throw this.scrubbed(error)
      verdict = { passed: false, detail: this.describe(error) }
    }
    const result: CheckResult = {
      name: this.safe(name),
      passed: verdict.passed && verdict.skipped !== true,
      ...(verdict.skipped === true && { skipped: true }),
      detail: this.safe(verdict.detail),
      durationMs: Math.max(0, Math.round(this.now() - started))
    }
    this.results.push(result)
    const mark = result.skipped ? '–' : result.passed ? '✓' : '✗'
    this.logger.info(`${mark} ${result.name} (${result.durationMs} ms): ${result.detail}`)
    return result
  }

  /** A side note for the log (TLS fell back, a check was skipped…). */
  warn(message: string): void {
    this.logger.warning(this.safe(message))
  }

  info(message: string): void {
    this.logger.info(this.safe(message))
  }

  /** An error to rethrow, with its message cleaned (the stack stays for the bug report). */
  scrubbed(error: unknown): Error {
    if (!(error instanceof Error)) return new Error(this.describe(error))
    const clean = redact(error.message, this.secrets)
    if (clean !== error.message) error.message = clean
    if (error.stack) error.stack = redact(error.stack, this.secrets)
    return error
  }

  private safe(text: string): string {
    const one = redact(text, this.secrets)
      .replace(/\s*\n\s*/g, ' ')
      .trim()
    return one.length > MAX_DETAIL ? `${one.slice(0, MAX_DETAIL - 1)}…` : one
  }
}
