// Figures the suite prints at the end (see ../totals-reporter.mjs). Each case appends one JSON
// line to a file both sides can find; the reporter sums them, also when cases fail.
import { createHash } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../../..')

/** Same rule as resultsFile() in totals-reporter.mjs: one file per checkout. */
export const RESULTS_FILE = path.join(
  tmpdir(),
  `dbaas-faults-${createHash('sha1').update(ROOT).digest('hex').slice(0, 10)}.jsonl`
)

export type CaseRecord =
  | { kind: 'fault'; name: string; leaked: number; partial: number }
  | { kind: 'bad-input'; name: string; ok: boolean }
  | { kind: 'injection'; name: string; ok: boolean }
  | { kind: 'secrets'; name: string; hits: number }
  | { kind: 'load'; name: string; wallMs: number; requests: number; peak: number }

export function record(entry: CaseRecord): void {
  appendFileSync(RESULTS_FILE, JSON.stringify(entry) + '\n')
}
