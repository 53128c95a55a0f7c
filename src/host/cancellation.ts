/** Work to finish after a mode's own cancellation handler, before the process exits. */
type CancelHook = (signal: NodeJS.Signals) => Promise<void>
const hooks = new Set<CancelHook>()

/**
 * The CLI has no post step to confirm a clean-up: it registers a hook here that does what the
 * post step does, within the same exit. Returns a function that removes the hook.
 */
export function addCancelHook(hook: CancelHook): () => void {
  hooks.add(hook)
  return () => hooks.delete(hook)
}

/**
 * A cancelled job gets SIGINT, then SIGTERM a few seconds later, then is killed. Run `onCancel`
 * once on the first of them (quickly: it has seconds), then exit. Returns a function that removes
 * the handlers.
 */
export function onCancellation(onCancel: (signal: NodeJS.Signals) => Promise<void>): () => void {
  let started = false
  const handler = (signal: NodeJS.Signals): void => {
    if (started) return
    started = true
    void onCancel(signal)
      .then(async () => {
        for (const hook of hooks) await hook(signal).catch(() => undefined)
      })
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}
