import type { InputName } from './catalog.js'
import type { Mode } from './modes.js'

/**
 * How the host that runs a command spells a setting in a hint, so a message tells the user what
 * to type where they are: `fail-on: never` under a workflow step's `with:`, `--fail-on never` on
 * the command line. An input's own InputError keeps the input's name (`Input "x": …`) in both.
 */
export interface Spelling {
  /**
   * `setting('fail-on', 'never')`: action `fail-on: never`; CLI `--fail-on never`. Without a
   * value, the input's name: action `keep-on-failure`; CLI `--keep-on-failure`.
   */
  setting(name: InputName, value?: string): string
  /** `mode('sweep')`: action `mode: sweep`; CLI `dbaas-backup sweep`. */
  mode(mode: Mode): string
}

/** The action's spelling: a step's `with:` keys, as action.yml names them. */
export const ACTION_SPELLING: Spelling = {
  setting: (name, value) => (value === undefined ? name : `${name}: ${value}`),
  mode: (mode) => `mode: ${mode}`
}
