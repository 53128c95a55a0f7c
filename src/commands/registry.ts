import type { CommandContext } from '../context.js'
import type { Mode } from '../inputs/mode.js'
import { backup } from './backup.js'
import { report } from './report.js'

export type Command = (context: CommandContext) => Promise<void>

/** The modes built so far. A mode missing here fails with "not implemented yet". */
export const COMMANDS: Partial<Record<Mode, Command>> = { backup, report }
