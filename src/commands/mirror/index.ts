import type { S3Client } from '@aws-sdk/client-s3'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import type { DbTarget, Engine } from '../../database/types.js'
import { CheckFailure, type CommandContext } from '../context.js'
import { describeError } from '../../errors.js'
import { resolveInstance } from '../../cloud/resolve.js'
import { readDbInfo } from './db-info.js'
import { findDumpTool, toolTooOld } from './dump.js'
import {
  extensionFor,
  manifestKeyFor,
  MANIFEST_TOOL,
  type MirrorManifest,
  objectKeyFor
} from './manifest.js'
import { readMirrorInputs, type UploadInputs, type VerifyCopyInputs } from '../../inputs/mirror.js'
import { uploadSummary, verifySummary } from './summary.js'
import { formatBytes } from '../../format/bytes.js'
import { applyRetention, listManifests } from './store-retention.js'
import { withTemporaryRestore } from '../../cloud/temporary-restore.js'
import { dumpToStore } from './upload-copy.js'
import { verifyCopy } from './check-copy.js'
import type { Instance } from '../../openstack/index.js'
import { onCancellation } from '../../host/cancellation.js'
import { abortUpload } from '../../storage/multipart.js'
import { deleteKey, head, putJson } from '../../storage/objects.js'
import { choosePartSize } from '../../storage/part-size.js'
import { s3Client } from '../../storage/s3-client.js'
import { engineOf } from '../verify/index.js'

const PORTS: Record<Engine, number> = { postgresql: 5432, mariadb: 3306 }

/** Where the dump comes from, once it is reachable. */
interface DumpSource {
  kind: 'restored' | 'live'
  instance: Instance
  host: string
  backupId: string | null
  backupCreated: string | null
}

/**
 * mirror: an encrypted, checksummed off-site copy on any S3-compatible store (mirror-action:
 * upload), or a check that a stored copy still matches its manifest (mirror-action: verify).
 */
export async function mirror(context: CommandContext): Promise<void> {
  const inputs = readMirrorInputs(context.inputs)
  const client = s3Client(inputs.s3)
  if (inputs.action === 'verify') return verifyMirror(context, client, inputs)

  // Reach the store before spending a restore on it.
  await context.group('Check the object store', async () => {
    await client
      .send(
        new ListObjectsV2Command({
          Bucket: inputs.location.bucket,
          Prefix: inputs.location.prefix,
          MaxKeys: 1
        })
      )
      .catch((error: unknown) => {
        throw new CheckFailure(
          `Cannot reach s3://${inputs.location.bucket}/${inputs.location.prefix}: ${describeError(error)}`
        )
      })
    context.logger.info(`s3://${inputs.location.bucket}/${inputs.location.prefix} is reachable`)
  })

  const upload = { id: undefined as string | undefined, key: '' }
  const controller = new AbortController()
  const abortOnCancel = async (): Promise<void> => {
    controller.abort()
    if (upload.id) {
      await abortUpload(client, { bucket: inputs.location.bucket, key: upload.key }, upload.id)
    }
  }

  if (inputs.source === 'live') {
    const { trove } = context.cloud()
    const instance = await resolveInstance(trove, inputs.restore.instance)
    const host = instance.addresses[0]
    if (!host) throw new CheckFailure(`Instance ${instance.name} has no address to dump from`)
    const removeHandlers = onCancellation(async (signal) => {
      context.logger.warning(`Received ${signal}: aborting the upload`)
      await abortOnCancel()
    })
    try {
      const done = await mirrorFrom(context, client, inputs, upload, controller.signal, {
        kind: 'live',
        instance,
        host,
        backupId: null,
        backupCreated: null
      })
      context.summary(uploadSummary(done.manifest, inputs.location.bucket, done.deleted, undefined))
    } finally {
      removeHandlers()
    }
    return
  }

  const done = await withTemporaryRestore(
    context,
    inputs.restore,
    async ({ plan, restored }) =>
      mirrorFrom(context, client, inputs, upload, controller.signal, {
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
      }),
    abortOnCancel,
    // A pg_dump too old for the backup's version would fail only after the restore: say so now.
    async (plan) => {
      const engine = engineOf(plan.datastore.type)
      const advice = toolTooOld(engine, await findDumpTool(engine), plan.datastore.version)
      if (advice && engine === 'postgresql') throw new CheckFailure(advice)
    }
  )
  context.summary(
    uploadSummary(done.value.manifest, inputs.location.bucket, done.value.deleted, done.cleanup)
  )
}

async function mirrorFrom(
  context: CommandContext,
  client: S3Client,
  inputs: UploadInputs,
  upload: { id: string | undefined; key: string },
  signal: AbortSignal,
  source: DumpSource
): Promise<{ manifest: MirrorManifest; deleted: string[] }> {
  const engine = engineOf(source.instance.datastore?.type ?? '')
  const target: DbTarget = {
    engine,
    host: source.host,
    port: PORTS[engine],
    user: inputs.dbUser,
    password: inputs.dbPassword,
    databases: inputs.databases,
    tls: inputs.dbTls
  }
  const { bucket, prefix } = inputs.location
  const prepared = await context.group('Prepare the dump', async () => {
    const [info, tool] = await Promise.all([readDbInfo(target), findDumpTool(engine)])
    context.logger.info(
      `${tool.version} against ${engine} ${info.serverVersion}; databases: ${info.databases.join(', ')}`
    )
    const advice = toolTooOld(engine, tool, info.serverVersion)
    if (advice && engine === 'postgresql') throw new CheckFailure(advice)
    if (advice) context.warn(advice, 'Dump tool older than the server')
    return { info, tool }
  })

  const created = new Date(context.now())
  const objectKey = objectKeyFor(
    prefix,
    source.instance.name,
    created,
    source.backupId,
    extensionFor(engine, inputs.compression, inputs.recipients.length > 0)
  )
  const manifestKey = manifestKeyFor(objectKey)
  upload.key = objectKey
  // A hint for the part size: the data cannot be much larger than the instance's volume.
  const volumeBytes = (source.instance.volumeSizeGb ?? 0) * 1024 ** 3
  const partSize = choosePartSize(inputs.partSize, inputs.maxParts, volumeBytes)
  // A multipart upload's metadata is fixed when it starts, before the hash is known: the
  // sha256 goes in the manifest (and the manifest's metadata); HeadObject checks these fields.
  const metadata: Record<string, string> = {
    'dbaas-backup-action': 'mirror',
    'manifest-key': manifestKey,
    'source-instance': source.instance.id,
    'backup-id': source.backupId ?? 'live',
    datastore: `${engine} ${prepared.info.serverVersion}`,
    compression: `${inputs.compression}-${inputs.compressionLevel}`,
    encryption: inputs.recipients.length > 0 ? 'age' : 'none'
  }

  const started = context.now()
  const copy = await context.group(`Dump and upload to s3://${bucket}/${objectKey}`, async () => {
    let lastLog = started
    context.logger.info(
      `${prepared.tool.command} → ${inputs.compression}-${inputs.compressionLevel}` +
        (inputs.recipients.length > 0 ? ` → age (${inputs.recipients.length} recipient(s))` : '') +
        ` → ${formatBytes(partSize)} parts, ${inputs.concurrency} at once, at most ${inputs.maxParts}` +
        (inputs.bandwidthLimit ? `, capped at ${formatBytes(inputs.bandwidthLimit)}/s` : '')
    )
    return dumpToStore({
      client,
      bucket,
      objectKey,
      metadata,
      engine,
      target,
      databases: prepared.info.databases,
      tool: prepared.tool,
      compression: inputs.compression,
      level: inputs.compressionLevel,
      recipients: inputs.recipients,
      partSize,
      maxParts: inputs.maxParts,
      concurrency: inputs.concurrency,
      ...(inputs.bandwidthLimit && { bandwidthLimit: inputs.bandwidthLimit }),
      signal,
      onStarted: (id) => {
        upload.id = id
      },
      onPart: (part, bytes) => {
        if (part > 1 && context.now() - lastLog < 10_000) return
        lastLog = context.now()
        context.logger.info(`part ${part}: ${formatBytes(bytes)} stored`)
      }
    })
  })
  upload.id = undefined
  const seconds = (context.now() - started) / 1000

  const manifest: MirrorManifest = {
    schemaVersion: 1,
    tool: MANIFEST_TOOL,
    kind: 'mirror',
    objectKey,
    created: created.toISOString(),
    source: {
      kind: source.kind,
      instanceId: source.instance.id,
      instanceName: source.instance.name,
      backupId: source.backupId,
      backupCreated: source.backupCreated
    },
    datastore: { type: engine, version: prepared.info.serverVersion },
    dump: {
      tool: prepared.tool.command,
      toolVersion: prepared.tool.version,
      format: engine === 'postgresql' ? 'custom' : 'sql',
      databases: prepared.info.databases
    },
    compression: { algorithm: inputs.compression, level: inputs.compressionLevel },
    encryption:
      inputs.recipients.length > 0 ? { format: 'age', recipients: inputs.recipients } : null,
    sizes: { dumpBytes: copy.dumpBytes, storedBytes: copy.storedBytes },
    sha256: copy.sha256,
    upload: { parts: copy.parts, partSizeBytes: partSize, seconds: Math.round(seconds * 10) / 10 }
  }
  try {
    await context.group('Check the stored copy and write its manifest', async () => {
      const stored = await head(client, bucket, objectKey)
      const problems: string[] = []
      if (stored.ContentLength !== copy.storedBytes) {
        problems.push(`size ${stored.ContentLength} bytes, we sent ${copy.storedBytes}`)
      }
      for (const [name, value] of Object.entries(metadata)) {
        if (stored.Metadata?.[name] !== value)
          problems.push(`metadata ${name} is ${stored.Metadata?.[name] ?? 'missing'}`)
      }
      if (problems.length > 0)
        throw new CheckFailure(`The stored copy ${objectKey} is wrong: ${problems.join('; ')}`)
      await putJson(client, bucket, manifestKey, manifest, {
        sha256: copy.sha256,
        'object-key': objectKey
      })
      context.logger.info(
        `Stored ${formatBytes(copy.storedBytes)} in ${copy.parts} part(s), sha256 ${copy.sha256}`
      )
    })
  } catch (error) {
    // Without its manifest the copy is neither checkable nor ever removed by retention.
    await deleteKey(client, bucket, objectKey).catch(() => undefined)
    throw error
  }

  context.setOutput('object-key', objectKey)
  context.setOutput('manifest-key', manifestKey)
  context.setOutput('bytes', copy.storedBytes)
  context.setOutput('sha256', copy.sha256)
  context.setOutput('seconds', Math.round(seconds * 10) / 10)

  const deleted = await context.group('Retention', () =>
    applyRetention(
      client,
      bucket,
      prefix,
      source.instance.id,
      inputs.retention,
      new Date(context.now()),
      context.logger
    )
  )
  return { manifest, deleted }
}

async function verifyMirror(
  context: CommandContext,
  client: S3Client,
  inputs: VerifyCopyInputs
): Promise<void> {
  const { bucket, prefix } = inputs.location
  let objectKey = inputs.objectKey
  if (!objectKey) {
    const newest = (await listManifests(client, bucket, prefix))
      .filter(
        (e) =>
          !inputs.instance ||
          e.manifest.source.instanceName === inputs.instance ||
          e.manifest.source.instanceId === inputs.instance
      )
      .sort((a, b) => Date.parse(b.manifest.created) - Date.parse(a.manifest.created))[0]
    if (!newest)
      throw new CheckFailure(`No copy made by this action under s3://${bucket}/${prefix}`)
    objectKey = newest.manifest.objectKey
  }
  const check = await context.group(`Download and hash s3://${bucket}/${objectKey}`, () =>
    verifyCopy(client, bucket, objectKey)
  )
  context.setOutput('object-key', objectKey)
  context.setOutput('manifest-key', manifestKeyFor(objectKey))
  context.setOutput('bytes', check.bytes)
  context.setOutput('sha256', check.sha256)
  context.summary(verifySummary(objectKey, check.bytes, check.problems))
  if (check.problems.length > 0) {
    throw new CheckFailure(
      `Copy ${objectKey} does not match its manifest: ${check.problems.join('; ')}`
    )
  }
  context.logger.info(
    `Copy ${objectKey} matches its manifest (${formatBytes(check.bytes)}, sha256 ${check.sha256})`
  )
}
