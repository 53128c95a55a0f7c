import { describe, expect, test } from '@jest/globals'
import { cell, text } from '../../../src/format/markdown.js'
import { safeLine, safeLines } from '../../../src/format/text.js'

describe('a log line of outside text never becomes a workflow command', () => {
  test.each([
    [
      'busy\n::set-output name=count::999\n::stop-commands::pwn',
      'busy ::set-output name=count::999 ::stop-commands::pwn'
    ],
    ['ok\r::warning::CR from a database row', 'ok ::warning::CR from a database row'],
    ['::error::at the start', ': :error::at the start'],
    ['  ::add-mask::indented', '  : :add-mask::indented'],
    ['##[set-output name=x;]legacy', '# #[set-output name=x;]legacy'],
    ['a\u2028b\u0085c', 'a b c'],
    ['colour \u001b[31mred\u001b[0m', 'colour \\x1b[31mred\\x1b[0m'],
    ['bell\u0007 and tab\tkept', 'bell\\x07 and tab\tkept']
  ])('%j → %j', (input, expected) => {
    expect(safeLine(input)).toBe(expected)
  })

  test('several lines each lose their command start, CR included', () => {
    expect(safeLines('first\r::warning::x\n##[debug]y\r\nlast')).toBe(
      'first\n: :warning::x\n# #[debug]y\nlast'
    )
  })
})

describe('summary text renders as the text it is', () => {
  test.each([
    ['![t](https://evil.example/p.png)', '\\!\\[t\\](https://evil.example/p.png)'],
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['**bold** _em_ `code` ~~del~~', '\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['a|b', 'a\\|b'],
    ['line\nbreak', 'line break'],
    ['# heading', '\\# heading']
  ])('%j → %j', (input, expected) => {
    expect(text(input)).toBe(expected)
    expect(cell(input)).toBe(expected)
  })
})
