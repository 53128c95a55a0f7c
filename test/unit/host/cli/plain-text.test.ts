import { expect, test } from '@jest/globals'
import { markdownToText } from '../../../../src/host/cli/plain-text.js'

test('a markdown summary reads as plain text: headings, aligned tables, no charts', () => {
  const md = [
    '## Backup report: ✅ ok',
    '',
    '| Instance | Verdict |',
    '| --- | --- |',
    '| `shop-db` | **ok** |',
    '| a\\|b &lt;x&gt; | stale |',
    '',
    '```mermaid',
    'xychart-beta',
    '```',
    '<details open><summary>✅ shop-db</summary>',
    '',
    '_note_',
    '</details>'
  ].join('\n')
  expect(markdownToText(md)).toBe(
    [
      'Backup report: ✅ ok',
      '',
      'Instance  Verdict',
      '-----------------',
      'shop-db   ok',
      'a|b <x>   stale',
      '',
      '✅ shop-db',
      '',
      'note'
    ].join('\n')
  )
})

test('escaped names come back as they were, emphasis marks and all', async () => {
  const { table } = await import('../../../../src/format/markdown.js')
  const name = 'evil_db *x* ![t](u) a|b'
  expect(markdownToText(table(['name'], [[name]]))).toBe(`name\n----\n${name}`)
})
