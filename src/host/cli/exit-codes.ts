import type { ResultKind } from '../../errors.js'

/** The CLI's exit codes, documented in the README ("CLI"); cron and other CI systems branch on them. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, cloudError: 3 } as const

/** 1 a failed check or a stale backup, 2 bad input (nothing was changed), 3 anything else. */
export function exitCodeOf(kind: ResultKind): number {
  return {
    ok: EXIT.ok,
    failed: EXIT.failed,
    'bad-input': EXIT.badInput,
    'cloud-error': EXIT.cloudError
  }[kind]
}
