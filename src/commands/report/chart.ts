import type { Gap } from '../../policy/index.js'

/**
 * A mermaid bar chart of the hours between consecutive backups over the gap window, with the
 * policy's limit as a line: daily backups are a row of even ~24 h bars, a missed day is one bar
 * twice as tall, and the last bar ("now") is the age of the newest backup. GitHub renders
 * mermaid in job summaries.
 */
export function gapChart(title: string, gaps: readonly Gap[], limitHours: number): string {
  if (gaps.length === 0) return ''
  const labels = uniqueLabels(gaps.map((g) => (g.toNow ? 'now' : g.to.slice(5, 10))))
  const hours = gaps.map((g) => g.hours.toFixed(1))
  const top = Math.ceil(Math.max(limitHours, ...gaps.map((g) => g.hours)) * 1.1)
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidText(title)}"`,
    `  x-axis "backup (UTC day)" [${labels.map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "hours since the previous backup" 0 --> ${top}`,
    `  bar [${hours.join(', ')}]`,
    `  line [${gaps.map(() => limitHours.toFixed(1)).join(', ')}]`,
    '```'
  ].join('\n')
}

/** Two backups on one day (a manual one next to the automatic one) get distinct labels. */
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>()
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1
    seen.set(label, n)
    return n === 1 ? label : `${label} #${n}`
  })
}

/** Instance names are user strings: keep only what cannot break out of a quoted mermaid label. */
export function mermaidText(value: string): string {
  return value.replace(/[^\p{L}\p{N} ._:/()+-]/gu, '_').slice(0, 80)
}
