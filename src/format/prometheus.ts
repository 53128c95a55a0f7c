// The Prometheus text exposition format (version 0.0.4), for node_exporter's textfile collector:
// `# HELP`, `# TYPE`, then one `name{label="value"} number` line per sample. Pure: the writer
// lives in evidence/. Names and label names are ours (checked, a bug throws); label values and
// help texts may come from a server or a user and are escaped as the format asks.

export interface Sample {
  labels: Record<string, string>
  value: number
}

export interface Gauge {
  /** `dbaas_backup_…`, with its unit as the suffix (`_seconds`, `_bytes`) per the naming rules. */
  name: string
  help: string
  samples: Sample[]
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/

/**
 * Label values: backslash, double quote and line feed are escaped — the only escapes the format
 * defines (a parser refuses any other, so a carriage return stays as it is: only `\n` ends a line).
 */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

/** HELP text: backslash and line feed are escaped (quotes are fine there). */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
}

/** Numbers as the format spells them: NaN, +Inf, -Inf, else the shortest exact decimal. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

function labelSet(labels: Record<string, string>): string {
  const entries = Object.entries(labels)
  if (entries.length === 0) return ''
  for (const [name] of entries) {
    if (!LABEL_NAME.test(name) || name.startsWith('__'))
      throw new RangeError(`"${name}" is not a label name`)
  }
  return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`
}

/**
 * Gauges as exposition text. A gauge without samples is left out (a metric with HELP and TYPE
 * but no sample says nothing). The same name twice, or the same labels twice within a gauge,
 * is a bug: Prometheus would refuse the whole file.
 */
export function formatGauges(gauges: readonly Gauge[]): string {
  const lines: string[] = []
  const names = new Set<string>()
  for (const gauge of gauges) {
    if (!METRIC_NAME.test(gauge.name)) throw new RangeError(`"${gauge.name}" is not a metric name`)
    if (names.has(gauge.name)) throw new RangeError(`metric ${gauge.name} is given twice`)
    names.add(gauge.name)
    if (gauge.samples.length === 0) continue
    lines.push(`# HELP ${gauge.name} ${escapeHelp(gauge.help)}`, `# TYPE ${gauge.name} gauge`)
    const seen = new Set<string>()
    for (const sample of gauge.samples) {
      const labels = labelSet(sample.labels)
      if (seen.has(labels)) throw new RangeError(`metric ${gauge.name}${labels} is given twice`)
      seen.add(labels)
      lines.push(`${gauge.name}${labels} ${formatValue(sample.value)}`)
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

/**
 * The value of one sample in exposition text we wrote earlier (same name, same labels in the
 * same order), or undefined. Lets a run carry a figure over from the previous file, e.g. the
 * last successful drill's time when this drill failed.
 */
export function findSample(
  text: string,
  name: string,
  labels: Record<string, string>
): number | undefined {
  const prefix = `${name}${labelSet(labels)} `
  for (const line of text.split('\n')) {
    if (!line.startsWith(prefix)) continue
    const raw = line.slice(prefix.length).trim()
    const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw)
    if (raw !== '' && (!Number.isNaN(value) || raw === 'NaN')) return value
  }
  return undefined
}
