import { writeMetricsFile } from '../evidence/index.js'
import type { Gauge } from '../format/prometheus.js'
import { describeError } from '../errors.js'
import type { CommandContext } from './context.js'

/**
 * Writes `metrics-file` for any mode and sets the output. Monitoring is not the run: a file that
 * cannot be written is a warning, never a failed step.
 */
export async function publishMetrics(
  context: CommandContext,
  file: string,
  build: (previous: string) => Gauge[]
): Promise<void> {
  try {
    await writeMetricsFile(file, build)
    context.logger.info(`Metrics: ${file}`)
    context.setOutput('metrics-file', file)
  } catch (error) {
    context.warn(
      `Cannot write the metrics file ${file}: ${describeError(error)}`,
      'Metrics not written'
    )
  }
}
