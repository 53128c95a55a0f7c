import * as runner from './runner.js'
import { actionContext } from './context.js'
import { COMMANDS } from '../../commands/registry.js'
import { describeError } from '../../errors.js'
import { readMode, readSummaryWanted } from '../../inputs/mode.js'
import { fitSummary } from '../../format/markdown.js'
import { type RunNotifier, startNotifications } from '../notifications.js'

/** The action's main step: read the mode, run it, turn any error into a failed step. */
export async function run(): Promise<void> {
  const summaryParts: string[] = []
  let summaryWanted = true
  let notifier: RunNotifier | undefined
  let failure: unknown
  try {
    const context = actionContext(summaryParts)
    const mode = readMode(context.inputs)
    summaryWanted = readSummaryWanted(context.inputs)
    notifier = startNotifications(context, mode)
    await COMMANDS[mode](context)
  } catch (error) {
    failure = error
    runner.setFailed(describeError(error))
  } finally {
    // The summary is whole once the mode has ended; the notifier only warns, never fails.
    await notifier?.finish(failure, summaryParts.join('\n\n'))
    if (summaryWanted) await writeSummary(summaryParts)
  }
}

/** The summary is a courtesy: failing to write it warns, never fails the step. */
async function writeSummary(parts: string[]): Promise<void> {
  if (parts.length === 0) return
  try {
    await runner.appendSummary(fitSummary(parts.join('\n\n')))
  } catch (error) {
    runner.warning(`Could not write the job summary: ${describeError(error)}`)
  }
}
