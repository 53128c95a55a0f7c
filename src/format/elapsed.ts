import { formatElapsed } from '../openstack/index.js'

/** Elapsed time for progress lines: a report takes seconds, so under a minute show 1/100 s. */
export function elapsed(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(2)}s` : formatElapsed(ms)
}
