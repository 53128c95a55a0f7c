/**
 * Markdown job summaries as plain text for a terminal: headings without #, tables as aligned
 * columns, <details> flattened, mermaid charts left out (the numbers are in the tables), HTML
 * entities and escapes undone.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (/^```/.test(line)) {
      // Skip fenced blocks (charts); a chart is no use as text.
      while (i + 1 < lines.length && !/^```/.test(lines[i + 1] as string)) i++
      i++
      continue
    }
    if (/^\|.*\|\s*$/.test(line)) {
      const rows: string[][] = []
      while (i < lines.length && /^\|.*\|\s*$/.test(lines[i] as string)) {
        const cells = splitRow(lines[i] as string)
        if (!cells.every((c) => /^:?-{3,}:?$/.test(c))) rows.push(cells.map(inline))
        i++
      }
      i--
      out.push(...alignTable(rows))
      continue
    }
    const text = inline(
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/<\/?details[^>]*>/g, '')
        .replace(/<summary>(.*?)<\/summary>/g, '$1')
    )
    out.push(text)
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function splitRow(line: string): string[] {
  // Split on | not preceded by a backslash (cells escape their pipes).
  return line
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim())
}

// Characters escaped with a backslash (format/markdown.ts) are set aside as private-use code
// points while emphasis and code marks are removed, so an escaped `_` or `*` stays as it is.
const ESCAPED = /\\([\\`*_[\]!~#|])/g
const SET_ASIDE = 0xe000

function inline(text: string): string {
  return text
    .replace(ESCAPED, (_m, c: string) => String.fromCharCode(SET_ASIDE + c.charCodeAt(0)))
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .replace(/(^|\W)_(\S.*?\S|\S)_(?=\W|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - SET_ASIDE))
}

function alignTable(rows: string[][]): string[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((c, j) => (widths[j] = Math.max(widths[j] ?? 0, [...c].length)))
  }
  return rows.map((row, r) => {
    const line = row
      .map((c, j) => c + ' '.repeat((widths[j] ?? 0) - [...c].length))
      .join('  ')
      .trimEnd()
    return r === 0 && rows.length > 1 ? `${line}\n${'-'.repeat(line.length)}` : line
  })
}
