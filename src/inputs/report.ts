import { InputError } from '../errors.js'
import { type InputSource, readChoice, readDuration, valueOrDefault } from './source.js'
import { DAY_MS, type Policy } from '../policy/index.js'
import { ACTION_SPELLING } from './spelling.js'
import { readMetricsFile, readOutputPath } from './output-files.js'

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
  /** Prometheus metrics file (textfile collector); undefined: none. */
  metricsFile?: string
}

export const MAX_CONCURRENCY_LIMIT = 32

/** report with `report-files`: merge per-job report files, no cloud call. */
export interface MergeInputs {
  /** Folders, globs or files, as given (the merge expands them). */
  files: string
  failOn: 'stale' | 'never'
  reportPath?: string
  metricsFile?: string
}

/** Whether this report merges report files (`report-files`) rather than asking the cloud. */
export function mergesReportFiles(source: InputSource): boolean {
  return source.get('report-files') !== ''
}

export function readMergeInputs(source: InputSource): MergeInputs {
  if (source.get('instance') || source.get('instances')) {
    throw new InputError(
      'report-files',
      'merges report files without calling the cloud; give it without "instance" or "instances"'
    )
  }
  const inputs: MergeInputs = {
    files: source.get('report-files'),
    failOn: readFailOn(source)
  }
  const reportPath = readReportPath(source)
  if (reportPath) inputs.reportPath = reportPath
  const metricsFile = readMetricsFile(source)
  if (metricsFile) inputs.metricsFile = metricsFile
  return inputs
}

/**
 * list reads `instances` like report does (all, a list, globs) but defaults to all: listing is
 * what the mode is for, and `instance` (one) makes no sense for a matrix.
 */
export function readListTarget(source: InputSource): ReportTarget {
  const refs = uniqueList(source.get('instances'))
  if (refs.length === 0 || refs.some((r) => r.toLowerCase() === 'all')) return { kind: 'all' }
  return { kind: 'list', refs }
}

/** Reads and checks every report input, before any call to the cloud. */
export function readReportInputs(source: InputSource): ReportInputs {
  const inputs: ReportInputs = {
    target: readTarget(source),
    policy: readPolicy(source),
    failOn: readFailOn(source),
    maxConcurrency: readConcurrency(source)
  }
  const reportPath = readReportPath(source)
  if (reportPath) inputs.reportPath = reportPath
  const metricsFile = readMetricsFile(source)
  if (metricsFile) inputs.metricsFile = metricsFile
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
  const refs = uniqueList(many)
  if (refs.length === 0) throw new InputError('instances', 'the list names no instance')
  if (refs.some((r) => r.toLowerCase() === 'all')) {
    if (refs.length > 1) {
      throw new InputError('instances', '"all" already means every instance; give it alone')
    }
    return { kind: 'all' }
  }
  return { kind: 'list', refs }
}

/** How old the newest backup may be: max-age + grace (report, and the backup verify drills). */
export function readFreshness(source: InputSource): { maxAgeMs: number; graceMs: number } {
  return {
    maxAgeMs: readDuration(source, 'max-age', { maxMs: 90 * DAY_MS }),
    graceMs: readDuration(source, 'grace', { minMs: 0, maxMs: 7 * DAY_MS })
  }
}

function readPolicy(source: InputSource): Policy {
  return {
    ...readFreshness(source),
    retentionMs: readDuration(source, 'retention', { maxMs: 3650 * DAY_MS }),
    expiryWarningMs: readDuration(source, 'expiry-warning', { minMs: 0, maxMs: 365 * DAY_MS }),
    gapWindowMs: readDuration(source, 'gap-window', { minMs: 3_600_000, maxMs: 366 * DAY_MS })
  }
}

/** The policy when nobody set one: action.yml's defaults (the provider's promise). */
export function defaultPolicy(): Policy {
  return readPolicy({ get: () => '', env: {}, mask: () => undefined, spell: ACTION_SPELLING })
}

/** Checked up front, so a report is never computed only to fail at writing it. */
function readReportPath(source: InputSource): string | undefined {
  return readOutputPath(source, 'report-path', 'JSON file')
}

function readFailOn(source: InputSource): 'stale' | 'never' {
  return readChoice(source, 'fail-on', ['stale', 'never'] as const)
}

/** Entries separated by commas or newlines (names may hold spaces), each once. */
function uniqueList(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((r) => r.trim()))].filter((r) => r !== '')
}

function readConcurrency(source: InputSource): number {
  const text = valueOrDefault(source, 'max-concurrency')
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < 1 || value > MAX_CONCURRENCY_LIMIT) {
    throw new InputError(
      'max-concurrency',
      `"${text}" is not allowed; use a whole number from 1 to ${MAX_CONCURRENCY_LIMIT}`
    )
  }
  return value
}
