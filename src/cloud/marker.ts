/**
 * Temporary instances carry our marker in their name (Trove instances have no description):
 * `dbaas-verify-<8 hex of the backup id>-r<run id>-<attempt>`. Sweep deletes only names of exactly
 * this shape, so nothing a person named is ever touched.
 */
export const TEMP_PREFIX = 'dbaas-verify-'
const TEMP_PATTERN = /^dbaas-verify-[0-9a-f]{8}-r[0-9a-z]+-\d+$/

/** The 8 hex digits of a backup id that a temporary instance's name carries. */
export function backupPart(backupId: string): string {
  return backupId
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 8)
    .toLowerCase()
    .padEnd(8, '0')
}

/** The backup part of a marker name, or undefined for any other name. */
export function backupPartOf(name: string): string | undefined {
  return TEMP_PATTERN.test(name)
    ? name.slice(TEMP_PREFIX.length, TEMP_PREFIX.length + 8)
    : undefined
}

export function tempInstanceName(backupId: string, runId: string, attempt: string): string {
  const run = (runId || `local${Date.now().toString(36)}`).toLowerCase().replace(/[^0-9a-z]/g, '')
  return `${TEMP_PREFIX}${backupPart(backupId)}-r${run}-${attempt.replace(/\D/g, '') || '1'}`
}

export function isTempInstanceName(name: string): boolean {
  return TEMP_PATTERN.test(name)
}
