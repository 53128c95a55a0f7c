import type { InputMeta } from '../../inputs/catalog.js'
import { InputError } from '../../errors.js'
import { type Mode, MODES } from '../../inputs/mode.js'

export interface CliArgs {
  /** '' when not given (then only --help makes sense). */
  mode: Mode | ''
  /** Input values by action input name, as given. */
  values: Record<string, string>
  json: boolean
  help: boolean
  verbose: boolean
}

/** Flags of the CLI itself, not action inputs. */
const OWN_FLAGS = ['json', 'help', 'verbose'] as const

/**
 * `dbaas-backup <mode> [--flag value | --flag=value | --bool | --no-bool]…`. Every action input
 * is a flag of the same name; booleans (inputs whose default is true/false) take no value unless
 * given with `=`. Anything unknown is bad input (exit 2), named with a hint.
 */
export function parseArgs(argv: string[], inputs: readonly InputMeta[]): CliArgs {
  const byName = new Map(inputs.map((i) => [i.name, i]))
  const args: CliArgs = { mode: '', values: {}, json: false, help: false, verbose: false }
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '-h') {
      args.help = true
      continue
    }
    if (!arg.startsWith('--')) {
      positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    let name = eq < 0 ? arg.slice(2) : arg.slice(2, eq)
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1)
    if ((OWN_FLAGS as readonly string[]).includes(name)) {
      const on = value === undefined ? true : parseBool(`--${name}`, value)
      args[name as (typeof OWN_FLAGS)[number]] = on
      continue
    }
    if (name.startsWith('no-') && byName.get(name.slice(3))?.boolean) {
      if (value !== undefined) throw flagError(arg, 'takes no value')
      name = name.slice(3)
      value = 'false'
    }
    const input = byName.get(name)
    if (!input) throw flagError(arg, `is not a flag; ${suggest(name, inputs)}`)
    if (value === undefined) {
      if (input.boolean) value = 'true'
      else {
        const next = argv[i + 1]
        if (next === undefined || (next.startsWith('--') && next.length > 2)) {
          throw flagError(arg, 'needs a value')
        }
        value = next
        i++
      }
    }
    args.values[name] = value
  }
  const mode = args.values.mode ?? positional.shift() ?? ''
  delete args.values.mode
  if (positional.length > 0) {
    throw new InputError('mode', `unexpected argument "${positional[0]}"; flags start with --`)
  }
  if (mode !== '' && !(MODES as readonly string[]).includes(mode)) {
    throw new InputError('mode', `"${mode}" is not a mode; use one of: ${MODES.join(', ')}`)
  }
  args.mode = mode as Mode | ''
  return args
}

function parseBool(flag: string, value: string): boolean {
  if (['true', 'yes', '1', 'on'].includes(value.toLowerCase())) return true
  if (['false', 'no', '0', 'off'].includes(value.toLowerCase())) return false
  throw flagError(flag, `"${value}" is not a boolean; use true or false`)
}

function flagError(flag: string, problem: string): InputError {
  // Never echo a value: `--password=hunter2` must not come back in the message.
  const shown = flag.includes('=') ? `${flag.slice(0, flag.indexOf('='))}=…` : flag
  return new InputError(shown, problem)
}

function suggest(name: string, inputs: readonly InputMeta[]): string {
  const close = inputs
    .map((i) => i.name)
    .filter((n) => n.includes(name) || name.includes(n) || distance(n, name) <= 2)
    .slice(0, 3)
  return close.length > 0
    ? `did you mean ${close.map((n) => `--${n}`).join(', ')}? (dbaas-backup --help lists all)`
    : 'dbaas-backup --help lists all flags'
}

/** Levenshtein distance, for "did you mean" on typos. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      next.push(
        Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost)
      )
    }
    row = next
  }
  return row[b.length] as number
}
