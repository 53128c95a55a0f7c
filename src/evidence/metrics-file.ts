import { readFile } from 'node:fs/promises'
import { formatGauges, type Gauge } from '../format/prometheus.js'
import { writeFileAtomic } from './atomic-write.js'

/**
 * Rewrites the metrics file atomically. `build` gets the previous file's text ('' when there is
 * none or it cannot be read) to carry figures over, e.g. the last successful drill's time. The
 * folder must exist (the reader checked it): it is the collector's, not ours to create.
 */
export async function writeMetricsFile(
  file: string,
  build: (previous: string) => Gauge[]
): Promise<string> {
  const previous = await readFile(file, 'utf8').catch(() => '')
  const text = formatGauges(build(previous))
  await writeFileAtomic(file, text)
  return text
}
