import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from '@jest/globals'
import { publishMetrics } from '../../../src/commands/metrics-output.js'
import { fakeContext } from '../helpers/fake-context.js'

const gauge = () => [
  {
    name: 'dbaas_backup_backups',
    help: 'Backups.',
    samples: [{ labels: { instance: 'shop' }, value: 3 }]
  }
]

test('writes the file and names it in the metrics-file output', async () => {
  const recorded = fakeContext({})
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'metrics-')), 'dbaas.prom')
  await publishMetrics(recorded.context, file, gauge)
  expect(readFileSync(file, 'utf8')).toContain('dbaas_backup_backups{instance="shop"} 3')
  expect(recorded.outputs['metrics-file']).toBe(file)
  expect(recorded.warnings).toEqual([])
})

test('a file that cannot be written is a warning, not a failure, and sets no output', async () => {
  const recorded = fakeContext({})
  const file = path.join(tmpdir(), 'no-such-folder-for-metrics', 'dbaas.prom')
  await expect(publishMetrics(recorded.context, file, gauge)).resolves.toBeUndefined()
  expect(recorded.outputs['metrics-file']).toBeUndefined()
  expect(recorded.warnings).toEqual([
    {
      message: expect.stringContaining(`Cannot write the metrics file ${file}`),
      title: 'Metrics not written'
    }
  ])
})
