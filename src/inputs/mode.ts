import { InputError } from '../errors.js'
import { type InputSource, readBoolean } from './source.js'

import { type Mode, MODES, MODES_WITH_TEMPORARY_INSTANCES } from './modes.js'

export { type Mode, MODES, MODES_WITH_TEMPORARY_INSTANCES } from './modes.js'

/** Whether this mode can leave a temporary instance for the post step (an unknown mode: no). */
export function createsTemporaryInstances(source: InputSource): boolean {
  const mode = source.get('mode').toLowerCase()
  return (MODES_WITH_TEMPORARY_INSTANCES as readonly string[]).includes(mode)
}

/** `summary: false` keeps the job summary empty (the log and outputs stay). */
export function readSummaryWanted(source: InputSource): boolean {
  return readBoolean(source, 'summary')
}

export function readMode(source: InputSource): Mode {
  const value = source.get('mode').toLowerCase()
  if (value === '') throw new InputError('mode', `is required; use one of: ${MODES.join(', ')}`)
  if ((MODES as readonly string[]).includes(value)) return value as Mode
  throw new InputError(
    'mode',
    `"${source.get('mode')}" is not a mode; use one of: ${MODES.join(', ')}`
  )
}
