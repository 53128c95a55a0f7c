import { Transform, type TransformCallback } from 'node:stream'

/**
 * Caps the throughput at `bytesPerSecond` (a shared uplink on a self-hosted runner): each chunk
 * is passed on no earlier than the budget allows. Backpressure does the rest upstream.
 */
export function throttle(
  bytesPerSecond: number,
  now: () => number = () => performance.now()
): Transform {
  const started = now()
  let sent = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      sent += chunk.length
      const due = started + (sent / bytesPerSecond) * 1000
      const wait = due - now()
      if (wait <= 1) return callback(null, chunk)
      setTimeout(() => callback(null, chunk), wait)
    }
  })
}
