import * as core from '@actions/core'
import { connect, type Cloud } from './connect.js'
import type { CommandContext } from './context.js'
import { actionInputSource } from './action-inputs.js'
import { readCloudInputs } from './inputs/auth-inputs.js'
import { defaultSleep, type Logger } from './openstack/index.js'
import { readRunInfo } from './run-info.js'

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
