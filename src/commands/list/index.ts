import type { CommandContext } from '../context.js'
import { instanceMatrix, matrixSummary } from './matrix.js'
import { readListTarget } from '../../inputs/list.js'
import { resolveTargets } from '../../cloud/targets.js'

/**
 * list mode: the instances of the project (or those matched by `instances`) as a JSON matrix, so
 * a workflow fans verify or mirror out over jobs with `strategy.matrix` — GitHub's runners are
 * the scale-out engine, this step only enumerates.
 */
export async function list(context: CommandContext): Promise<void> {
  const target = readListTarget(context.inputs)
  const { trove } = context.cloud()
  const { instances } = await resolveTargets(trove, target)
  const matrix = instanceMatrix(instances)
  context.logger.info(
    `${matrix.include.length} instance(s): ${matrix.include.map((i) => i.name).join(', ')}`
  )
  context.setOutput('matrix', JSON.stringify(matrix))
  context.setOutput('count', matrix.include.length)
  context.summary(matrixSummary(matrix))
}
