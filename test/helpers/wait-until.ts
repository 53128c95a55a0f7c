// Tests wait for states, never for fixed times: a sleep that happens to be long enough on an
// idle machine is too short under load. waitUntil polls until the state appears, or fails after
// a generous deadline saying what it waited for and what it saw last.

export interface WaitOptions<T> {
  /** What is awaited, for the failure message: "backup held in BUILDING". */
  what: string
  /** Done when this returns true for the probe's value; by default when the value is truthy. */
  until?: (value: T) => boolean
  timeoutMs?: number
  intervalMs?: number
}

export const DEFAULT_WAIT_MS = 30_000

/**
 * Calls `probe` until `until(value)` holds, and returns that value. Throws once `timeoutMs` has
 * passed, or at once with the probe's own error.
 */
export async function waitUntil<T>(
  probe: () => T | Promise<T>,
  options: WaitOptions<T>
): Promise<T> {
  const { what, until = Boolean, timeoutMs = DEFAULT_WAIT_MS, intervalMs = 100 } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (until(value)) return value
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe(value)}`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** The value as JSON (strings as they are), its last 1000 characters if longer. */
function describe(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  return text.length > 1000 ? `…${text.slice(-1000)}` : text
}
