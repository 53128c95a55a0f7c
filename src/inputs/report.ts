import { InputError } from './input-error.js'
import { type InputSource, readChoice, readDuration } from './source.js'
import type { Policy } from '../policy/index.js'

/** Which instances to report on: one named by `instance`, a list, or the whole project. */
export type ReportTarget =
  { kind: 'one'; ref: string } | { kind: 'all' } | { kind: 'list'; refs: string[] }

export interface ReportInputs {
  target: ReportTarget
  policy: Policy
  failOn: 'stale' | 'never'
  maxConcurrency: number
  /** Where the JSON report goes; undefined: $RUNNER_TEMP, else the OS temp dir. */
  reportPath?: string
}

export const MAX_CONCURRENCY_LIMIT = 32

/** Reads and checks every report input, before any call to the cloud. */
export function readReportInputs(source: InputSource): ReportInputs {
  const inputs: ReportInputs = {
    target: readTarget(source),
    policy: {
      maxAgeMs: readDuration(source, 'max-age', '24h'),
      graceMs: readDuration(source, 'grace', '2h', { minMs: 0 }),
      retentionMs: readDuration(source, 'retention', '90d'),
      expiryWarningMs: readDuration(source, 'expiry-warning', '7d', { minMs: 0 }),
      gapWindowMs: readDuration(source, 'gap-window', '30d', { minMs: 3_600_000 })
    },
    failOn: readChoice(source, 'fail-on', ['stale', 'never'] as const, 'stale'),
    maxConcurrency: readConcurrency(source)
  }
  const reportPath = source.get('report-path')
  if (reportPath) inputs.reportPath = reportPath
  return inputs
}

function readTarget(source: InputSource): ReportTarget {
  const one = source.get('instance')
  const many = source.get('instances')
  if (one && many) {
    throw new InputError(
      'instances',
      'give either "instance" (one instance) or "instances" (several, or all), not both'
    )
  }
  if (one) return { kind: 'one', ref: one }
  if (!many) {
    throw new InputError(
      'instance',
      'name the instance to report on (id or name), or set "instances" to a list or "all"'
    )
  }
  const refs = [...new Set(many.split(/[,\n]/).map((r) => r.trim()))].filter((r) => r !== '')
  if (refs.length === 0) throw new InputError('instances', 'the list names no instance')
  if (refs.some((r) => r.toLowerCase() === 'all')) {
    if (refs.length > 1) {
      throw new InputError('instances', '"all" already means every instance; give it alone')
    }
    return { kind: 'all' }
  }
  return { kind: 'list', refs }
}

function readConcurrency(source: InputSource): number {
  const text = source.get('max-concurrency') || '4'
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < 1 || value > MAX_CONCURRENCY_LIMIT) {
    throw new InputError(
      'max-concurrency',
      `"${text}" is not allowed; use a whole number from 1 to ${MAX_CONCURRENCY_LIMIT}`
    )
  }
  return value
}
