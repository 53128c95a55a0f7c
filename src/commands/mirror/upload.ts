import type { S3Store } from '../../storage/s3-store.js'
import { dbTarget, engineOf } from '../../database/target.js'
import { CheckFailure } from '../../errors.js'
import { formatBytes } from '../../format/bytes.js'
import { checkSelectionForEngine, type DumpSelection } from '../../inputs/dump-selection.js'
import type { UploadInputs } from '../../inputs/mirror.js'
import type { Instance } from '../../openstack/index.js'
import { putJson } from '../../storage/objects.js'
import { choosePartSize } from '../../storage/part-size.js'
import { formatS3Uri } from '../../storage/s3-uri.js'
import type { CommandContext } from '../context.js'
import { readDbInfo } from './db-info.js'
import { findDumpTool, toolTooOld } from './dump.js'
import {
  extensionFor,
  manifestKeyFor,
  MANIFEST_TOOL,
  type MirrorManifest,
  objectKeyFor
} from './manifest.js'
import { applyRetention } from './store-retention.js'
import { dumpToStore } from './upload-copy.js'

/** Where the dump comes from, once it is reachable. */
export interface DumpSource {
  kind: 'restored' | 'live'
  instance: Instance
  host: string
  backupId: string | null
  backupCreated: string | null
}

/** The multipart upload in flight, so a cancellation can abort it. */
export interface UploadInFlight {
  id: string | undefined
  key: string
}

/**
 * mirror-action: upload, once the source is reachable: dump → compress → encrypt → multipart
 * upload → check the stored object → manifest → retention.
 */
export async function uploadCopy(
  context: CommandContext,
  client: S3Store,
  inputs: UploadInputs,
  upload: UploadInFlight,
  signal: AbortSignal,
  source: DumpSource
): Promise<{ manifest: MirrorManifest; deleted: string[]; dryRun: boolean }> {
  const engine = engineOf(source.instance.datastore?.type ?? '')
  checkSelectionForEngine(engine, inputs)
  const target = dbTarget(inputs, engine, source.host)
  const { bucket, prefix } = inputs.location
  const prepared = await context.group('Prepare the dump', async () => {
    const [info, tool] = await Promise.all([readDbInfo(target), findDumpTool(engine)])
    context.logger.info(
      `${tool.version} against ${engine} ${info.serverVersion}; databases: ${info.databases.join(', ')}`
    )
    const advice = toolTooOld(engine, tool, info.serverVersion)
    if (advice && engine === 'postgresql') throw new CheckFailure(advice)
    if (advice) context.warn(advice, 'Dump tool older than the server')
    const selection: DumpSelection = {
      databases: info.databases,
      schemas: inputs.schemas,
      excludeTables: inputs.excludeTables
    }
    if (selection.schemas.length > 0 || selection.excludeTables.length > 0) {
      context.logger.info(
        `schemas: ${selection.schemas.join(', ') || 'all'}; left out: ${selection.excludeTables.join(', ') || 'none'}`
      )
    }
    return { info, tool, selection }
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
  const copy = await context.group(
    `Dump and upload to ${formatS3Uri(bucket, objectKey)}`,
    async () => {
      let lastLog = started
      context.logger.info(
        `${prepared.tool.command} → ${inputs.compression}-${inputs.compressionLevel}` +
          (inputs.recipients.length > 0
            ? ` → age (${inputs.recipients.length} recipient(s))`
            : '') +
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
        selection: prepared.selection,
        tool: prepared.tool,
        quiescent: source.kind === 'restored',
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
    }
  )
  upload.id = undefined
  const counted = copy.rowCounts
  context.logger.info(
    `Row counts (${counted.exact ? 'exact' : 'not exact'}, ${counted.method}): ` +
      `${counted.tables.reduce((n, t) => n + t.rows, 0)} rows in ${counted.tables.length} table(s)`
  )
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
      backupCreated: source.backupCreated,
      ...(source.instance.datastore?.version && {
        datastoreVersion: source.instance.datastore.version
      }),
      ...(source.instance.flavorId && { flavorId: source.instance.flavorId }),
      ...(source.instance.volumeSizeGb !== undefined && {
        volumeSizeGb: source.instance.volumeSizeGb
      })
    },
    datastore: { type: engine, version: prepared.info.serverVersion },
    dump: {
      tool: prepared.tool.command,
      toolVersion: prepared.tool.version,
      format: engine === 'postgresql' ? 'custom' : 'sql',
      databases: prepared.info.databases,
      schemas: prepared.selection.schemas,
      excludeTables: prepared.selection.excludeTables
    },
    compression: { algorithm: inputs.compression, level: inputs.compressionLevel },
    encryption:
      inputs.recipients.length > 0 ? { format: 'age', recipients: inputs.recipients } : null,
    sizes: { dumpBytes: copy.dumpBytes, storedBytes: copy.storedBytes },
    sha256: copy.sha256,
    upload: { parts: copy.parts, partSizeBytes: partSize, seconds: Math.round(seconds * 10) / 10 },
    rowCounts: copy.rowCounts
  }
  try {
    await context.group('Check the stored copy and write its manifest', async () => {
      const stored = await client.head(bucket, objectKey)
      const problems: string[] = []
      if (stored.bytes !== copy.storedBytes) {
        problems.push(`size ${stored.bytes} bytes, we sent ${copy.storedBytes}`)
      }
      for (const [name, value] of Object.entries(metadata)) {
        if (stored.metadata[name] !== value)
          problems.push(`metadata ${name} is ${stored.metadata[name] ?? 'missing'}`)
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
    await client.delete(bucket, objectKey).catch(() => undefined)
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
      context.logger,
      inputs.dryRun,
      objectKey
    )
  )
  return { manifest, deleted, dryRun: inputs.dryRun }
}
