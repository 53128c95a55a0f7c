import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { readActionMeta } from '../../../scripts/action-metadata.js'
import { MODES } from '../../../src/inputs/mode.js'
import { needsCloud, needsOf, permissionsOf, runScriptsWithExpressions } from './workflow-rules.js'

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
  run?: unknown
}
type Permissions = Record<string, string> | string
interface Job {
  permissions?: Permissions
  env?: Record<string, unknown>
  steps?: Step[]
}
interface Workflow {
  permissions?: Permissions
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

  test('no run: script pastes an expression into the shell', () => {
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps ?? [])
    expect(runScriptsWithExpressions(steps)).toEqual([])
  })

  test('has a least-privilege permissions: block', () => {
    expect(typeof workflow.permissions).toBe('object')
    for (const job of Object.values(workflow.jobs)) {
      const granted = { ...(job.permissions as object | undefined) }
      expect(Object.values(granted).filter((v) => v === 'write-all' || v === 'read-all')).toEqual(
        []
      )
    }
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

      test(`${where}: the job grants the token what notify and the gate need`, () => {
        // A job's permissions: block replaces the workflow's.
        const granted = (job.permissions ?? workflow.permissions ?? {}) as Record<string, string>
        for (const [scope, level] of Object.entries(permissionsOf(inputs))) {
          const has = granted[scope] === 'write' || (level === 'read' && granted[scope] === 'read')
          expect([where, scope, has]).toEqual([where, scope, true])
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
