import { type Cloud, connect } from '../../cloud/connect.js'
import type { CommandContext } from '../../commands/context.js'
import { ACTION_META } from '../../inputs/catalog.js'
import { readCloudInputs } from '../../inputs/cloud.js'
import type { InputSource } from '../../inputs/source.js'
import type { Spelling } from '../../inputs/spelling.js'
import { defaultSleep, type Logger } from '../../openstack/index.js'
import { readRunInfo } from '../../commands/context.js'
import { safeLine } from '../../format/text.js'
import { onCancellation } from '../cancellation.js'
import type { SecretRedactor } from './secrets.js'

/** What a CLI run collected, for the final human or JSON output. */
export interface CliRecord {
  outputs: Record<string, string | number | boolean>
  warnings: { title?: string; message: string }[]
  summary: string[]
  /** What the action would save for its post step; the CLI's cancel clean-up reads it. */
  state: Map<string, string>
}

export interface CliContextOptions {
  values: Record<string, string>
  env: NodeJS.ProcessEnv
  redactor: SecretRedactor
  /** Writes one line to stderr (already redacted). */
  log: (line: string) => void
  verbose: boolean
}

/**
 * The CommandContext of the CLI: inputs from flags, then DBAAS_BACKUP_<INPUT> variables (so
 * secrets need not be on the command line); logs to stderr; outputs, warnings and the summary
 * collected for the end; state for a post step is kept in memory, for the clean-up after a
 * SIGINT/SIGTERM (cancel-cleanup.ts) — the CLI has no post step.
 */
export function cliContext(options: CliContextOptions): {
  context: CommandContext
  record: CliRecord
} {
  const { values, env, redactor } = options
  // One place for every line the CLI logs: secrets redacted, outside text made safe (no escape
  // sequences for the terminal, no workflow command when the CLI runs in a workflow step).
  const log = (line: string): void => options.log(safeLine(redactor.redact(line)))
  const inputs: InputSource = {
    get: (name) => (values[name] ?? env[envName(name)] ?? '').trim(),
    env,
    mask: (secret) => redactor.remember(secret),
    spell: CLI_SPELLING
  }
  const logger: Logger = {
    debug: (m) => (options.verbose ? log(`debug: ${m}`) : undefined),
    info: (m) => log(m),
    warning: (m) => log(`warning: ${m}`)
  }
  const record: CliRecord = { outputs: {}, warnings: [], summary: [], state: new Map() }
  let cloud: Cloud | undefined
  const context: CommandContext = {
    inputs,
    spell: CLI_SPELLING,
    logger,
    cloud: () => (cloud ??= connect(readCloudInputs(inputs), logger)),
    setOutput: (name, value) => {
      record.outputs[name] = value
    },
    warn: (message, title) => {
      record.warnings.push(title ? { title, message } : { message })
      log(`warning${title ? ` (${title})` : ''}: ${message}`)
    },
    summary: (markdown) => record.summary.push(markdown),
    saveState: (key, value) => void record.state.set(key, value),
    group: async (name, fn) => {
      log(`▸ ${name}`)
      return fn()
    },
    onCancel: (hook) => onCancellation(hook),
    run: readRunInfo(env),
    now: Date.now,
    sleep: defaultSleep
  }
  return { context, record }
}

const BOOLEAN_INPUTS = new Set(ACTION_META.inputs.filter((i) => i.boolean).map((i) => i.name))

/** `db-password` → `DBAAS_BACKUP_DB_PASSWORD`. */
export function envName(input: string): string {
  return `DBAAS_BACKUP_${input.toUpperCase().replace(/-/g, '_')}`
}

/**
 * The CLI's spelling of a setting in a hint: the flag as it is typed (`--fail-on never`,
 * `--allow-insecure-http`, `--no-wait`), and a mode as the command (`dbaas-backup sweep`).
 */
export const CLI_SPELLING: Spelling = {
  setting: (name, value) => {
    if (value === undefined) return `--${name}`
    if (BOOLEAN_INPUTS.has(name)) return value === 'false' ? `--no-${name}` : `--${name}`
    return `--${name} ${value}`
  },
  mode: (mode) => `dbaas-backup ${mode}`
}
