import { parseArgs as parseArgv, type ParseArgsOptionsConfig } from 'node:util'
import type { InputMeta } from '../../inputs/catalog.js'
import { InputError } from '../../errors.js'
import { type Mode, MODES } from '../../inputs/mode.js'

export interface CliArgs {
  /** '' when not given (then only --help and --version make sense). */
  mode: Mode | ''
  /** Input values by action input name, as given. */
  values: Record<string, string>
  json: boolean
  help: boolean
  verbose: boolean
  version: boolean
  /** `--os-cloud <name>`: a cloud of clouds.yaml (clouds-yaml.ts). */
  osCloud?: string
}

/** Boolean flags of the CLI itself, not action inputs. */
const OWN_FLAGS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean' },
  version: { type: 'boolean', short: 'V' }
} as const satisfies ParseArgsOptionsConfig

/** Flags of the CLI itself that take a value. */
const OWN_OPTIONS = {
  'os-cloud': { type: 'string' }
} as const satisfies ParseArgsOptionsConfig

/**
 * `dbaas-backup <mode> [--flag value | --flag=value | --bool | --no-bool]…`, parsed by
 * node:util's parseArgs (strict). The options come from the input catalogue: every action input
 * is a string flag of the same name, except booleans (inputs whose default is true/false), which
 * take no value and have a `--no-` form. `--bool=false` is also accepted: it is rewritten to
 * `--no-bool` first, because parseArgs refuses a value on a boolean. Anything unknown is bad
 * input (exit 2), named with a hint and never with its value (it may be a secret).
 */
export function parseArgs(argv: string[], inputs: readonly InputMeta[]): CliArgs {
  const options: ParseArgsOptionsConfig = { ...OWN_FLAGS, ...OWN_OPTIONS }
  for (const input of inputs) options[input.name] = { type: input.boolean ? 'boolean' : 'string' }
  const { args, given } = withBooleanValues(argv, options)
  let parsed: ReturnType<typeof parseArgv>
  try {
    parsed = parseArgv({
      args,
      options,
      strict: true,
      allowPositionals: true,
      allowNegative: true,
      tokens: true
    })
  } catch (error) {
    // parseArgs' own message may quote a value; name the culprit ourselves instead.
    throw diagnose(args, options, inputs, error)
  }
  // From the tokens, in order (the last of a repeated flag wins), as the inputs' own readers
  // check the text: `--wait=maybe` is refused by the boolean reader, naming the input.
  const values: Record<string, string> = {}
  const isInput = new Set(inputs.map((i) => i.name))
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || !isInput.has(token.name)) continue
    if (options[token.name]?.type === 'string') values[token.name] = token.value ?? ''
    else
      values[token.name] =
        given.get(token.index) ?? (token.rawName.startsWith('--no-') ? 'false' : 'true')
  }
  const flag = (name: keyof typeof OWN_FLAGS): boolean => parsed.values[name] === true
  const positional = [...parsed.positionals]
  const mode = values.mode ?? positional.shift() ?? ''
  delete values.mode
  if (positional.length > 0) {
    throw new InputError('mode', `unexpected argument "${positional[0]}"; flags start with --`)
  }
  if (mode !== '' && !(MODES as readonly string[]).includes(mode)) {
    throw new InputError('mode', `"${mode}" is not a mode; use one of: ${MODES.join(', ')}`)
  }
  const osCloud = parsed.values['os-cloud']
  return {
    mode: mode as Mode | '',
    values,
    json: flag('json'),
    help: flag('help'),
    verbose: flag('verbose'),
    version: flag('version'),
    ...(typeof osCloud === 'string' && { osCloud })
  }
}

/**
 * `--wait=false` → `--wait`, remembering "false" by position, because parseArgs refuses a value
 * on a boolean; the CLI's own flags are read here (`--json=false` → `--no-json`). Up to a `--`,
 * after which everything is an argument.
 */
function withBooleanValues(
  argv: string[],
  options: ParseArgsOptionsConfig
): { args: string[]; given: Map<number, string> } {
  const isBoolean = (name: string): boolean => options[name]?.type === 'boolean'
  const args: string[] = []
  const given = new Map<number, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      args.push(...argv.slice(i))
      break
    }
    const match = /^--([^=]+)=(.*)$/s.exec(arg)
    if (match) {
      const [, name, value] = match as unknown as [string, string, string]
      if (name.startsWith('no-') && isBoolean(name.slice(3))) throw flagError(arg, 'takes no value')
      if (name in OWN_FLAGS && isBoolean(name)) {
        args.push(parseBool(arg, value) ? `--${name}` : `--no-${name}`)
        continue
      }
      if (isBoolean(name)) {
        given.set(args.length, value)
        args.push(`--${name}`)
        continue
      }
    }
    args.push(arg)
  }
  return { args, given }
}

/** Why strict parsing refused `args`: the same walk, lenient, with tokens to point at the flag. */
function diagnose(
  args: string[],
  options: ParseArgsOptionsConfig,
  inputs: readonly InputMeta[],
  error: unknown
): InputError {
  const { tokens } = parseArgv({
    args,
    options,
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    tokens: true
  })
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const shown = token.inlineValue ? `${token.rawName}=…` : token.rawName
    const option = options[token.name]
    const negated = token.name.startsWith('no-') && options[token.name.slice(3)]?.type === 'boolean'
    if (!option && !negated) {
      if (!token.rawName.startsWith('--')) {
        // A single-letter flag: a "did you mean" over one letter would suggest nonsense.
        return flagError(shown, 'is not a flag; flags are long (--instance, …) but for -h and -V')
      }
      return flagError(shown, `is not a flag; ${suggest(token.name, inputs)}`)
    }
    if (option?.type === 'string') {
      // Lenient parsing reads `--no-instance` as a negated `--instance`.
      if (token.rawName === `--no-${token.name}`) {
        return flagError(
          shown,
          `is not a flag: --${token.name} takes a value and has no --no- form`
        )
      }
      if (token.value === undefined) return flagError(shown, 'needs a value')
      if (!token.inlineValue && token.value.startsWith('-')) {
        // parseArgs calls this ambiguous: a forgotten value, or one starting with a dash.
        return flagError(
          shown,
          `needs a value (one that starts with "-" goes as ${token.rawName}=…)`
        )
      }
    }
  }
  const code = (error as { code?: unknown }).code
  return new InputError('flags', `cannot be read (${typeof code === 'string' ? code : 'error'})`)
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
  const names = [
    ...inputs.map((i) => i.name),
    ...Object.keys(OWN_FLAGS),
    ...Object.keys(OWN_OPTIONS)
  ]
  const close = names
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
