import { type CopyFigures, instanceLabels, mirrorGauges } from '../../evidence/index.js'
import type { CommandContext } from '../context.js'
import type { MirrorManifest } from './manifest.js'
import { publishMetrics } from '../metrics-output.js'

/** The figures of a copy from its manifest: when made, how current its data, how big. */
export function copyFigures(
  manifest: MirrorManifest,
  action: 'upload' | 'verify',
  passed: boolean
): CopyFigures {
  const created = Date.parse(manifest.created)
  const data = manifest.source.backupCreated ? Date.parse(manifest.source.backupCreated) : created
  return {
    labels: instanceLabels(manifest.source.instanceName, manifest.source.instanceId),
    action,
    passed,
    createdMs: created,
    dataMs: data,
    bytes: manifest.sizes.storedBytes,
    ...(action === 'upload' && { uploadSeconds: manifest.upload.seconds })
  }
}

/** metrics-file for mirror; monitoring is not the copy, so a write error is a warning. */
export async function writeMirrorMetrics(
  context: CommandContext,
  file: string | undefined,
  figures: CopyFigures
): Promise<void> {
  if (!file) return
  await publishMetrics(context, file, (previous) => mirrorGauges(figures, context.now(), previous))
}
