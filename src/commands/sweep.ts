import { backupPart, backupPartOf } from '../cloud/marker.js'
import { deleteAndConfirm } from '../cloud/waits.js'
import { CheckFailure, describeError } from '../errors.js'
import { formatElapsed } from '../format/duration.js'
import { table } from '../format/markdown.js'
import { readSweepInputs } from '../inputs/sweep.js'
import type { Instance, TroveClient } from '../openstack/index.js'
import type { CommandContext } from './context.js'

/**
 * Deletes temporary instances that restore drills left behind (a runner that died, a job killed
 * before its post step) once they are older than `ttl`. An instance counts as a leftover only
 * when its name has our marker *and* the backup id part of that name belongs to a backup of
 * this project (a drill restores from one): a name alone is no proof. `dry-run` lists only.
 */
export async function sweep(context: CommandContext): Promise<void> {
  const inputs = readSweepInputs(context.inputs)
  const { ttlMs, deleteTimeoutMs, dryRun } = inputs
  const { trove } = context.cloud()
  const now = context.now()
  const instances = await trove.listInstances()
  const ours = await leftovers(trove, instances, context)
  const stale = ours.filter((i) => i.created !== undefined && now - i.created.getTime() > ttlMs)
  context.logger.info(
    `${instances.length} instances, ${ours.length} temporary from restore drills, ${stale.length} older than ${formatElapsed(ttlMs)}`
  )
  const rows: string[][] = []
  const failures: string[] = []
  for (const instance of stale) {
    const age = formatElapsed(now - (instance.created as Date).getTime())
    if (dryRun) {
      context.logger.info(`Would delete ${instance.name} (${instance.id}), ${age} old (dry-run)`)
      rows.push([instance.name, instance.id, age, 'would be deleted (dry-run)'])
      continue
    }
    try {
      await deleteAndConfirm(trove, instance, deleteTimeoutMs, context)
      context.logger.info(`Deleted ${instance.name} (${instance.id}), ${age} old`)
      rows.push([instance.name, instance.id, age, 'deleted'])
    } catch (error) {
      failures.push(`${instance.name} (${instance.id}): ${describeError(error)}`)
      rows.push([instance.name, instance.id, age, `❌ ${describeError(error)}`])
    }
  }
  const swept = rows.filter((r) => r[3] === 'deleted').map((r) => r[1] as string)
  context.setOutput('swept-count', swept.length)
  context.setOutput('swept-ids', JSON.stringify(swept))
  const headline = dryRun
    ? `### 🧹 Sweep (dry-run): ${rows.length} leftover temporary instance(s) would be deleted`
    : `### 🧹 Sweep: ${swept.length} leftover temporary instance(s) deleted`
  context.summary(
    rows.length > 0
      ? `${headline}\n\n${table(['Instance', 'Id', 'Age', 'Result'], rows)}`
      : `### 🧹 Sweep${dryRun ? ' (dry-run)' : ''}: no leftover temporary instances older than ${formatElapsed(ttlMs)}`
  )
  // The same fact as a drill that could not delete its instance: a failed run, exit code 1.
  if (failures.length > 0) throw new CheckFailure(`Sweep could not delete: ${failures.join('; ')}`)
}

/**
 * The drills' leftovers among `instances`, shown in detail (the list view has no `created`).
 * An instance can vanish between the list and the show (another run's clean-up): skipped.
 */
async function leftovers(
  trove: TroveClient,
  instances: Instance[],
  context: CommandContext
): Promise<Instance[]> {
  const marked = instances.filter((i) => backupPartOf(i.name) !== undefined)
  if (marked.length === 0) return []
  const fromOurBackups = new Set(
    (await trove.listBackups({ pageSize: 1000 })).map((b) => backupPart(b.id))
  )
  const ours: Instance[] = []
  for (const instance of marked) {
    if (!fromOurBackups.has(backupPartOf(instance.name) as string)) {
      context.warn(
        `Instance ${instance.name} (${instance.id}) has the drill marker, but no backup of this project starts with its id part; not deleting it`,
        'sweep'
      )
      continue
    }
    const shown = await trove.findInstanceById(instance.id)
    if (!shown) continue
    if (shown.created === undefined) {
      context.warn(
        `Temporary instance ${shown.name} (${shown.id}) has no creation time; not deleting it`,
        'sweep'
      )
      continue
    }
    ours.push(shown)
  }
  return ours
}
