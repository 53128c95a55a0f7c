import { InputError } from './inputs/input-error.js'

/** A message for the log and the step's failure annotation: the error's own words, no stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError
}
