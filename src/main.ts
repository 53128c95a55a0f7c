import * as core from '@actions/core'
import { actionInputSource } from './action-inputs.js'
import { COMMANDS } from './commands/registry.js'
import { describeError } from './errors.js'
import { InputError } from './inputs/input-error.js'
import { MODES, readMode } from './inputs/mode.js'

/** The action's main step: read the mode, run it, turn any error into a failed step. */
export async function run(): Promise<void> {
  try {
    const inputs = actionInputSource()
    const mode = readMode(inputs)
    const command = COMMANDS[mode]
    if (!command) {
      const ready = MODES.filter((m) => COMMANDS[m] !== undefined)
      throw new InputError(
        'mode',
        `"${mode}" is not implemented yet; modes available in this version: ${ready.length > 0 ? ready.join(', ') : 'none'}`
      )
    }
    await command({ inputs })
  } catch (error) {
    core.setFailed(describeError(error))
  }
}
