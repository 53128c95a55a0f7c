/**
 * Trove writes timestamps without a time zone (`2019-12-23T22:38:42`) and means UTC.
 * `new Date()` would read such a string as local time, so add the `Z` ourselves.
 * Returns undefined for anything that is not an ISO-8601 date-time.
 */
export function parseOpenStackTime(value: string): Date | undefined {
  const match =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim()
    )
  if (!match) return undefined
  const [, day, clock, zone] = match
  const date = new Date(`${day}T${clock}${zone ?? 'Z'}`)
  return Number.isNaN(date.getTime()) ? undefined : date
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
