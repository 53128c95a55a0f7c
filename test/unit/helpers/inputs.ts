import type { InputSource } from '../../../src/inputs/source.js'
import { ACTION_SPELLING } from '../../../src/inputs/spelling.js'

/** An InputSource from plain objects; records what was masked. Spelled as the action does. */
export function fakeInputs(
  values: Record<string, string>,
  env: NodeJS.ProcessEnv = {}
): InputSource & { masked: string[] } {
  const masked: string[] = []
  return {
    masked,
    env,
    get: (name) => (values[name] ?? '').trim(),
    mask: (secret) => masked.push(secret),
    spell: ACTION_SPELLING
  }
}
