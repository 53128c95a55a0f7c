import { InputError } from '../errors.js'
import type { InputSource } from './source.js'

export const MODES = ['backup', 'verify', 'restore', 'report', 'mirror', 'sweep', 'list'] as const
export type Mode = (typeof MODES)[number]

export function readMode(source: InputSource): Mode {
  const value = source.get('mode').toLowerCase()
  if (value === '') throw new InputError('mode', `is required; use one of: ${MODES.join(', ')}`)
  if ((MODES as readonly string[]).includes(value)) return value as Mode
  throw new InputError(
    'mode',
    `"${source.get('mode')}" is not a mode; use one of: ${MODES.join(', ')}`
  )
}
