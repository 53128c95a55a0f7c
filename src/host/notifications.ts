import type { CommandContext } from '../commands/context.js'
import { describeError, resultOf } from '../errors.js'
import type { Mode } from '../inputs/modes.js'
import { readNotifyInputs } from '../inputs/notify.js'
import { scrubSecrets } from '../openstack/index.js'
import { createFetch } from '../openstack/proxy.js'
import { notifyRun, verdictOf } from '../notify/index.js'

/** What both hosts call around a mode: notifications stay out of the commands. */
export interface RunNotifier {
  /** After the mode ended (error undefined: it passed), with the summary it wrote. */
  finish(error: unknown, summaryMarkdown: string): Promise<void>
}

/**
 * Reads the notification inputs before the mode runs (a bad one is an InputError, before any
 * cloud call) and watches the outputs the mode sets, for the verdict. Undefined when nothing
 * is to be notified.
 */
export function startNotifications(context: CommandContext, mode: Mode): RunNotifier | undefined {
  const settings = readNotifyInputs(context.inputs, mode)
  if (!settings) return undefined
  const outputs: Record<string, string | number | boolean> = {}
  const setOutput = context.setOutput.bind(context)
  context.setOutput = (name, value) => {
    outputs[name] = value
    setOutput(name, value)
  }
  return {
    finish: async (error, summaryMarkdown) => {
      const run = context.run
      await notifyRun(
        settings,
        {
          mode,
          subject: settings.subject,
          verdict: verdictOf(mode, resultOf(error), outputs),
          // GitHub's masking does not reach an issue or a chat: scrub what we registered.
          message: error === undefined ? '' : scrubSecrets(describeError(error)),
          summary: scrubSecrets(summaryMarkdown),
          repository: run.repository,
          runUrl: run.runUrl,
          runId: run.runId,
          workflow: run.workflow
        },
        {
          fetch: createFetch(context.inputs.env),
          sleep: context.sleep,
          now: context.now,
          info: (m) => context.logger.info(m),
          warn: (m, title) => context.warn(m, title)
        }
      )
    }
  }
}
