import { resolveAllowedCidrs } from '../cloud/allow-list.js'
import { refuseTakenName, refuseTempName, restoreInstance } from '../cloud/restore.js'
import { checkQuota, planRestore } from '../cloud/restore-plan.js'
import { CheckFailure, describeError } from '../errors.js'
import { formatElapsed } from '../format/duration.js'
import { cell, table } from '../format/markdown.js'
import { readKeptRestoreInputs } from '../inputs/restore.js'
import type { CommandContext } from './context.js'

/**
 * A real recovery: restore a backup into a new instance that is kept. It gets a new address, so
 * the summary reminds the user that firewalls and connection strings must follow.
 */
export async function restore(context: CommandContext): Promise<void> {
  const inputs = readKeptRestoreInputs(context.inputs)
  const name = inputs.restoreName
  refuseTempName(name)
  const { trove } = context.cloud()

  const plan = await context.group('Plan the restore', async () => {
    await refuseTakenName(trove, name)
    const planned = await planRestore(trove, inputs)
    context.logger.info(await checkQuota(trove, planned))
    return planned
  })
  // The new instance replaces the source: whoever could reach the source can reach it, plus
  // allowed-cidrs (by default the runner, so the workflow can use it at once).
  const sourceId = plan.source?.id ?? plan.backup.instanceId
  const original = sourceId ? await trove.findInstanceById(sourceId) : undefined
  const sourceCidrs = original?.allowedCidrs ?? []
  const cidrs = [
    ...new Set([...sourceCidrs, ...(await resolveAllowedCidrs(inputs, context.inputs.env))])
  ]
  if (original && sourceCidrs.length > 0)
    context.logger.info(`Allowed CIDRs copied from ${original.name}: ${sourceCidrs.join(', ')}`)
  const restored = await context
    .group('Restore', () =>
      restoreInstance(context, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
        context.setOutput('instance-id', id)
      })
    )
    .catch((error: unknown) => {
      throw new CheckFailure(
        `${describeError(error)}. The new instance "${name}" may exist in a failed state: check it with \`openstack database instance list\`.`,
        { cause: error }
      )
    })
  context.setOutput('instance-id', restored.instance.id)
  context.setOutput('instance-host', restored.host)
  context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000))
  context.setOutput('backup-id', plan.backup.id)
  context.warn(
    `Restored into ${name} at ${restored.host} — a NEW address: update firewalls (egress rules of your apps), connection strings and allowed CIDRs (now ${cidrs.join(', ')}).`,
    'New instance address'
  )
  context.summary(
    [
      `### ♻️ Restored ${cell(plan.backup.name)} into ${cell(name)}`,
      '',
      table(
        ['', ''],
        [
          ['New instance', `${name} (${restored.instance.id})`],
          ['New address', restored.host],
          ['Backup', `${plan.backup.id}, taken ${plan.backup.created.toISOString()}`],
          ['Datastore', `${plan.datastore.type} ${plan.datastore.version}`],
          ['Restore time', formatElapsed(restored.restoreMs)],
          ['Allowed CIDRs', cidrs.join(', ')]
        ]
      ),
      '',
      '> ⚠️ The restored instance has a **new IP address**. Update application connection strings, egress firewalls and the allowed CIDRs of the instance.'
    ].join('\n')
  )
}
