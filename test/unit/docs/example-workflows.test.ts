import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { readActionMeta } from '../../../scripts/action-metadata.js'
import { MODES } from '../../../src/inputs/mode.js'
import { needsCloud, needsOf } from './workflow-rules.js'

// The example workflows in examples/workflows are meant to be copied: each must use only inputs
// and outputs action.yml declares, a real mode, and what that mode needs.
const ROOT = path.resolve(import.meta.dirname, '../../..')
const DIR = path.join(ROOT, 'examples/workflows')
const meta = readActionMeta(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
const INPUTS = new Set(meta.inputs.map((i) => i.name))
const OUTPUTS = new Set(meta.outputs.map((o) => o.name))

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  env?: Record<string, unknown>
  steps?: Step[]
}
interface Workflow {
  env?: Record<string, unknown>
  jobs: Record<string, Job>
}

const isOurs = (step: Step): boolean =>
  typeof step.uses === 'string' && /(^\.\/?$|dbaas-backup-action@)/.test(step.uses)

const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'))

test('the five example workflows exist', () => {
  expect(files.sort()).toEqual(
    [
      'fleet-report.yml',
      'nightly-drill.yml',
      'offsite-drill.yml',
      'pre-deploy.yml',
      'weekly-mirror.yml'
    ].sort()
  )
})

describe.each(files)('examples/workflows/%s', (file) => {
  const text = readFileSync(path.join(DIR, file), 'utf8')
  const workflow = parse(text) as Workflow

  test('parses as a workflow and uses this action', () => {
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0)
    const ours = Object.values(workflow.jobs).flatMap((j) => (j.steps ?? []).filter(isOurs))
    expect(ours.length).toBeGreaterThan(0)
  })

  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    for (const [n, step] of (job.steps ?? []).entries()) {
      if (!isOurs(step)) continue
      const where = `${jobName}.steps[${n}]`
      const inputs = step.with ?? {}

      test(`${where}: every with: key is an input and the mode's needs are met`, () => {
        expect(Object.keys(inputs).filter((k) => !INPUTS.has(k))).toEqual([])
        const mode = String(inputs.mode)
        expect(MODES).toContain(mode)
        for (const need of needsOf(inputs)) {
          expect([where, need, need.split('|').some((k) => inputs[k] !== undefined)]).toEqual([
            where,
            need,
            true
          ])
        }
        // Every step that calls the cloud has auth from inputs or the OS_* environment.
        if (needsCloud(inputs)) {
          const env = { ...workflow.env, ...job.env, ...step.env }
          expect(inputs['auth-url'] !== undefined || env.OS_AUTH_URL !== undefined).toBe(true)
        }
      })
    }

    test(`${jobName}: every steps.X.outputs.Y of this action is a declared output`, () => {
      const ourIds = new Set((job.steps ?? []).filter(isOurs).map((s) => s.id))
      const jobText = JSON.stringify(job)
      for (const [, id, output] of jobText.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (ourIds.has(id))
          expect([id, output, OUTPUTS.has(output as string)]).toEqual([id, output, true])
      }
    })
  }
})
