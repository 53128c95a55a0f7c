import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readChecksFile } from '../../../src/checks/checks-file.js'
import { InputError } from '../../../src/errors.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'checks-file-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
function file(content: string, ext = 'yml'): string {
  const name = path.join(dir, `checks-${++n}.${ext}`)
  writeFileSync(name, content)
  return name
}

/** The InputError readChecksFile throws, or a test failure. */
function refusal(name: string): InputError {
  try {
    readChecksFile(name)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('checks-file')
    return error as InputError
  }
  throw new Error('readChecksFile accepted the file')
}

describe('readChecksFile reads', () => {
  test('YAML with every field, defaults filled in', () => {
    const name = file(`
checks:
  - name: orders exist
    sql: SELECT count(*) FROM orders
    expect: '>= 1000'
  - name: schema version
    database: app
    sql: |
      SELECT version FROM schema_migrations
      ORDER BY version DESC LIMIT 1
    expect: matches ^2026
    timeout: 2m
  - name: no orphans
    sql: SELECT count(*) FROM lines l LEFT JOIN orders o ON o.id = l.order_id WHERE o.id IS NULL
    expect: == 0
    timeout: 30s
`)
    expect(readChecksFile(name)).toEqual([
      {
        name: 'orders exist',
        sql: 'SELECT count(*) FROM orders',
        expect: '>= 1000',
        timeoutMs: 60_000
      },
      {
        name: 'schema version',
        database: 'app',
        sql: 'SELECT version FROM schema_migrations\nORDER BY version DESC LIMIT 1',
        expect: 'matches ^2026',
        timeoutMs: 120_000
      },
      {
        name: 'no orphans',
        sql: 'SELECT count(*) FROM lines l LEFT JOIN orders o ON o.id = l.order_id WHERE o.id IS NULL',
        expect: '== 0',
        timeoutMs: 30_000
      }
    ])
  })

  test('JSON by its extension, .yaml too', () => {
    const checks = { checks: [{ name: 'a', sql: 'SELECT 1', expect: '!= 0', timeout: '5s' }] }
    const expected = [{ name: 'a', sql: 'SELECT 1', expect: '!= 0', timeoutMs: 5_000 }]
    expect(readChecksFile(file(JSON.stringify(checks), 'json'))).toEqual(expected)
    expect(readChecksFile(file(JSON.stringify(checks), 'yaml'))).toEqual(expected) // JSON is YAML
  })
})

describe('readChecksFile refuses, naming the file, the entry and what is allowed', () => {
  test('a file that does not exist', () => {
    expect(refusal(path.join(dir, 'missing.yml')).message).toMatch(
      /^Input "checks-file": ".*missing\.yml" does not exist \(looked in \/.*missing\.yml; did you check out the repository\?\)$/
    )
  })

  test('a directory', () => {
    const sub = path.join(dir, 'sub.yml')
    mkdirSync(sub)
    expect(refusal(sub).message).toMatch(/"\S*sub\.yml" is not a file/)
  })

  test('another extension', () => {
    expect(refusal(file('checks: []', 'txt')).message).toMatch(
      /"\S*\.txt" must be a \.yml, \.yaml or \.json file/
    )
  })

  test('invalid JSON', () => {
    expect(refusal(file('{"checks": [', 'json')).message).toMatch(/is not valid JSON: /)
  })

  test('invalid YAML, with its position', () => {
    expect(refusal(file('checks:\n  - name: [a\n')).message).toMatch(
      /is not valid YAML \(line \d+, column \d+\): /
    )
  })

  test.each([
    ['expect: >= 1000', /Block scalar header/],
    ['expect: != 0', /Unresolved tag: !=/]
  ])('an unquoted "%s" (YAML would misread it) with the advice to quote', (line, why) => {
    const message = refusal(file(`checks:\n  - name: a\n    sql: SELECT 1\n    ${line}\n`)).message
    expect(message).toMatch(why)
    expect(message).toContain(`must be quoted, e.g. expect: '>= 1000'`)
  })

  test('duplicate keys', () => {
    expect(refusal(file('checks: []\nchecks: []\n')).message).toMatch(/Map keys must be unique/)
  })

  test.each([
    ['an empty file', ''],
    ['a list at the top', '- name: a\n'],
    ['no checks key', 'check:\n  - name: a\n'],
    ['checks not a list', 'checks: {name: a}\n']
  ])('%s', (_, content) => {
    expect(refusal(file(content)).message).toMatch(
      /must hold a "checks" list, e\.g\. checks: \[\{ name, sql, expect \}\]$/
    )
  })

  test('unknown top-level keys', () => {
    expect(
      refusal(file('checks:\n  - {name: a, sql: x, expect: "== 1"}\nversion: 2\n')).message
    ).toMatch(/has unknown key\(s\) "version"; allowed: "checks"$/)
  })

  test('an empty list', () => {
    expect(refusal(file('checks: []\n')).message).toMatch(
      /lists no checks; add one or remove the input$/
    )
  })

  const entry = (fields: string) =>
    file(`checks:\n  - {name: ok, sql: SELECT 1, expect: "== 1"}\n  - ${fields}\n`)

  test.each<[string, string, RegExp]>([
    [
      'not a mapping',
      'just text',
      /checks\[1\] must be a mapping with name, sql and expect \(got a string\)$/
    ],
    ['null', '~', /checks\[1\] must be a mapping .* \(got null\)$/],
    ['a list', '[1, 2]', /checks\[1\] must be a mapping .* \(got a list\)$/],
    [
      'an unknown key',
      '{name: b, sql: x, expect: "== 1", timout: 5s}',
      /checks\[1\] \("b"\): unknown key\(s\) "timout"; allowed: "name", "sql", "expect", "database", "timeout"$/
    ],
    [
      'no name',
      '{sql: x, expect: "== 1"}',
      /checks\[1\]: "name" is required: a non-empty text that names the check$/
    ],
    ['a blank name', '{name: "  ", sql: x, expect: "== 1"}', /checks\[1\]: "name" is required/],
    ['a numeric name', '{name: 5, sql: x, expect: "== 1"}', /checks\[1\]: "name" is required/],
    [
      'no sql',
      '{name: b, expect: "== 1"}',
      /checks\[1\] \("b"\): "sql" is required: a non-empty SQL query$/
    ],
    ['blank sql', '{name: b, sql: " ", expect: "== 1"}', /\("b"\): "sql" is required/],
    [
      'no expect',
      '{name: b, sql: x}',
      /\("b"\): "expect" is required: one of ">= N", "> N", "<= N", "< N", "== N", "!= N" \(N a number\) or "matches <regex>"$/
    ],
    ['a numeric expect', '{name: b, sql: x, expect: 5}', /\("b"\): "expect" is required: one of/],
    [
      'a bad expect',
      '{name: b, sql: x, expect: "about 5"}',
      /\("b"\): "expect": unknown expectation "about 5"; allowed: ">= N", .* or "matches <regex>"$/
    ],
    [
      'a bad number',
      '{name: b, sql: x, expect: ">= many"}',
      /\("b"\): "expect": ">=" needs a number after it, got "many"; allowed: /
    ],
    [
      'a bad regex',
      '{name: b, sql: x, expect: "matches (["}',
      /\("b"\): "expect": "matches" has an invalid regular expression: .*; allowed: /
    ],
    [
      'a numeric database',
      '{name: b, sql: x, expect: "== 1", database: 5}',
      /\("b"\): "database" must be a database name \(text\)$/
    ],
    [
      'an empty database',
      '{name: b, sql: x, expect: "== 1", database: ""}',
      /\("b"\): "database" must be a database name/
    ],
    [
      'a bare-number timeout',
      '{name: b, sql: x, expect: "== 1", timeout: 30}',
      /\("b"\): "timeout" must be a duration like "30s" or "5m", from 1s to 1h \(got 30\)$/
    ],
    [
      'a bad timeout',
      '{name: b, sql: x, expect: "== 1", timeout: soon}',
      /\("b"\): "timeout" must be a duration .* \(got "soon"\)$/
    ],
    [
      'a timeout too short',
      '{name: b, sql: x, expect: "== 1", timeout: 500ms}',
      /\("b"\): "timeout" must be .* from 1s to 1h \(got 500ms\)$/
    ],
    [
      'a timeout too long',
      '{name: b, sql: x, expect: "== 1", timeout: 2h}',
      /\("b"\): "timeout" must be .* \(got 2h\)$/
    ],
    [
      'a duplicate name',
      '{name: ok, sql: x, expect: "== 1"}',
      /checks\[1\] \("ok"\): the name is used twice; names must be unique$/
    ]
  ])('an entry with %s', (_, fields, why) => {
    const name = entry(fields)
    const message = refusal(name).message
    expect(message.startsWith(`Input "checks-file": "${name}" checks[1]`)).toBe(true)
    expect(message).toMatch(why)
  })
})
