// Which off-site copies a retention run keeps: pure maths over (copies, policy, now).

export interface RetentionPolicy {
  /** The newest N copies. */
  keepLast?: number
  /** Copies younger than N days (N × 24 h before now). */
  keepDays?: number
  /** The newest copy of each of the last N UTC days that have a copy. */
  keepDaily?: number
  /** The newest copy of each of the last N ISO 8601 weeks (Monday to Sunday, UTC) that have one. */
  keepWeekly?: number
  /** The newest copy of each of the last N UTC calendar months that have one. */
  keepMonthly?: number
}

export interface StoredCopy {
  objectKey: string
  manifestKey: string
  created: Date
}

export type KeepRule = 'newest' | 'protected' | 'last' | 'days' | 'daily' | 'weekly' | 'monthly'

export interface RetentionPlan {
  /** Newest first, each with every rule that keeps it. */
  kept: { copy: StoredCopy; rules: KeepRule[] }[]
  /** Newest first. */
  expired: StoredCopy[]
}

/** True when some rule is set to keep something; with none, retention deletes nothing. */
export function hasRetention(policy: RetentionPolicy): boolean {
  return (
    policy.keepLast !== undefined ||
    policy.keepDays !== undefined ||
    Boolean(policy.keepDaily) ||
    Boolean(policy.keepWeekly) ||
    Boolean(policy.keepMonthly)
  )
}

/** `2026-11-25` for any instant of that UTC day. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** `2026-11` for any instant of that UTC month. */
export function utcMonth(date: Date): string {
  return date.toISOString().slice(0, 7)
}

/**
 * The ISO 8601 week of the UTC date, as `2026-W48`. Weeks start on Monday; week 1 is the week
 * with the year's first Thursday, so 29 Dec 2025 is in 2026-W01 and 1 Jan 2027 in 2026-W53.
 */
export function isoWeek(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  const weekday = (new Date(day).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  // The Thursday of this week decides the week's year.
  const thursday = new Date(day + (3 - weekday) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/**
 * Tiered retention as restic's `forget --keep-*` counts it. Copies are walked newest first; each
 * rule is independent and a copy stays when ANY rule keeps it (the union):
 * - keep-last N: the N newest copies;
 * - keep-days N: copies created less than N × 24 h before now;
 * - keep-daily / keep-weekly / keep-monthly N: the newest copy of each of the N most recent
 *   periods (UTC days, ISO weeks, UTC months) that HAVE a copy — a day without a copy does not
 *   use up one of the N, so a missed night never shortens the history.
 * Periods are UTC, so a runner's time zone and daylight saving time change nothing. The newest
 * copy and `protect` (the copy just made) always stay. With no rule nothing is deleted.
 */
export function planRetention(
  copies: StoredCopy[],
  policy: RetentionPolicy,
  now: Date,
  protect?: string
): RetentionPlan {
  const newestFirst = [...copies].sort(
    (a, b) =>
      b.created.getTime() - a.created.getTime() ||
      (a.objectKey < b.objectKey ? 1 : a.objectKey > b.objectKey ? -1 : 0)
  )
  if (!hasRetention(policy)) {
    return { kept: newestFirst.map((copy) => ({ copy, rules: [] })), expired: [] }
  }
  const tiers: { rule: KeepRule; count: number; period: (d: Date) => string }[] = []
  if (policy.keepDaily) tiers.push({ rule: 'daily', count: policy.keepDaily, period: utcDay })
  if (policy.keepWeekly) tiers.push({ rule: 'weekly', count: policy.keepWeekly, period: isoWeek })
  if (policy.keepMonthly)
    tiers.push({ rule: 'monthly', count: policy.keepMonthly, period: utcMonth })
  // Per tier: the periods already given their newest copy.
  const seen = tiers.map(() => new Set<string>())

  const plan: RetentionPlan = { kept: [], expired: [] }
  newestFirst.forEach((copy, index) => {
    const rules: KeepRule[] = []
    if (index === 0) rules.push('newest')
    if (protect !== undefined && copy.objectKey === protect) rules.push('protected')
    if (policy.keepLast !== undefined && index < policy.keepLast) rules.push('last')
    if (
      policy.keepDays !== undefined &&
      now.getTime() - copy.created.getTime() < policy.keepDays * 86_400_000
    )
      rules.push('days')
    tiers.forEach((tier, t) => {
      const periods = seen[t] as Set<string>
      const period = tier.period(copy.created)
      if (periods.has(period) || periods.size >= tier.count) return
      periods.add(period)
      rules.push(tier.rule)
    })
    if (rules.length > 0) plan.kept.push({ copy, rules })
    else plan.expired.push(copy)
  })
  return plan
}

/** The copies to delete (newest first); see planRetention. */
export function selectExpired(
  copies: StoredCopy[],
  policy: RetentionPolicy,
  now: Date,
  protect?: string
): StoredCopy[] {
  return planRetention(copies, policy, now, protect).expired
}
