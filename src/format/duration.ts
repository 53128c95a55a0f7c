import { formatElapsed } from '../openstack/time.js'

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000
}

/**
 * Parses durations like `90s`, `45m`, `2h`, `7d`, `1h30m`. A bare number is refused: `60` could
 * mean seconds or minutes, and guessing wrong on a timeout is expensive. Each unit may appear
 * once, largest first (`1h1h` is a typo, not 2 h), and each amount has at most 9 digits.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  if (!/^(\d{1,9}(\.\d{1,3})?(ms|s|m|h|d))+$/.test(value)) return undefined
  let total = 0
  let previous = Infinity
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    const size = UNIT_MS[unit as string] as number
    if (size >= previous) return undefined
    previous = size
    total += Number(amount) * size
  }
  return Math.round(total)
}

/** `5400000` → `1h30m`; for messages and summaries. */
export function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0 && ms > 0) return `${ms / 86_400_000}d`
  const parts: string[] = []
  let rest = Math.round(ms / 1000)
  for (const [unit, size] of [
    ['h', 3600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  return parts.join('') || '0s'
}

// Progress lines of the wire client and the summaries speak the same elapsed time; it is
// defined once, in the client, which imports nothing of the rest of the product.
export { formatElapsed }

/** Elapsed time of a fast phase (a report takes seconds): under a minute, to 1/100 s. */
export function formatElapsedPrecise(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(2)}s` : formatElapsed(ms)
}
