import { COMMANDS } from '../../commands/registry.js'
import { safeLine, safeLines } from '../../format/text.js'
import { describeError, InputError, type ResultKind, resultOf } from '../../errors.js'
import { type Mode, MODES } from '../../inputs/mode.js'
import { addCancelHook } from '../cancellation.js'
import { parseArgs } from './args.js'
import { cleanupAfterCancel } from './cancel-cleanup.js'
import { cliContext, type CliRecord } from './context.js'
import { exitCodeOf } from './exit-codes.js'
import { mainHelp, modeHelp } from './help.js'
import { ACTION_META } from '../../inputs/catalog.js'
import { markdownToText } from './plain-text.js'
import { SecretRedactor } from './secrets.js'
import { VERSION } from './version.js'
import { overlay, readCloudsYaml } from './clouds-yaml.js'
import { homedir } from 'node:os'
import { type RunNotifier, startNotifications } from '../notifications.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Where clouds.yaml is looked for (clouds-yaml.ts); the process's own unless a test says. */
  cwd?: string
  home?: string
  systemDir?: string
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env
}

/** Runs `dbaas-backup <mode> [flags]` and returns the exit code (see exit-codes.ts). */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const redactor = new SecretRedactor()
  const json = argv.includes('--json') || argv.includes('--json=true')
  let mode: Mode | '' = ''
  let record: CliRecord = { outputs: {}, warnings: [], summary: [], state: new Map() }
  let error: unknown
  let notifier: RunNotifier | undefined
  try {
    const args = parseArgs(argv, ACTION_META.inputs)
    mode = args.mode
    // Secrets given as flags are hidden from every line we write, before anything runs.
    for (const input of ACTION_META.inputs) {
      if (input.secret && args.values[input.name])
        redactor.remember(args.values[input.name] as string)
    }
    if (args.version) {
      io.stdout(`dbaas-backup ${VERSION}\n`)
      return 0
    }
    if (args.help) {
      io.stdout((mode === '' ? mainHelp(ACTION_META) : modeHelp(ACTION_META, mode)) + '\n')
      return 0
    }
    if (mode === '') {
      throw new InputError(
        'mode',
        `is required: dbaas-backup <mode> [flags], mode one of ${MODES.join(', ')} (--help for more)`
      )
    }
    // clouds.yaml's cloud as OS_* variables under the process's own (clouds-yaml.ts); its
    // secrets are hidden before any reader could quote them.
    const clouds = await readCloudsYaml({
      cloud: args.osCloud,
      env: io.env,
      cwd: io.cwd ?? process.cwd(),
      home: io.home ?? homedir(),
      ...(io.systemDir !== undefined && { systemDir: io.systemDir })
    })
    for (const secret of clouds?.secrets ?? []) redactor.remember(secret)
    const command = COMMANDS[mode]
    const built = cliContext({
      values: args.values,
      env: clouds ? overlay(io.env, clouds.env) : io.env,
      redactor,
      log: (line) => io.stderr(line + '\n'),
      verbose: args.verbose
    })
    record = built.record
    const state = built.record.state
    notifier = startNotifications(built.context, mode)
    const removeHook = addCancelHook(() => cleanupAfterCancel(state, built.context))
    try {
      await command(built.context)
    } finally {
      removeHook()
    }
  } catch (caught) {
    error = caught
  }
  // After the mode ended, before the result is printed: its warnings join the record.
  await notifier?.finish(error, record.summary.join('\n\n'))
  const result = resultOf(error)
  const message = error === undefined ? undefined : redactor.redact(describeError(error))
  if (json) {
    io.stdout(JSON.stringify(jsonResult(mode, result, record, message, redactor)) + '\n')
  } else {
    const summary = record.summary.join('\n\n')
    if (summary) io.stdout(safeLines(redactor.redact(markdownToText(summary))) + '\n')
    const outputs = Object.entries(record.outputs)
    if (outputs.length > 0) {
      io.stdout(
        '\nOutputs:\n' +
          outputs.map(([k, v]) => `  ${k}: ${safeLine(redactor.redact(String(v)))}`).join('\n') +
          '\n'
      )
    }
    if (message !== undefined) io.stderr(`error: ${safeLines(message)}\n`)
  }
  return exitCodeOf(result)
}

function jsonResult(
  mode: Mode | '',
  result: ResultKind,
  record: CliRecord,
  message: string | undefined,
  redactor: SecretRedactor
): unknown {
  // Through JSON text once, so no secret survives in any nested value.
  const outputs = JSON.parse(redactor.redact(JSON.stringify(record.outputs))) as unknown
  return {
    mode,
    result,
    exitCode: exitCodeOf(result),
    outputs,
    warnings: record.warnings.map((w) => ({ ...w, message: redactor.redact(w.message) })),
    ...(message !== undefined ? { error: message } : {}),
    summary: redactor.redact(record.summary.join('\n\n'))
  }
}
