import { WaitError } from './errors.js'
import type { Logger } from './logger.js'
import { formatElapsed } from './time.js'

export interface WaitOptions<T> {
  /** What we wait for, for log lines: "backup 1a2b… of db-prod". */
  what: string
  poll: () => Promise<T>
  /** A short status text for logs, e.g. "BUILD" or "ACTIVE/HEALTHY". */
  describe: (value: T) => string
  /** True when the wait is over and successful. */
  isDone: (value: T) => boolean
  /** A message when the value is in a terminal failure state (e.g. ERROR, FAILED). */
  failure: (value: T) => string | undefined
  timeoutMs: number
  /**
   * When this wait gets only what is left of a step's `timeout`: that timeout, which the
   * message names (the user set it; the rest of it means nothing to them).
   */
  stepTimeoutMs?: number
  logger: Logger
  sleep: (ms: number) => Promise<void>
  now: () => number
  /** Polling starts fast and slows down to a cap: quick for short waits, gentle for long ones. */
  initialIntervalMs?: number
  maxIntervalMs?: number
  /** A "still waiting" line at least this often, even without a status change. */
  heartbeatMs?: number
}

/**
 * Polls until done, failed or out of time. Logs each status change and a heartbeat with the
 * elapsed time, so a user watching the log knows the step is alive.
 */
export async function waitFor<T>(
  options: WaitOptions<T>
): Promise<{ value: T; elapsedMs: number }> {
  const start = options.now()
  const maxInterval = options.maxIntervalMs ?? 30_000
  const heartbeat = options.heartbeatMs ?? 60_000
  let interval = options.initialIntervalMs ?? 2_000
  let lastStatus: string | undefined
  let lastLog = start
  for (;;) {
    const value = await options.poll()
    const elapsed = options.now() - start
    const status = options.describe(value)
    if (status !== lastStatus) {
      options.logger.info(`${options.what}: ${status} (after ${formatElapsed(elapsed)})`)
      lastStatus = status
      lastLog = options.now()
    } else if (options.now() - lastLog >= heartbeat) {
      options.logger.info(`${options.what}: still ${status} after ${formatElapsed(elapsed)}`)
      lastLog = options.now()
    }
    if (options.isDone(value)) return { value, elapsedMs: elapsed }
    const failure = options.failure(value)
    if (failure !== undefined) {
      throw new WaitError(
        `${options.what} ${failure} (after ${formatElapsed(elapsed)})`,
        'failed',
        status
      )
    }
    const remaining = options.timeoutMs - elapsed
    if (remaining <= 0) {
      throw new WaitError(
        `${options.what} is still ${status} after ${formatElapsed(elapsed)}: gave up at the timeout of ${formatElapsed(options.stepTimeoutMs ?? options.timeoutMs)}`,
        'timeout',
        status
      )
    }
    await options.sleep(Math.min(interval, remaining))
    interval = Math.min(maxInterval, Math.round(interval * 1.5))
  }
}
