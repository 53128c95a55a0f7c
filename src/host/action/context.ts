import * as core from '@actions/core'
import { connect, type Cloud } from '../../cloud/connect.js'
import type { CommandContext } from '../../commands/context.js'
import { actionInputSource } from './inputs.js'
import { readCloudInputs } from '../../inputs/cloud.js'
import { defaultSleep, type Logger } from '../../openstack/index.js'
import { readRunInfo } from '../../commands/run-info.js'

export const coreLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m)
}

/** The CommandContext of a GitHub Actions step; `summaryParts` are written by the entry point. */
export function actionContext(summaryParts: string[]): CommandContext {
  const inputs = actionInputSource()
  let cloud: Cloud | undefined
  return {
    inputs,
    logger: coreLogger,
    cloud: () => (cloud ??= connect(readCloudInputs(inputs), coreLogger)),
    setOutput: (name, value) => core.setOutput(name, value),
    warn: (message, title) => core.warning(message, title ? { title } : {}),
    summary: (markdown) => summaryParts.push(markdown),
    saveState: (key, value) => core.saveState(key, value),
    group: (name, fn) => core.group(name, fn),
    run: readRunInfo(process.env),
    now: Date.now,
    sleep: defaultSleep
  }
}
