import type { S3Client } from '@aws-sdk/client-s3'
import type { RestoreCopyInputs } from '../../inputs/mirror.js'
import type { CommandContext } from '../context.js'
import { findCopy } from './find-copy.js'
import { restoreCopy } from './restore-copy.js'
import { restoreSummary } from './restore-summary.js'

/** mirror-action: restore — a stored copy (given, or the newest) into the server of target-url. */
export async function restoreToTarget(
  context: CommandContext,
  client: S3Client,
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
  const restored = await restoreCopy(context, client, inputs, found)
  context.setOutput('object-key', restored.objectKey)
  context.setOutput('sha256', restored.sha256)
  context.setOutput('bytes', restored.bytes)
  context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000))
  context.summary(
    restoreSummary(
      restored.objectKey,
      restored.manifest,
      restored.databases,
      `${restored.target.host}:${restored.target.port}`,
      restored.restoreMs
    )
  )
}
