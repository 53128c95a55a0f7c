// The versions an evidence file names. Imported as JSON, so the bundle carries the numbers it
// was built from and nothing is read at run time.
import pkg from '../../package.json' with { type: 'json' }
import pgPkg from 'pg/package.json' with { type: 'json' }
import mysqlPkg from 'mysql2/package.json' with { type: 'json' }
import type { ToolVersion } from './drill-evidence.js'

/**
 * This action, the Node that runs it, and the database client library the checks used; a drill
 * that runs other programs (a dump tool) adds them as `extra`.
 */
export function toolVersions(
  engine: 'postgresql' | 'mariadb',
  extra: readonly ToolVersion[] = []
): ToolVersion[] {
  const tools: ToolVersion[] = [
    { name: 'dbaas-backup-action', version: pkg.version },
    { name: 'node', version: process.versions.node }
  ]
  if (engine === 'postgresql') tools.push({ name: 'node-postgres (pg)', version: pgPkg.version })
  else tools.push({ name: 'mysql2', version: mysqlPkg.version })
  return [...tools, ...extra]
}
