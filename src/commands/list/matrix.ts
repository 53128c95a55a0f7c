import type { Instance } from '../../openstack/index.js'
import { table } from '../../format/markdown.js'

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
