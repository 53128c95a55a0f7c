import type { CommandContext } from './context.js'
import { readSweepInputs } from '../inputs/sweep.js'
import { formatElapsed } from '../format/duration.js'
import { table } from '../format/markdown.js'
import { isTempInstanceName } from '../cloud/marker.js'
import { deleteAndConfirm } from '../cloud/waits.js'
import { CheckFailure, describeError } from '../errors.js'

/**
 * Deletes temporary instances that restore drills left behind (a runner that died, a job killed
 * before its post step) once they are older than `ttl`. Only names with our marker are ever
 * considered: nothing a person created is touched.
 */
export async function sweep(context: CommandContext): Promise<void> {
  const { ttlMs, deleteTimeoutMs } = readSweepInputs(context.inputs)
  const { trove } = context.cloud()
  const now = context.now()
  const instances = await trove.listInstances()
  // Trove's list view has no `created`; the detail view has it.
  // An instance can vanish between the list and the show (another run's clean-up): skip it.
  const shown = await Promise.all(
    instances.filter((i) => isTempInstanceName(i.name)).map((i) => trove.findInstanceById(i.id))
  )
  const ours = shown.filter((i) => i !== undefined)
  for (const unknown of ours.filter((i) => i.created === undefined)) {
    context.warn(
      `Temporary instance ${unknown.name} (${unknown.id}) has no creation time; not deleting it`,
      'sweep'
    )
  }
  const stale = ours.filter((i) => i.created !== undefined && now - i.created.getTime() > ttlMs)
  context.logger.info(
    `${instances.length} instances, ${ours.length} temporary from restore drills, ${stale.length} older than ${formatElapsed(ttlMs)}`
  )
  const rows: string[][] = []
  const failures: string[] = []
  for (const instance of stale) {
    const age = formatElapsed(now - (instance.created as Date).getTime())
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
  context.summary(
    rows.length > 0
      ? `### 🧹 Sweep: ${swept.length} leftover temporary instance(s) deleted\n\n${table(['Instance', 'Id', 'Age', 'Result'], rows)}`
      : `### 🧹 Sweep: no leftover temporary instances older than ${formatElapsed(ttlMs)}`
  )
  // The same fact as a drill that could not delete its instance: a failed run, exit code 1.
  if (failures.length > 0) throw new CheckFailure(`Sweep could not delete: ${failures.join('; ')}`)
}
