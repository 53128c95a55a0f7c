import { InputError } from '../inputs/input-error.js'
import type { CommandContext } from '../context.js'

export async function report(_context: CommandContext): Promise<void> {
  throw new InputError('mode', '"report" is not implemented yet')
}
