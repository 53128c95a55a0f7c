import { describe, expect, test } from '@jest/globals'
import { evaluate, type Expectation, parseExpectation } from '../../../src/checks/expectation.js'

function parsed(text: string): Expectation {
  const e = parseExpectation(text)
  if (typeof e === 'string') throw new Error(`"${text}" did not parse: ${e}`)
  return e
}

describe('parseExpectation', () => {
  test.each([
    ['>= 1000', '>=', 1000],
    ['> 0', '>', 0],
    ['<= 5', '<=', 5],
    ['< 5', '<', 5],
    ['== 0', '==', 0],
    ['!= 0', '!=', 0],
    ['>=1000', '>=', 1000],
    ['  ==   -2.5  ', '==', -2.5],
    ['< 1e3', '<', 1000],
    ['> .5', '>', 0.5]
  ])('"%s" compares with %s %d', (text, op, value) => {
    expect(parsed(text)).toMatchObject({ kind: 'compare', op, value })
  })

  test.each([
    ['matches ^v[0-9]+$', '^v[0-9]+$', ''],
    ['matches   ok  ', 'ok', ''],
    ['matches /^ACTIVE$/i', '^ACTIVE$', 'i'],
    ['matches a b', 'a b', '']
  ])('"%s" is the regex %s with flags "%s"', (text, source, flags) => {
    const e = parsed(text)
    expect(e.kind).toBe('matches')
    if (e.kind === 'matches') {
      expect(e.regex.source).toBe(source)
      expect(e.regex.flags).toBe(flags)
    }
  })

  test.each([
    ['', /unknown expectation ""/],
    ['1000', /unknown expectation "1000"/],
    ['=> 5', /unknown expectation/],
    ['= 5', /unknown expectation/],
    ['>= lots', /">=" needs a number after it, got "lots"/],
    ['==', /"==" needs a number after it, got ""/],
    ['>= 5 rows', /needs a number/],
    ['matches', /"matches" needs a regular expression/],
    ['matches   ', /"matches" needs a regular expression/],
    ['matches ([a-z]', /"matches" has an invalid regular expression/],
    ['MATCHES x', /unknown expectation/],
    ['contains x', /unknown expectation/]
  ])('"%s" is refused: %s', (text, why) => {
    const e = parseExpectation(text)
    expect(typeof e).toBe('string')
    expect(e).toMatch(why)
  })
})

describe('evaluate', () => {
  const row = (value: unknown): [number, unknown[][]] => [1, [[value]]]

  test.each<[string, unknown, boolean, string]>([
    ['>= 1000', 1000, true, 'got 1000, >= 1000'],
    ['>= 1000', 999, false, 'got 999, expected >= 1000'],
    ['> 0', '1', true, 'got 1, > 0'], // PostgreSQL bigint arrives as text
    ['> 0', 5n, true, 'got 5, > 0'],
    ['== 0', '0', true, 'got 0, == 0'],
    ['== 10', '10.00', true, 'got 10.00, == 10'], // DECIMAL text compares numerically
    ['!= 0', 0, false, 'got 0, expected != 0'],
    ['< 5', 4.5, true, 'got 4.5, < 5'],
    ['<= 5', 5, true, 'got 5, <= 5'],
    ['== 1', true, true, 'got true, == 1'],
    ['== 0', false, true, 'got false, == 0'],
    ['>= 1', 'many', false, 'got "many", not a number (expected >= 1)'],
    ['matches ^v[0-9]+$', 'v15', true, 'got "v15", matches ^v[0-9]+$'],
    ['matches ^v[0-9]+$', 'x15', false, 'got "x15", expected matches ^v[0-9]+$'],
    ['matches ^15', 15.4, true, 'got 15.4, matches ^15'],
    [
      'matches ^2026-',
      new Date('2026-11-25T10:00:00Z'),
      true,
      'got "2026-11-25T10:00:00.000Z", matches ^2026-'
    ],
    ['matches ^abc$', Buffer.from('abc'), true, 'got "abc", matches ^abc$']
  ])('%s on %p → %s', (text, value, passed, detail) => {
    const [columns, rows] = row(value)
    expect(evaluate(parsed(text), columns, rows)).toEqual({ passed, detail })
  })

  test('only the first column of the first row counts', () => {
    expect(
      evaluate(parsed('== 1'), 2, [
        [1, 99],
        [2, 3]
      ])
    ).toEqual({ passed: true, detail: 'got 1, == 1' })
  })

  test('a missing row, NULL or no result set fail with a clear detail', () => {
    expect(evaluate(parsed('== 0'), 1, [])).toEqual({
      passed: false,
      detail: 'no row returned (expected == 0)'
    })
    expect(evaluate(parsed('== 0'), 1, [[null]])).toEqual({
      passed: false,
      detail: 'got NULL (expected == 0)'
    })
    expect(evaluate(parsed('matches x'), 0, [])).toEqual({
      passed: false,
      detail: 'the statement returned no result set'
    })
  })

  test('a long value is cut short in the detail', () => {
    const { detail } = evaluate(parsed('matches ^z'), 1, [['a'.repeat(500)]])
    expect(detail.length).toBeLessThan(120)
    expect(detail).toContain('…')
  })
})
