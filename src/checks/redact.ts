import { describeError } from '../errors.js'

/**
 * Removes secrets from text bound for a result, a log line or an error message. Driver errors
 * are the risk: they quote connection settings, and a user's SQL error may echo a literal.
 * Every non-empty secret is replaced, also in its URL-encoded form (connection strings).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (!secret) continue
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.split(form).join('***')
    }
  }
  return out
}

/** The message of anything thrown, without secrets, on one line. */
export function errorText(error: unknown, secrets: readonly string[]): string {
  return redact(describeError(error), secrets)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
}
