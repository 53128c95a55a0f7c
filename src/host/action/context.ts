import * as runner from './runner.js'
import { type Cloud, connect } from '../../cloud/connect.js'
import { type CommandContext, readRunInfo } from '../../commands/context.js'
import { readCloudInputs } from '../../inputs/cloud.js'
import type { InputSource } from '../../inputs/source.js'
import { ACTION_SPELLING } from '../../inputs/spelling.js'
import { defaultSleep, type Logger, registerSecret } from '../../openstack/index.js'
import { safeLine } from '../../format/text.js'
import { onCancellation } from '../cancellation.js'

/**
 * The step's log. runner.info writes its text as it is, so a line of outside text (a server's
 * error body, a backup name) is made safe here: it can never become a workflow command.
 * runner.debug and runner.warning escape their data themselves.
 */
export const stepLogger: Logger = {
  debug: (m) => runner.debug(m),
  info: (m) => runner.info(safeLine(m)),
  warning: (m) => runner.warning(m)
}

/** Inputs as GitHub passes them (INPUT_* variables), secrets masked with ::add-mask::. */
export function actionInputSource(env: NodeJS.ProcessEnv = process.env): InputSource {
  return {
    get: (name) => runner.getInput(name),
    env,
    mask: (secret) => {
      runner.setSecret(secret)
      // Also scrubbed from server answers that become error messages (openstack/secrets.ts).
      registerSecret(secret)
    },
    spell: ACTION_SPELLING
  }
}

/** The CommandContext of a GitHub Actions step; `summaryParts` are written by the entry point. */
export function actionContext(summaryParts: string[]): CommandContext {
  const inputs = actionInputSource()
  let cloud: Cloud | undefined
  return {
    inputs,
    spell: ACTION_SPELLING,
    logger: stepLogger,
    cloud: () => (cloud ??= connect(readCloudInputs(inputs), stepLogger)),
    setOutput: (name, value) => runner.setOutput(name, value),
    warn: (message, title) => runner.warning(message, title ? { title } : {}),
    summary: (markdown) => summaryParts.push(markdown),
    saveState: (key, value) => runner.saveState(key, value),
    group: (name, fn) => runner.group(name, fn),
    onCancel: (hook) => onCancellation(hook),
    run: readRunInfo(process.env),
    now: Date.now,
    sleep: defaultSleep
  }
}
