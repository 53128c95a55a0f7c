import { formatS3Uri } from '../../storage/s3-uri.js'
import { code, table, text } from '../../format/markdown.js'
import type { MirrorManifest } from './manifest.js'
import { formatBytes } from '../../format/bytes.js'

export function uploadSummary(
  manifest: MirrorManifest,
  bucket: string,
  deleted: string[],
  cleanup: string | undefined,
  dryRun = false
): string {
  const seconds = manifest.upload.seconds
  const rate = seconds > 0 ? manifest.sizes.dumpBytes / seconds / 1e6 : 0
  const rows = [
    [
      formatS3Uri(bucket, manifest.objectKey),
      `${manifest.source.instanceName} (${manifest.source.kind}${manifest.source.backupId ? `, backup ${manifest.source.backupId}` : ''})`,
      formatBytes(manifest.sizes.dumpBytes),
      formatBytes(manifest.sizes.storedBytes),
      `${seconds.toFixed(1)} s`,
      `${rate.toFixed(1)} MB/s`,
      manifest.encryption ? `age (${manifest.encryption.recipients.length})` : 'none',
      manifest.sha256.slice(0, 16) + '…'
    ]
  ]
  const lines = [
    '## Off-site mirror',
    '',
    table(['copy', 'source', 'dump', 'stored', 'time', 'throughput', 'encryption', 'sha256'], rows),
    ''
  ]
  if (cleanup) lines.push(`Temporary instance: ${text(cleanup)}`, '')
  if (deleted.length > 0) {
    const verb = dryRun ? 'would delete (dry-run)' : 'deleted'
    lines.push(`Retention ${verb} ${deleted.length}: ${deleted.map(code).join(', ')}`, '')
  }
  return lines.join('\n')
}

export function verifySummary(objectKey: string, bytes: number, problems: string[]): string {
  const verdict = problems.length === 0 ? '✅ matches its manifest' : `❌ ${problems.join('; ')}`
  return [
    '## Off-site mirror check',
    '',
    table(['copy', 'size', 'result'], [[objectKey, formatBytes(bytes), verdict]]),
    ''
  ].join('\n')
}
