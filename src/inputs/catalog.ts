// The input catalogue: every input and output of action.yml, generated into catalog.json and
// catalog-names.ts by `npm run docs`. The one source of defaults (readers fall back to it), of the CLI's flags and
// help, of which inputs are secrets, and of the names `setOutput` accepts.
import catalog from './catalog.json' with { type: 'json' }
import type { InputName } from './catalog-names.js'

export type { InputName, OutputName } from './catalog-names.js'

export interface InputMeta {
  name: string
  description: string
  required: boolean
  default?: string
  /** The modes that read it; empty: every mode (the connection inputs). */
  modes: readonly string[]
  boolean: boolean
  secret: boolean
}

export interface OutputMeta {
  name: string
  description: string
  modes: readonly string[]
}

export interface ActionMeta {
  inputs: readonly InputMeta[]
  outputs: readonly OutputMeta[]
}

export const ACTION_META: ActionMeta = catalog

const BY_NAME = new Map<string, InputMeta>(ACTION_META.inputs.map((i) => [i.name, i]))

/** action.yml's default of an input ('' when it has none): what a reader falls back to. */
export function defaultOf(name: InputName): string {
  return BY_NAME.get(name)?.default ?? ''
}
