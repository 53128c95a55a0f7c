export interface RetentionPolicy {
  keepLast?: number
  keepDays?: number
}

export interface StoredCopy {
  objectKey: string
  manifestKey: string
  created: Date
}

/**
 * The copies to delete: a copy stays when it is among the newest `keepLast` or younger than
 * `keepDays` (with both, either keeps it). With no policy nothing is deleted, and the newest copy
 * is never deleted.
 */
export function selectExpired(
  copies: StoredCopy[],
  policy: RetentionPolicy,
  now: Date
): StoredCopy[] {
  if (policy.keepLast === undefined && policy.keepDays === undefined) return []
  const newestFirst = [...copies].sort((a, b) => b.created.getTime() - a.created.getTime())
  return newestFirst.filter((copy, index) => {
    if (index === 0) return false
    const keptByCount = policy.keepLast !== undefined && index < policy.keepLast
    const keptByAge =
      policy.keepDays !== undefined &&
      now.getTime() - copy.created.getTime() < policy.keepDays * 86_400_000
    return !keptByCount && !keptByAge
  })
}
