/**
 * Trove writes timestamps without a time zone (`2019-12-23T22:38:42`) and means UTC.
 * `new Date()` would read such a string as local time, so add the `Z` ourselves.
 * Returns undefined for anything that is not an ISO-8601 date-time.
 */
export function parseOpenStackTime(value: string): Date | undefined {
  const plain = plainUtcMs(value)
  if (plain !== undefined) return new Date(plain)
  const match =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim()
    )
  if (!match) return undefined
  const [, day, clock, zone] = match
  const date = new Date(`${day}T${clock}${zone ?? 'Z'}`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/**
 * `YYYY-MM-DDTHH:MM:SS`, the form Trove writes, read digit by digit: a report reads two time
 * stamps per backup, thousands of them, and this skips the regular expression, the string
 * built for the Date parser and the parse. Anything else (or out of range) is left to the
 * general path above, so both read every string alike (test/unit/openstack/time.test.ts).
 */
function plainUtcMs(value: string): number | undefined {
  if (value.length !== 19) return undefined
  if (value[4] !== '-' || value[7] !== '-' || value[10] !== 'T') return undefined
  if (value[13] !== ':' || value[16] !== ':') return undefined
  const year = digits(value, 0, 4)
  const month = digits(value, 5, 2)
  const day = digits(value, 8, 2)
  const hour = digits(value, 11, 2)
  const minute = digits(value, 14, 2)
  const second = digits(value, 17, 2)
  // Date.UTC reads years 0–99 as 1900–1999; the Date parser does not.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return undefined
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined
  return Date.UTC(year, month - 1, day, hour, minute, second)
}

/** The decimal number in value[from, from + count), or -1 if any of it is not a digit. */
function digits(value: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const d = value.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

/** Formats an elapsed time for progress lines: `45s`, `3m05s`, `1h02m`. */
export function formatElapsed(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000))
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`
  if (minutes > 0) return `${minutes}m${String(seconds).padStart(2, '0')}s`
  return `${seconds}s`
}
