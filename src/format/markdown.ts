const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Markdown for job summaries. Every user or cloud string goes through `cell` or `text`, so a
 * backup named `a|b`, `<script>`, `![x](https://…)` or `**x**` renders as the text it is: HTML is
 * escaped as entities, markdown punctuation with a backslash, line breaks become spaces.
 */
export function text(value: string): string {
  return value
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[&<>]/g, (c) => ENTITIES[c] as string)
    .replace(/[\\`*_[\]!~#|]/g, '\\$&')
}

export function cell(value: string | number | undefined): string {
  if (value === undefined || value === '') return '—'
  return text(String(value))
}

export function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``
}

export function table(headers: string[], rows: (string | number | undefined)[][]): string {
  const head = `| ${headers.map((h) => (h === '' ? ' ' : cell(h))).join(' | ')} |`
  const rule = `| ${headers.map(() => '---').join(' | ')} |`
  const body = rows.map((row) => `| ${row.map(cell).join(' | ')} |`)
  return [head, rule, ...body].join('\n')
}

/** GitHub refuses step summaries over 1 MiB; keep well under it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024

export function fitSummary(markdown: string): string {
  if (Buffer.byteLength(markdown) <= SUMMARY_LIMIT_BYTES) return markdown
  const note =
    '\n\n_… summary cut to stay under GitHub’s 1 MiB limit; see the report JSON for everything._\n'
  let cut = markdown.slice(0, SUMMARY_LIMIT_BYTES - note.length)
  while (Buffer.byteLength(cut) > SUMMARY_LIMIT_BYTES - note.length) cut = cut.slice(0, -1024)
  return cut.slice(0, cut.lastIndexOf('\n')) + note
}
