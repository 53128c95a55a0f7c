import type { InputSource } from './source.js'
import type { ReportTarget } from './report.js'

/**
 * list reads `instances` like report does (all, a list, globs) but defaults to all: listing is
 * what the mode is for, and `instance` (one) makes no sense for a matrix.
 */
export function readListTarget(source: InputSource): ReportTarget {
  const refs = [
    ...new Set(
      source
        .get('instances')
        .split(/[,\n]/)
        .map((r) => r.trim())
    )
  ].filter((r) => r !== '')
  if (refs.length === 0 || refs.some((r) => r.toLowerCase() === 'all')) return { kind: 'all' }
  return { kind: 'list', refs }
}
