import type { Spelling } from '../../inputs/spelling.js'
import type { Verdict } from '../../policy/index.js'
import { table, text } from '../../format/markdown.js'
import { gapChart } from './chart.js'
import type { InstanceReport, ReportDocument } from './document.js'

/** Instances shown with their own section (and chart) in a report over many; the JSON has all. */
export const DETAILED_INSTANCES = 10

const ICON: Record<Verdict, string> = { ok: '✅', stale: '❌', none: '❌' }

/** The job summary: one section for one instance; a row each plus the worst in detail for many. */
export function reportSummary(doc: ReportDocument, spell: Spelling, reportPath: string): string {
  const limit = `${doc.policy.maxAgeHours} h + ${doc.policy.graceHours} h grace`
  const parts = [
    `## Backup report: ${ICON[doc.status]} ${doc.status}`,
    `Policy: newest COMPLETED backup younger than ${limit}; retention ${doc.policy.retentionDays} days; ` +
      `gaps and failures over the last ${doc.policy.gapWindowDays} days; expiry warning ${doc.policy.expiryWarningDays} days.`
  ]
  if (doc.instances.length === 0) {
    parts.push('The project has no instances.')
  } else if (doc.instances.length === 1) {
    parts.push(instanceSection(doc.instances[0] as InstanceReport, doc, spell, 3))
  } else {
    parts.push(overview(doc))
    // Findings first (the list is already worst first), then the rest, up to the cap.
    const limitHours = doc.policy.maxAgeHours + doc.policy.graceHours
    const detailed = [
      ...doc.instances.filter((i) => needsDetail(i, limitHours)),
      ...doc.instances.filter((i) => !needsDetail(i, limitHours))
    ].slice(0, DETAILED_INSTANCES)
    for (const instance of detailed) {
      const open = needsDetail(instance, limitHours) ? ' open' : ''
      parts.push(
        `<details${open}><summary>${ICON[instance.verdict]} ${text(instance.name)}</summary>\n\n` +
          `${instanceSection(instance, doc, spell)}\n\n</details>`
      )
    }
    const rest = doc.instances.length - detailed.length
    if (rest > 0) {
      parts.push(
        `${rest} more instance(s) have no findings beyond the table above; the report JSON has every backup.`
      )
    }
  }
  parts.push(`Report JSON: ${text(reportPath)}`)
  return parts.join('\n\n')
}

function overview(doc: ReportDocument): string {
  const t = doc.totals
  return [
    `${t.instances} instances: ${t.ok} ok, ${t.stale} stale, ${t.none} without a backup · ${t.backups} backups · ${t.sizeGb} GB`,
    '',
    table(
      [
        'instance',
        'verdict',
        'newest backup age (h)',
        'backups',
        'size (GB)',
        'largest gap (h)',
        'failed',
        'expiring',
        'past retention',
        'not restorable'
      ],
      doc.instances.map((i) => [
        i.name,
        `${ICON[i.verdict]} ${i.verdict}`,
        i.latestBackup?.ageHours,
        i.counts.total,
        i.sizeGb,
        i.largestGap?.hours,
        i.failedInWindow.length,
        i.expiringSoon.length,
        i.pastRetention.length,
        i.notRestorable.length
      ])
    )
  ].join('\n')
}

/** Anything worth a look: a bad verdict, a missed backup, a failure, a retention or restore issue. */
function needsDetail(i: InstanceReport, limitHours: number): boolean {
  return (
    i.verdict !== 'ok' ||
    i.failedInWindow.length > 0 ||
    i.pastRetention.length > 0 ||
    i.notRestorable.length > 0 ||
    (i.largestGap?.hours ?? 0) > limitHours
  )
}

/** One instance's table and chart; `level` adds a heading (inside <details> the summary is one). */
function instanceSection(
  i: InstanceReport,
  doc: ReportDocument,
  spell: Spelling,
  level?: number
): string {
  const p = doc.policy
  const latest = i.latestBackup
  const next = i.expiringSoon[0]
  const rows: (string | number | undefined)[][] = [
    ['verdict', `${ICON[i.verdict]} ${i.verdict}`],
    ['instance', `${i.name} (${i.id}) · ${i.instanceStatus} · ${datastoreOf(i)}`],
    [
      'newest COMPLETED backup',
      latest
        ? `${latest.name} (${latest.id}) · ${utc(latest.created)} · ${latest.ageHours} h ago`
        : 'none'
    ],
    [
      'backups',
      `${i.counts.total} (${i.counts.usable} usable, ${i.counts.failed} failed, ${i.counts.running} running, ${i.counts.other} other) · ${i.sizeGb} GB`
    ],
    [
      'oldest backup',
      i.oldestBackup ? `${utc(i.oldestBackup.created)} · ${i.oldestBackup.ageDays} days` : undefined
    ],
    [
      `largest gap (last ${p.gapWindowDays} days)`,
      i.largestGap
        ? `${i.largestGap.hours} h · ${utc(i.largestGap.from)} → ${i.largestGap.toNow ? 'now' : utc(i.largestGap.to)}`
        : undefined
    ],
    [
      `FAILED (last ${p.gapWindowDays} days)`,
      list(i.failedInWindow.map((b) => `${b.name} ${utc(b.created)}`))
    ],
    [
      `expiring within ${p.expiryWarningDays} days`,
      next ? `${i.expiringSoon.length} · next: ${next.name} on ${utc(next.expiresAt)}` : '0'
    ],
    [
      `older than the ${p.retentionDays}-day retention`,
      list(i.pastRetention.map((b) => `⚠️ ${b.name} (${b.ageDays} days)`))
    ],
    ['not restorable', unrestorable(i)]
  ]
  if (i.clockSkew.length > 0) {
    const ahead = Math.max(...i.clockSkew.map((b) => b.aheadSeconds))
    rows.push([
      'clock skew',
      `${i.clockSkew.length} backup(s) created up to ${ahead} s in the future (cloud clock ahead); counted as age 0`
    ])
  }
  const parts = [table(['', ''], rows)]
  if (level) parts.unshift(`${'#'.repeat(level)} ${ICON[i.verdict]} ${text(i.name)}`)
  if (i.notRestorable.length > 0) {
    parts.push(
      `> [!CAUTION]\n> ${i.notRestorable.length} COMPLETED backup(s) of ${text(i.name)} cannot be restored: ` +
        `the cloud no longer offers their datastore version. Take a fresh backup after upgrading, and export the data ` +
        `(e.g. ${spell.mode('mirror')}) if you must keep it.`
    )
  }
  const chart = gapChart(
    `${i.name}: hours between backups (last ${p.gapWindowDays} days)`,
    i.gaps,
    p.maxAgeHours + p.graceHours
  )
  parts.push(chart || '_No COMPLETED backup to chart._')
  return parts.join('\n\n')
}

function datastoreOf(i: InstanceReport): string {
  return i.datastore ? `${i.datastore} ${i.datastoreVersion ?? ''}`.trim() : 'datastore unknown'
}

/** `2026-11-25T01:00:00.000Z` → `2026-11-25 01:00 UTC` */
export function utc(isoTime: string): string {
  return `${isoTime.slice(0, 10)} ${isoTime.slice(11, 16)} UTC`
}

function list(items: string[], max = 5): string {
  if (items.length === 0) return '0'
  const shown = items.slice(0, max).join('; ')
  return items.length > max ? `${items.length}: ${shown}; …` : `${items.length}: ${shown}`
}

/** Grouped by reason: a retired version usually concerns dozens of backups at once. */
function unrestorable(i: InstanceReport): string {
  if (i.notRestorable.length === 0) return '0'
  const byReason = new Map<string, string[]>()
  for (const b of i.notRestorable)
    byReason.set(b.reason, [...(byReason.get(b.reason) ?? []), b.name])
  return [...byReason]
    .map(([reason, names]) => {
      const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '')
      return `🛑 ${names.length} (${reason}): ${shown}`
    })
    .join('; ')
}
