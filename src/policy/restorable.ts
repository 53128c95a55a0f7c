import type { BackupRecord, OfferedVersions, UnrestorableBackup } from './types.js'
import { isUsable, refOf } from './status.js'

/**
 * Usable backups the cloud could not restore any more: a restore must use the backup's own
 * datastore version, and a version the cloud no longer offers (not listed, or listed inactive —
 * e.g. PostgreSQL 14 on CSC after 2026-11-12) refuses it. A backup without a datastore lost its
 * version record altogether. Datastores missing from `offered` were not looked up: no verdict.
 */
export function notRestorable(
  backups: readonly BackupRecord[],
  offered: OfferedVersions
): UnrestorableBackup[] {
  const result: UnrestorableBackup[] = []
  for (const backup of backups) {
    if (!isUsable(backup)) continue
    const ds = backup.datastore
    if (!ds) {
      result.push({ ...refOf(backup), reason: 'the backup has no datastore version any more' })
      continue
    }
    const versions = offered.get(ds.type)
    if (versions === undefined) continue
    const where = { datastore: ds.type, version: ds.version }
    const match = versions.find((v) =>
      ds.versionId ? v.id === ds.versionId || v.name === ds.version : v.name === ds.version
    )
    if (!match) {
      result.push({
        ...refOf(backup),
        ...where,
        reason: `${ds.type} ${ds.version} is not offered by the cloud any more`
      })
    } else if (!match.active) {
      result.push({
        ...refOf(backup),
        ...where,
        reason: `${ds.type} ${ds.version} is inactive on the cloud`
      })
    }
  }
  return result
}
