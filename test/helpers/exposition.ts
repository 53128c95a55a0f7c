// A strict reader of the Prometheus text exposition format (0.0.4) for tests: every line must be
// a HELP, a TYPE or a sample, with the escapes the format defines, or it throws. Returns the
// samples with their labels unescaped, so a test can check that a name came through intact.

export interface ParsedSample {
  name: string
  labels: Record<string, string>
  value: number
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*'
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"'
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE}`
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?\\})? (\\S+)$`)
const HELP = new RegExp(`^# HELP (${NAME}) ((?:[^\\\\\\n]|\\\\[\\\\n])*)$`)
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`)

function unescape(text: string): string {
  return text.replace(/\\([\\"n])/g, (_m, c: string) => (c === 'n' ? '\n' : c))
}

export function parseExposition(text: string): {
  samples: ParsedSample[]
  types: Map<string, string>
} {
  if (text !== '' && !text.endsWith('\n')) throw new Error('the text does not end with a line feed')
  const samples: ParsedSample[] = []
  const types = new Map<string, string>()
  const helped = new Set<string>()
  for (const line of text.split('\n').slice(0, -1)) {
    const help = HELP.exec(line)
    if (help) {
      helped.add(help[1] as string)
      continue
    }
    const type = TYPE.exec(line)
    if (type) {
      if (types.has(type[1] as string)) throw new Error(`second TYPE for ${type[1]}`)
      types.set(type[1] as string, type[2] as string)
      continue
    }
    const sample = SAMPLE.exec(line)
    if (!sample) throw new Error(`not a line of the exposition format: ${JSON.stringify(line)}`)
    const name = sample[1] as string
    if (!types.has(name) || !helped.has(name)) throw new Error(`${name} has no HELP/TYPE before it`)
    const labels: Record<string, string> = {}
    for (const m of (sample[2] ?? '').matchAll(
      new RegExp(`([a-zA-Z_][a-zA-Z0-9_]*)=(${LABEL_VALUE})`, 'g')
    )) {
      labels[m[1] as string] = unescape((m[2] as string).slice(1, -1))
    }
    const raw = sample[3] as string
    const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw)
    if (Number.isNaN(value) && raw !== 'NaN')
      throw new Error(`bad value in ${JSON.stringify(line)}`)
    samples.push({ name, labels, value })
  }
  return { samples, types }
}
