import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { readActionMeta } from '../../../scripts/action-metadata.js'
import { MODES } from '../../../src/inputs/mode.js'

// Every YAML block in the README is meant to be copied: the steps that use this action must name
// only inputs action.yml declares, a real mode, and what that mode needs; the two workflows of
// "Use it" are the example files, word for word.
const ROOT = path.resolve(import.meta.dirname, '../../..')
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const meta = readActionMeta(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
const INPUTS = new Set(meta.inputs.map((i) => i.name))

/** Inputs a mode cannot run without; `a|b` means either (as in example-workflows.test.ts). */
const REQUIRED: Record<string, string[]> = {
  backup: ['instance'],
  verify: ['instance|backup-id', 'db-user', 'db-password'],
  restore: ['instance|backup-id', 'restore-name'],
  report: ['instance|instances|report-files'],
  mirror: ['instance'],
  sweep: [],
  list: []
}

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string)

/** The steps of a block: a whole workflow, a list of steps, or one step. */
function stepsOf(doc: unknown): Step[] {
  if (Array.isArray(doc)) return doc as Step[]
  if (!doc || typeof doc !== 'object') return []
  const d = doc as { jobs?: Record<string, { steps?: Step[] }>; uses?: string }
  if (d.jobs) return Object.values(d.jobs).flatMap((j) => j.steps ?? [])
  return d.uses ? [d as Step] : []
}

const ours = (s: Step): boolean => typeof s.uses === 'string' && /dbaas-backup-action@/.test(s.uses)

test('the README has YAML blocks that use this action', () => {
  expect(blocks.filter((b) => stepsOf(parse(b)).some(ours)).length).toBeGreaterThanOrEqual(5)
})

test.each(['pre-deploy.yml', 'nightly-drill.yml'])(
  '"Use it" shows examples/workflows/%s word for word',
  (file) => {
    const text = readFileSync(path.join(ROOT, 'examples/workflows', file), 'utf8')
    expect(blocks).toContain(text)
  }
)

describe.each(blocks.map((b, i) => [i + 1, b] as const))('README YAML block %i', (_n, block) => {
  test('parses, and every step of this action can be copied as it is', () => {
    const steps = stepsOf(parse(block)).filter(ours)
    for (const step of steps) {
      const inputs = step.with ?? {}
      expect(Object.keys(inputs).filter((k) => !INPUTS.has(k))).toEqual([])
      const mode = String(inputs.mode)
      expect(MODES).toContain(mode)
      // Checking a stored copy needs the store, not the instance.
      const needs = mode === 'mirror' && inputs['mirror-action'] === 'verify' ? [] : REQUIRED[mode]
      for (const need of needs ?? []) {
        expect([mode, need, need.split('|').some((k) => inputs[k] !== undefined)]).toEqual([
          mode,
          need,
          true
        ])
      }
      // No placeholder that would be passed on as it is.
      for (const value of Object.values(inputs)) expect(String(value)).not.toBe('...')
    }
  })
})
