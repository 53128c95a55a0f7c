import type { Cloud } from '../cloud/connect.js'
import type { InputSource } from '../inputs/source.js'
import type { Logger } from '../openstack/index.js'
import type { RunInfo } from './run-info.js'

/**
 * Everything a mode needs from the world, so commands are the same for the action and the CLI
 * and tests can run them without GitHub.
 */
export interface CommandContext {
  inputs: InputSource
  logger: Logger
  /** Opens the cloud connection (reads and validates the auth inputs on first use). */
  cloud(): Cloud
  /** Sets a step output (GITHUB_OUTPUT) or a CLI result field. */
  setOutput(name: string, value: string | number | boolean): void
  /** A warning annotation on the run. */
  warn(message: string, title?: string): void
  /** Appends markdown to the job summary; written once at the end. */
  summary(markdown: string): void
  /** Remembers a fact for the post step (cleanup after a cancelled run). */
  saveState(key: string, value: string): void
  /** Runs a phase, as a collapsible group in the Actions log. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  run: RunInfo
  now(): number
  sleep(ms: number): Promise<void>
}

/** A failed check or gate: the step fails with this message (exit code 1 in the CLI). */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CheckFailure'
  }
}
