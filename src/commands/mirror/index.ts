import { resolveInstance } from '../../cloud/resolve.js'
import { failureOf, withTemporaryInstance } from '../../cloud/temporary-instance.js'
import { engineOf } from '../../database/target.js'
import { unverifiedWarning } from '../../database/tls.js'
import { CheckFailure, describeError } from '../../errors.js'
import { checkSelectionForEngine, dependsOnEngine } from '../../inputs/dump-selection.js'
import { readMirrorInputs, type UploadInputs } from '../../inputs/mirror.js'
import { abortUpload } from '../../storage/multipart.js'
import { probe } from '../../storage/objects.js'
import { S3Store } from '../../storage/s3-store.js'
import { formatS3Uri } from '../../storage/s3-uri.js'
import type { CommandContext } from '../context.js'
import { checkCopy } from './check-copy.js'
import { copyFigures, writeMirrorMetrics } from './metrics.js'
import { instanceLabels } from '../../evidence/index.js'
import { drillCopy } from './drill.js'
import { restoreToTarget } from './restore.js'
import { findDumpTool, toolTooOld } from './dump.js'
import { uploadSummary } from './summary.js'
import { uploadCopy, type UploadInFlight } from './upload.js'

/**
 * mirror: an encrypted, checksummed off-site copy on any S3-compatible store (mirror-action:
 * upload), from a temporary instance restored from a backup or from the live instance; or a
 * check that a stored copy still matches its manifest (mirror-action: verify); or a stored copy
 * restored into any server (mirror-action: restore), or restored, checked and dropped (drill).
 */
export async function mirror(context: CommandContext): Promise<void> {
  const inputs = readMirrorInputs(context.inputs)
  const client = new S3Store(inputs.s3)
  if (inputs.action === 'verify') return checkCopy(context, client, inputs)
  if (inputs.action === 'drill') return drillCopy(context, client, inputs)
  if (inputs.action === 'restore') return restoreToTarget(context, client, inputs)

  for (const warning of inputs.dbTlsWarnings) context.warn(warning, 'Deprecated input value')
  if (dependsOnEngine(inputs)) await checkSelectionEarly(context, inputs)
  // Reach the store before spending a restore on it.
  const where = formatS3Uri(inputs.location.bucket, inputs.location.prefix)
  await context.group('Check the object store', async () => {
    await probe(client, inputs.location.bucket, inputs.location.prefix).catch((error: unknown) => {
      throw new CheckFailure(`Cannot reach ${where}: ${describeError(error)}`)
    })
    context.logger.info(`${where} is reachable`)
  })

  const upload: UploadInFlight = { id: undefined, key: '' }
  const controller = new AbortController()
  const abortOnCancel = async (): Promise<void> => {
    controller.abort()
    if (upload.id) {
      await abortUpload(client, { bucket: inputs.location.bucket, key: upload.key }, upload.id)
    }
  }
  if (inputs.source === 'live')
    return mirrorLive(context, client, inputs, upload, controller, abortOnCancel)

  const run = await withTemporaryInstance(context, context.cloud().trove, inputs.restore, {
    env: context.inputs.env,
    planTitle: 'Plan the restore',
    onCancel: abortOnCancel,
    // A pg_dump too old for the backup's version would fail only after the restore: say so now.
    beforeRestore: async (plan) => {
      const engine = engineOf(plan.datastore.type)
      // schemas with MariaDB, two databases with PostgreSQL: refused before the restore.
      checkSelectionForEngine(engine, inputs)
      const advice = toolTooOld(engine, await findDumpTool(engine), plan.datastore.version)
      if (advice && engine === 'postgresql') throw new CheckFailure(advice)
    },
    work: ({ plan, restored }) =>
      uploadCopy(context, client, inputs, upload, controller.signal, {
        kind: 'restored',
        // The copy belongs to the source instance (its key, its retention), not to the
        // temporary one; when the source is gone, to the instance id the backup names.
        instance: plan.source ?? {
          ...restored.instance,
          id: plan.backup.instanceId ?? restored.instance.id,
          name: plan.backup.instanceId ?? restored.instance.name
        },
        host: restored.host,
        backupId: plan.backup.id,
        backupCreated: plan.backup.created.toISOString()
      })
  })
  const failure = failureOf(run)
  if (failure !== undefined) {
    const id = run.plan.source?.id ?? run.plan.backup.instanceId ?? ''
    await writeMirrorMetrics(context, inputs.metricsFile, {
      labels: instanceLabels(run.plan.source?.name ?? id, id),
      action: 'upload',
      passed: false
    })
    throw failure
  }
  const done = run.value as Awaited<ReturnType<typeof uploadCopy>>
  await writeMirrorMetrics(context, inputs.metricsFile, copyFigures(done.manifest, 'upload', true))
  context.summary(
    uploadSummary(done.manifest, inputs.location.bucket, done.deleted, run.cleanup, done.dryRun)
  )
}

async function mirrorLive(
  context: CommandContext,
  client: S3Store,
  inputs: UploadInputs,
  upload: UploadInFlight,
  controller: AbortController,
  abortOnCancel: () => Promise<void>
): Promise<void> {
  const { trove } = context.cloud()
  const instance = await resolveInstance(trove, inputs.restore.instance)
  const host = instance.addresses[0]
  if (!host) throw new CheckFailure(`Instance ${instance.name} has no address to dump from`)
  const unverified = unverifiedWarning(
    inputs.dbTls,
    `mirror source: live dumps the production instance ${instance.name} (${host})`
  )
  if (unverified) context.warn(unverified, 'Unverified TLS to a production database')
  const removeCancelHook = context.onCancel(async (signal) => {
    context.logger.warning(`Received ${signal}: aborting the upload`)
    await abortOnCancel()
  })
  try {
    const done = await uploadCopy(context, client, inputs, upload, controller.signal, {
      kind: 'live',
      instance,
      host,
      backupId: null,
      backupCreated: null
    }).catch(async (error: unknown) => {
      await writeMirrorMetrics(context, inputs.metricsFile, {
        labels: instanceLabels(instance.name, instance.id),
        action: 'upload',
        passed: false
      })
      throw error
    })
    await writeMirrorMetrics(
      context,
      inputs.metricsFile,
      copyFigures(done.manifest, 'upload', true)
    )
    context.summary(
      uploadSummary(done.manifest, inputs.location.bucket, done.deleted, undefined, done.dryRun)
    )
  } finally {
    removeCancelHook()
  }
}

/**
 * schemas, several databases or a qualified exclusion may not apply to the engine: read the
 * source's datastore (reads only) and refuse a bad combination before the store or the cloud
 * is touched. Checked again where the engine is known anyway (the plan, the dump).
 */
async function checkSelectionEarly(context: CommandContext, inputs: UploadInputs): Promise<void> {
  const { trove } = context.cloud()
  const type = inputs.restore.backupId
    ? (await trove.getBackup(inputs.restore.backupId)).datastore?.type
    : (await resolveInstance(trove, inputs.restore.instance)).datastore?.type
  if (type) checkSelectionForEngine(engineOf(type), inputs)
}
