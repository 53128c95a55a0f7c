import { readDeleteTimeout } from './restore.js'
import { type InputSource, readBoolean, readDuration } from './source.js'

export interface SweepInputs {
  /** Leftovers younger than this may belong to a drill that is still running. */
  ttlMs: number
  deleteTimeoutMs: number
  /** List what would be deleted; delete nothing. */
  dryRun: boolean
}

export function readSweepInputs(source: InputSource): SweepInputs {
  return {
    ttlMs: readDuration(source, 'ttl', { minMs: 10 * 60_000, maxMs: 30 * 86_400_000 }),
    deleteTimeoutMs: readDeleteTimeout(source),
    dryRun: readBoolean(source, 'dry-run')
  }
}
