import type { BackupRecord, Gap } from './types.js'
import { clampedTime, HOUR_MS, iso, round2 } from './time.js'

/**
 * The intervals between consecutive usable backups that end within the window, oldest first,
 * plus the open interval from the newest backup to now. A missed daily backup shows as one
 * ~48 h interval; an interval that starts before the window but ends inside it is kept, so a
 * miss right at the window's edge is not lost. No backups at all: no gaps (the verdict says so).
 */
export function gapsOver(usable: readonly BackupRecord[], now: number, windowMs: number): Gap[] {
  const times = usable.map((b) => clampedTime(b.created, now)).sort((a, b) => a - b)
  if (times.length === 0) return []
  const windowStart = now - windowMs
  const gaps: Gap[] = []
  for (let i = 1; i < times.length; i++) {
    const from = times[i - 1] as number
    const to = times[i] as number
    if (to < windowStart) continue
    gaps.push(gap(from, to, false))
  }
  gaps.push(gap(times[times.length - 1] as number, now, true))
  return gaps
}

/** The longest interval; on a tie the most recent one, which is the one to act on. */
export function largestGap(gaps: readonly Gap[]): Gap | undefined {
  let best: Gap | undefined
  for (const g of gaps) if (!best || g.hours >= best.hours) best = g
  return best
}

function gap(from: number, to: number, toNow: boolean): Gap {
  return { from: iso(from), to: iso(to), hours: round2((to - from) / HOUR_MS), toNow }
}
