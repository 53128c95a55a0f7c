import * as core from '@actions/core'
import type { InputSource } from '../../inputs/source.js'

/** Inputs as GitHub passes them (INPUT_* variables), secrets masked with ::add-mask::. */
export function actionInputSource(env: NodeJS.ProcessEnv = process.env): InputSource {
  return {
    get: (name) => core.getInput(name),
    env,
    mask: (secret) => core.setSecret(secret)
  }
}
