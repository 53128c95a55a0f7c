import { resolveTargets } from '../cloud/resolve.js'
import { table } from '../format/markdown.js'
import { readListTarget } from '../inputs/report.js'
import type { Instance } from '../openstack/index.js'
import type { CommandContext } from './context.js'

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

export interface MatrixEntry {
  id: string
  name: string
  datastore: string
  version: string
}

/** The shape `strategy.matrix: ${{ fromJSON(...) }}` takes: one job per `include` entry. */
export interface InstanceMatrix {
  include: MatrixEntry[]
}

export function instanceMatrix(instances: Instance[]): InstanceMatrix {
  return {
    include: instances.map((i) => ({
      id: i.id,
      name: i.name,
      // Matrix values must be strings for `${{ matrix.datastore }}` to read well; '' when unknown.
      datastore: i.datastore?.type ?? '',
      version: i.datastore?.version ?? ''
    }))
  }
}

export function matrixSummary(matrix: InstanceMatrix): string {
  if (matrix.include.length === 0) return '### 📋 Instances: none match'
  const rows = matrix.include.map((i) => [i.name, i.id, i.datastore, i.version])
  return `### 📋 Instances: ${matrix.include.length}\n\n${table(['Name', 'Id', 'Datastore', 'Version'], rows)}`
}
