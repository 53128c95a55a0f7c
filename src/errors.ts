// The error vocabulary of the product. Each error says what happened in a user's words; its
// class decides the result: the CLI's exit code and the failed step's prefix in the action.
// Cloud errors (Keystone, Trove, the network) are the wire client's own classes
// (openstack/errors.ts); everything that is neither bad input nor a failed check is one.

/**
 * Bad input: names the input and says what is allowed. Raised before any cloud resource is
 * created or changed. Never put a secret's value in the message.
 */
export class InputError extends Error {
  readonly input: string

  constructor(input: string, problem: string) {
    super(`Input "${input}": ${problem}`)
    this.name = 'InputError'
    this.input = input
  }
}

/** A failed check or gate: a stale backup, a failed drill, a copy that does not match. */
export class CheckFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CheckFailure'
  }
}

/** A message for the log and the step's failure annotation: the error's own words, no stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

/** What a run came to; the CLI's exit codes and the action's failure text are made from it. */
export type ResultKind = 'ok' | 'failed' | 'bad-input' | 'cloud-error'

/** failed: a check or a stale backup; bad-input: nothing was changed; cloud-error: the rest. */
export function resultOf(error: unknown): ResultKind {
  if (error === undefined) return 'ok'
  if (error instanceof CheckFailure) return 'failed'
  if (error instanceof InputError) return 'bad-input'
  return 'cloud-error'
}
