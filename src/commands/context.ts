import type { Cloud } from '../cloud/connect.js'
import type { OutputName } from '../inputs/catalog.js'
import type { InputSource } from '../inputs/source.js'
import type { Spelling } from '../inputs/spelling.js'
import type { Logger } from '../openstack/index.js'

/**
 * Everything a mode needs from the world, so commands are the same for the action and the CLI
 * and tests can run them without GitHub.
 */
export interface CommandContext {
  inputs: InputSource
  /**
   * How this host spells a setting or a mode in a hint: `fail-on: never` / `mode: sweep` in the
   * action, `--fail-on never` / `dbaas-backup sweep` in the CLI. The same object as `inputs.spell`.
   */
  spell: Spelling
  logger: Logger
  /** Opens the cloud connection (reads and validates the auth inputs on first use). */
  cloud(): Cloud
  /** Sets a step output (GITHUB_OUTPUT) or a CLI result field. */
  setOutput(name: OutputName, value: string | number | boolean): void
  /** A warning annotation on the run. */
  warn(message: string, title?: string): void
  /** Appends markdown to the job summary; written once at the end. */
  summary(markdown: string): void
  /** Remembers a fact for the post step (cleanup after a cancelled run). */
  saveState(key: string, value: string): void
  /** Runs a phase, as a collapsible group in the Actions log. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /**
   * Work to do when the run is cancelled (SIGINT/SIGTERM: the runner gives seconds). Returns a
   * function that removes the hook. The host owns the signals; a command only says what to undo.
   */
  onCancel(hook: (signal: string) => Promise<void>): () => void
  run: RunInfo
  now(): number
  sleep(ms: number): Promise<void>
}

/** Facts about the workflow run, from GitHub's environment (empty outside Actions). */
export interface RunInfo {
  repository: string
  runId: string
  runAttempt: string
  /** Link to the run, for descriptions and summaries; '' outside Actions. */
  runUrl: string
  sha: string
  ref: string
  workflow: string
}

export function readRunInfo(env: NodeJS.ProcessEnv): RunInfo {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const repository = env.GITHUB_REPOSITORY ?? ''
  const runId = env.GITHUB_RUN_ID ?? ''
  return {
    repository,
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF_NAME || env.GITHUB_REF || '',
    workflow: env.GITHUB_WORKFLOW ?? ''
  }
}
