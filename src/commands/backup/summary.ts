import type { Backup, Instance } from '../../openstack/index.js'
import { formatElapsed } from '../../format/duration.js'
import { cell, table } from '../../format/markdown.js'

export interface BackupOutcome {
  instance: Instance
  backup: Backup
  reused: boolean
  durationMs: number
  waited: boolean
}

export function backupSummary(outcome: BackupOutcome, now: number): string {
  const { backup, instance } = outcome
  const verdict = outcome.reused
    ? '♻️ Reused a recent backup'
    : backup.status === 'COMPLETED'
      ? '✅ Backup completed'
      : `⏳ Backup started (${backup.status})`
  const ageMs = now - backup.created.getTime()
  const rows: (string | number | undefined)[][] = [
    ['Instance', `${instance.name} (${instance.id})`],
    [
      'Datastore',
      instance.datastore ? `${instance.datastore.type} ${instance.datastore.version}` : undefined
    ],
    ['Backup', `${backup.name} (${backup.id})`],
    ['Status', backup.status],
    ['Size', backup.sizeGb !== undefined ? `${backup.sizeGb} GB` : undefined],
    ['Created (UTC)', backup.created.toISOString()],
    outcome.reused ? ['Age', formatElapsed(ageMs)] : ['Took', formatElapsed(outcome.durationMs)],
    ['Type', backup.parentId ? `incremental (parent ${backup.parentId})` : 'full']
  ]
  return [`### ${cell(verdict)}: ${cell(instance.name)}`, '', table(['', ''], rows)].join('\n')
}
