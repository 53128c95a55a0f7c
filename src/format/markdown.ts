/**
 * Markdown for job summaries. Every user or cloud string goes through `cell` or `text`, so a
 * backup named `a|b` or `<script>` cannot break the table or inject HTML.
 */
export function text(value: string): string {
  return value.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)
}

export function cell(value: string | number | undefined): string {
  if (value === undefined || value === '') return '—'
  return text(String(value)).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
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
