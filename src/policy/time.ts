// Ages measured against `now`, with the cloud's clock allowed to run slightly ahead of ours.

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

/**
 * How old something created at `created` is. A time in the future (the cloud's clock is ahead of
 * the runner's) counts as age 0 rather than a negative age that would pass every check.
 */
export function ageMs(created: Date, now: number): number {
  return Math.max(0, now - created.getTime())
}

/** The creation time as seen from `now`: never later than now (see ageMs). */
export function clampedTime(created: Date, now: number): number {
  return Math.min(created.getTime(), now)
}

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** Hours or days with two decimals, for outputs and JSON. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100
}
