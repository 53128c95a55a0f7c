import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import type { ReportDocument } from '../../src/commands/report/document.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { cloudInputs, runAction } from './helpers/run-action.js'
import { parseJson, runCli } from './helpers/run-cli.js'

// A fleet report as the example workflow runs it: list → one report job per matrix entry, each
// writing its report JSON (an artifact) → one merge of the downloaded folder, with no cloud call.
jest.setTimeout(180_000)

let cloud: RunningCloud
let dir: string

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-e2e-'))
  const [shop, blog, wiki] = await cloud.admin.seedInstances(3, {
    names: ['shop-db', 'blog-db', 'wiki-db']
  })
  const daily = (from: number) =>
    Array.from({ length: 10 }, (_, d) => ({ ageHours: from + d * 24 }))
  await cloud.admin.seedBackups(shop as string, daily(3))
  await cloud.admin.seedBackups(blog as string, daily(50)) // missed two nights: stale
  await cloud.admin.seedBackups(wiki as string, daily(5))
}, 60_000)

afterAll(async () => {
  await cloud?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('fleet report over the local cloud', () => {
  test('list, a report per instance, then one merged summary that fails on the stale one', async () => {
    const listed = await runAction('main', { mode: 'list', ...cloudInputs(cloud.info) })
    const matrix = JSON.parse(listed.outputs.matrix as string) as {
      include: { id: string; name: string }[]
    }
    expect(matrix.include).toHaveLength(3)

    // The matrix jobs: fail-on: never, each uploads its JSON (here: one folder per artifact).
    for (const entry of matrix.include) {
      const artifact = path.join(dir, 'reports', `backup-report-${entry.id}`)
      mkdirSync(artifact, { recursive: true })
      const job = await runAction('main', {
        mode: 'report',
        instance: entry.id,
        'fail-on': 'never',
        'report-path': path.join(artifact, 'dbaas-backup-report.json'),
        ...cloudInputs(cloud.info)
      })
      expect(job.exitCode).toBe(0)
    }

    await cloud.admin.clearRequests()
    const merged = await runAction('main', {
      mode: 'report',
      'report-files': path.join(dir, 'reports'),
      'report-path': path.join(dir, 'fleet.json')
    })
    expect(merged.exitCode).toBe(1)
    expect(await cloud.admin.requests()).toEqual([]) // no cloud call, no credentials needed
    expect(merged.outputs.status).toBe('stale')
    expect(merged.outputs['backups-count']).toBe('30')
    expect(merged.summary).toContain('Merged from 3 report file(s)')
    expect(merged.summary).toMatch(/blog-db[\s\S]*shop-db|shop-db[\s\S]*blog-db/)
    expect(merged.annotations.find((a) => a.startsWith('::error'))).toMatch(
      /blog-db .*newest COMPLETED backup 50/
    )
    const doc = JSON.parse(readFileSync(path.join(dir, 'fleet.json'), 'utf8')) as ReportDocument
    expect(doc.instances.map((i) => [i.name, i.verdict])).toEqual([
      ['blog-db', 'stale'],
      ['wiki-db', 'ok'],
      ['shop-db', 'ok']
    ])
    expect(doc.totals).toMatchObject({ instances: 3, ok: 2, stale: 1, none: 0, backups: 30 })
  })

  test('the same merge through the CLI, with --json and fail-on never', async () => {
    const result = await runCli([
      'report',
      '--report-files',
      `${path.join(dir, 'reports')}/*/*.json`,
      '--fail-on',
      'never',
      '--report-path',
      path.join(dir, 'fleet-cli.json'),
      '--json'
    ])
    expect(result.exitCode).toBe(0)
    const json = parseJson(result)
    expect(json.outputs).toMatchObject({ status: 'stale', 'backups-count': 30 })
    expect(json.warnings.map((w) => w.title)).toContain('Stale backup')
  })
})
