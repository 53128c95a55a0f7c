import { describe, expect, test } from '@jest/globals'
import { parseArgs } from '../../../../src/host/cli/args.js'
import { ACTION_META } from '../../../../src/inputs/catalog.js'
import { InputError } from '../../../../src/errors.js'

const parse = (...argv: string[]) => parseArgs(argv, ACTION_META.inputs)

describe('CLI flag parsing', () => {
  test('the mode comes first; flags take the next word or =value', () => {
    const args = parse('report', '--instance', 'shop-db', '--max-age=12h')
    expect(args.mode).toBe('report')
    expect(args.values).toEqual({ instance: 'shop-db', 'max-age': '12h' })
    expect(args.json).toBe(false)
  })

  test('--mode works as well as the positional mode', () => {
    expect(parse('--mode', 'sweep', '--ttl', '2h').mode).toBe('sweep')
  })

  test('booleans: --wait, --no-wait and --wait=false', () => {
    expect(parse('backup', '--wait').values.wait).toBe('true')
    expect(parse('backup', '--no-wait').values.wait).toBe('false')
    expect(parse('backup', '--wait=false').values.wait).toBe('false')
    // A boolean does not swallow the next flag or word.
    const args = parse('backup', '--incremental', '--instance', 'db')
    expect(args.values).toEqual({ incremental: 'true', instance: 'db' })
  })

  test('--json, --verbose and -h/--help are the CLI’s own flags', () => {
    const args = parse('list', '--json', '--verbose', '-h')
    expect([args.json, args.verbose, args.help]).toEqual([true, true, true])
    expect(parse('--help').mode).toBe('')
  })

  test('--version and -V are the CLI’s own flags; --json=false and --no-json turn --json off', () => {
    expect(parse('--version').version).toBe(true)
    expect(parse('-V').version).toBe(true)
    expect(parse('report').version).toBe(false)
    expect(parse('list', '--json=false').json).toBe(false)
    expect(parse('list', '--json', '--no-json').json).toBe(false)
  })

  test('a value may start with a dash when given with =', () => {
    expect(parse('report', '--instance=-odd-name').values.instance).toBe('-odd-name')
    expect(() => parse('report', '--instance', '-odd-name')).toThrow(
      /"--instance": needs a value \(one that starts with "-" goes as --instance=…\)/
    )
  })

  test('a short flag other than -h and -V is named as the flag, not blamed on the mode', () => {
    expect(() => parse('report', '-i', 'a')).toThrow(/Input "-i": is not a flag; flags are long/)
  })

  test('after --, everything is an argument', () => {
    expect(() => parse('report', '--', '--instance')).toThrow(/unexpected argument "--instance"/)
  })

  test('an unknown flag is bad input, with a suggestion for a typo', () => {
    expect(() => parse('report', '--max-agee', '1h')).toThrow(InputError)
    expect(() => parse('report', '--max-agee', '1h')).toThrow(
      /Input "--max-agee": is not a flag; did you mean --max-age/
    )
    expect(() => parse('report', '--frobnicate')).toThrow(/dbaas-backup --help lists all flags/)
  })

  test('never echoes the value of a bad flag (it may be a secret)', () => {
    expect(() => parse('report', '--pasword=hunter2')).toThrow(InputError)
    try {
      parse('report', '--pasword=hunter2')
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2')
      expect((error as Error).message).toContain('--pasword=…')
    }
  })

  test('a flag without its value, an unknown mode and a stray word are bad input', () => {
    expect(() => parse('report', '--instance')).toThrow(/"--instance": needs a value/)
    expect(() => parse('report', '--instance', '--max-age', '1h')).toThrow(/needs a value/)
    expect(() => parse('snapshot')).toThrow(/"snapshot" is not a mode/)
    expect(() => parse('report', 'shop-db')).toThrow(/unexpected argument "shop-db"/)
    expect(() => parse('backup', '--no-instance')).toThrow(InputError)
    expect(() => parse('backup', '--no-wait=true')).toThrow(/takes no value/)
    expect(() => parse('backup', '--no-instance')).toThrow(
      /"--no-instance": is not a flag: --instance takes a value/
    )
    // A boolean input's text is checked by its reader, which names the input.
    expect(parse('backup', '--wait=maybe').values.wait).toBe('maybe')
    expect(() => parse('list', '--json=maybe')).toThrow(/"--json=…": "maybe" is not a boolean/)
    // The last of a repeated flag wins.
    expect(parse('backup', '--wait=false', '--wait').values.wait).toBe('true')
    expect(parse('backup', '--wait', '--no-wait').values.wait).toBe('false')
  })

  test('every input of action.yml is a flag', () => {
    for (const input of ACTION_META.inputs.filter((i) => i.name !== 'mode')) {
      const args = parse('report', `--${input.name}=x`)
      expect(args.values[input.name]).toBe('x')
    }
  })
})
