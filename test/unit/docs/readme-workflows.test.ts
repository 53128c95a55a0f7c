import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { readActionMeta } from '../../../scripts/action-metadata.js'
import { MODES } from '../../../src/inputs/mode.js'
import { needsOf, runScriptsWithExpressions } from './workflow-rules.js'

// Every YAML block in the README is meant to be copied: the steps that use this action must name
// only inputs action.yml declares, a real mode, and what that mode needs; the two workflows of
// "Use it" are the example files, word for word.
const ROOT = path.resolve(import.meta.dirname, '../../..')
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const meta = readActionMeta(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
const INPUTS = new Set(meta.inputs.map((i) => i.name))

interface Step {
  uses?: string
  with?: Record<string, unknown>
  run?: unknown
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
  test('no run: script pastes an expression into the shell', () => {
    expect(runScriptsWithExpressions(stepsOf(parse(block)))).toEqual([])
  })

  test('parses, and every step of this action can be copied as it is', () => {
    const steps = stepsOf(parse(block)).filter(ours)
    for (const step of steps) {
      const inputs = step.with ?? {}
      expect(Object.keys(inputs).filter((k) => !INPUTS.has(k))).toEqual([])
      const mode = String(inputs.mode)
      expect(MODES).toContain(mode)
      for (const need of needsOf(inputs)) {
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
