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
