import type { Mode } from '../inputs/mode.js'
import type { InputSource } from '../inputs/source.js'

/** What every mode gets from the entry point that runs it (the action or the CLI). */
export interface CommandContext {
  inputs: InputSource
}

export type Command = (context: CommandContext) => Promise<void>

/** The modes built so far. A mode missing here fails with "not implemented yet". */
export const COMMANDS: Partial<Record<Mode, Command>> = {}
