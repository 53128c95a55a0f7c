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
    void onCancel(signal).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}
