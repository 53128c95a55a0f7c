import type { S3Store } from '../../storage/s3-store.js'
import type { RestoreCopyInputs } from '../../inputs/mirror.js'
import type { CommandContext } from '../context.js'
import { findCopy } from './find-copy.js'
import { restoreIntoNewInstance } from './new-instance.js'
import { restoreCopy } from './restore-copy.js'
import { restoreSummary } from './restore-summary.js'

/**
 * mirror-action: restore — a stored copy (given, or the newest) into the server of target-url,
 * or into a new instance that is kept.
 */
export async function restoreToTarget(
  context: CommandContext,
  client: S3Store,
  inputs: RestoreCopyInputs
): Promise<void> {
  for (const warning of inputs.dbTlsWarnings) context.warn(warning, 'Deprecated input value')
  const { bucket, prefix } = inputs.location
  const found = await context.group('Find the copy', () =>
    findCopy(client, bucket, prefix, inputs.objectKey, inputs.instance)
  )
  context.logger.info(
    `Copy ${found.objectKey}: ${found.manifest.datastore.type} ${found.manifest.datastore.version}, made ${found.manifest.created}`
  )
  const target = inputs.target
  let restored
  let where: string
  let instanceMs: number | undefined
  if (target.kind === 'new-instance') {
    const made = await restoreIntoNewInstance(context, client, inputs, target, found)
    restored = made.restored
    instanceMs = made.instance.restoreMs
    where = `the new instance ${made.name} (${made.instance.instance.id}) at ${made.instance.host}`
    context.setOutput('instance-id', made.instance.instance.id)
    context.setOutput('instance-host', made.instance.host)
    context.warn(
      `Restored into the new instance ${made.name} at ${made.instance.host}: update connection strings, egress firewalls and its allowed CIDRs.`,
      'New instance address'
    )
  } else {
    restored = await restoreCopy(context, client, inputs, found, { server: target })
    where = `${restored.target.host}:${restored.target.port}`
  }
  context.setOutput('object-key', restored.objectKey)
  context.setOutput('sha256', restored.sha256)
  context.setOutput('bytes', restored.bytes)
  context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000))
  context.summary(
    restoreSummary(
      restored.objectKey,
      restored.manifest,
      restored.databases,
      where,
      restored.restoreMs,
      instanceMs
    )
  )
}
