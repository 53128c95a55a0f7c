/**
 * Temporary instances carry our marker in their name (Trove instances have no description):
 * `dbaas-verify-<8 hex of the backup id>-r<run id>-<attempt>`. Sweep deletes only names of exactly
 * this shape, so nothing a person named is ever touched.
 */
export const TEMP_PREFIX = 'dbaas-verify-'
const TEMP_PATTERN = /^dbaas-verify-[0-9a-f]{8}-r[0-9a-z]+-\d+$/

export function tempInstanceName(backupId: string, runId: string, attempt: string): string {
  const backupPart = backupId
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 8)
    .toLowerCase()
    .padEnd(8, '0')
  const run = (runId || `local${Date.now().toString(36)}`).toLowerCase().replace(/[^0-9a-z]/g, '')
  return `${TEMP_PREFIX}${backupPart}-r${run}-${attempt.replace(/\D/g, '') || '1'}`
}

export function isTempInstanceName(name: string): boolean {
  return TEMP_PATTERN.test(name)
}
