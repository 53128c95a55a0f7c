import { expiringSoon, pastRetention } from './expiry.js'
import { gapsOver, largestGap } from './gaps.js'
import { notRestorable } from './restorable.js'
import { isFailed, isRunning, isUsable, newestFirst, refOf } from './status.js'
import { ageMs, DAY_MS, HOUR_MS, round2 } from './time.js'
import type {
  BackupRecord,
  Evaluation,
  OfferedVersions,
  Policy,
  SkewedBackup,
  Verdict
} from './types.js'

/** Everything the policy says about one instance's backups at `now` (ms since the epoch). */
export function evaluate(
  backups: readonly BackupRecord[],
  now: number,
  policy: Policy,
  offered: OfferedVersions = new Map()
): Evaluation {
  const sorted = newestFirst(backups)
  const usable = sorted.filter(isUsable)
  const newest = usable[0]
  const oldest = sorted[sorted.length - 1]
  const gaps = gapsOver(usable, now, policy.gapWindowMs)
  const windowStart = now - policy.gapWindowMs
  const evaluation: Evaluation = {
    verdict: verdictOf(newest, now, policy),
    counts: {
      total: sorted.length,
      usable: usable.length,
      failed: sorted.filter(isFailed).length,
      running: sorted.filter(isRunning).length,
      other: sorted.filter((b) => !isUsable(b) && !isFailed(b) && !isRunning(b)).length
    },
    sizeGb: round2(sorted.reduce((sum, b) => sum + (b.sizeGb ?? 0), 0)),
    failedInWindow: sorted
      .filter((b) => isFailed(b) && b.created.getTime() >= windowStart)
      .map(refOf),
    gaps,
    expiringSoon: expiringSoon(sorted, now, policy),
    pastRetention: pastRetention(sorted, now, policy),
    notRestorable: notRestorable(sorted, offered),
    clockSkew: sorted.filter((b) => b.created.getTime() > now).map((b) => skewed(b, now))
  }
  if (newest) {
    evaluation.latest = {
      ...refOf(newest),
      ageHours: round2(ageMs(newest.created, now) / HOUR_MS)
    }
  }
  if (oldest) {
    evaluation.oldest = {
      ...refOf(oldest),
      ageDays: round2(ageMs(oldest.created, now) / DAY_MS)
    }
  }
  const largest = largestGap(gaps)
  if (largest) evaluation.largestGap = largest
  return evaluation
}

/** none without a usable backup; stale when the newest is older than max-age + grace. */
export function verdictOf(newest: BackupRecord | undefined, now: number, policy: Policy): Verdict {
  if (!newest) return 'none'
  return ageMs(newest.created, now) > policy.maxAgeMs + policy.graceMs ? 'stale' : 'ok'
}

const RANK: Record<Verdict, number> = { ok: 0, stale: 1, none: 2 }

/** none > stale > ok; an empty list is ok (nothing to complain about). */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'ok'
  for (const v of verdicts) if (RANK[v] > RANK[worst]) worst = v
  return worst
}

/** Sorts worst first: by verdict, then by the oldest newest backup. Stable otherwise. */
export function compareSeverity(a: Evaluation, b: Evaluation): number {
  return RANK[b.verdict] - RANK[a.verdict] || (b.latest?.ageHours ?? 0) - (a.latest?.ageHours ?? 0)
}

function skewed(backup: BackupRecord, now: number): SkewedBackup {
  return {
    ...refOf(backup),
    aheadSeconds: Math.round((backup.created.getTime() - now) / 1000)
  }
}
