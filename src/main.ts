import * as core from '@actions/core'
import { actionContext } from './action-context.js'
import { COMMANDS } from './commands/registry.js'
import { describeError } from './errors.js'
import { InputError } from './inputs/input-error.js'
import { MODES, readMode } from './inputs/mode.js'
import { fitSummary } from './summary/markdown.js'

/** The action's main step: read the mode, run it, turn any error into a failed step. */
export async function run(): Promise<void> {
  const summaryParts: string[] = []
  try {
    const context = actionContext(summaryParts)
    const mode = readMode(context.inputs)
    const command = COMMANDS[mode]
    if (!command) {
      const ready = MODES.filter((m) => COMMANDS[m] !== undefined)
      throw new InputError(
        'mode',
        `"${mode}" is not implemented yet; modes available in this version: ${ready.length > 0 ? ready.join(', ') : 'none'}`
      )
    }
    await command(context)
  } catch (error) {
    core.setFailed(describeError(error))
  } finally {
    await writeSummary(summaryParts)
  }
}

/** The summary is a courtesy: failing to write it warns, never fails the step. */
async function writeSummary(parts: string[]): Promise<void> {
  if (parts.length === 0 || !process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(fitSummary(parts.join('\n\n')), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${describeError(error)}`)
  }
}
