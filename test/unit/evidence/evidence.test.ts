import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  buildDrillEvidence,
  type DrillFacts,
  renderEvidence,
  toolVersions
} from '../../../src/evidence/index.js'
import { evidenceErrors } from '../../helpers/evidence-schema.js'

const started = Date.parse('2026-12-01T03:17:00Z')

function facts(extra: Partial<DrillFacts> = {}): DrillFacts {
  return {
    drill: 'verify',
    startedAt: started,
    finishedAt: started + 412_345,
    passed: true,
    run: {
      runUrl: 'https://github.com/acme/shop/actions/runs/42',
      repository: 'acme/shop',
      runId: '42',
      runAttempt: '1',
      workflow: 'nightly restore drill',
      sha: 'a'.repeat(40),
      ref: 'main'
    },
    source: { id: 'inst-1', name: 'shop-db' },
    backupInstanceId: 'inst-1',
    backup: {
      id: 'bk-1',
      name: 'nightly',
      created: new Date('2026-12-01T01:00:00Z'),
      sizeGb: 0.12
    },
    datastore: { type: 'postgresql', version: '15' },
    restoreMs: 281_449,
    tempName: 'dbaas-verify-42-1-abcd',
    tempId: 'inst-temp',
    cleanup: 'deleted',
    checks: [
      {
        name: 'connect',
        passed: true,
        detail: 'PostgreSQL 15.8 at 10.0.0.5:5432',
        durationMs: 12.6
      },
      {
        name: 'integrity',
        passed: false,
        skipped: true,
        detail: 'amcheck not allowed',
        durationMs: 3
      },
      { name: 'assert: orders', passed: false, detail: 'got 0, expected >= 1', durationMs: 4 }
    ],
    tools: toolVersions('postgresql'),
    server: { engine: 'PostgreSQL', version: '15.8' },
    ...extra
  }
}

describe('drill evidence', () => {
  test('a drill that reached the checks is valid against docs/evidence.schema.json', () => {
    const evidence = buildDrillEvidence(facts())
    expect(evidenceErrors(JSON.parse(renderEvidence(evidence)))).toEqual([])
    expect(evidence).toMatchObject({
      result: 'passed',
      startedAt: '2026-12-01T03:17:00.000Z',
      finishedAt: '2026-12-01T03:23:52.345Z',
      backup: { id: 'bk-1', created: '2026-12-01T01:00:00.000Z', ageSeconds: 8220 },
      restore: { usableSeconds: 281.4, tempInstanceId: 'inst-temp', cleanup: 'deleted' },
      counts: { passed: 1, failed: 1, skipped: 1 },
      versions: { server: { engine: 'PostgreSQL', version: '15.8' } }
    })
    expect(evidence.checks.map((c) => [c.name, c.result, c.durationMs])).toEqual([
      ['connect', 'pass', 13],
      ['integrity', 'skipped', 3],
      ['assert: orders', 'fail', 4]
    ])
    expect(evidence.versions.tools.map((t) => t.name)).toEqual([
      'dbaas-backup-action',
      'node',
      'node-postgres (pg)'
    ])
  })

  test('a drill whose restore failed, run from the CLI, is valid too: nulls, not gaps', () => {
    const evidence = buildDrillEvidence(
      facts({
        passed: false,
        run: {
          runUrl: '',
          repository: '',
          runId: '',
          runAttempt: '1',
          workflow: '',
          sha: '',
          ref: ''
        },
        source: undefined,
        restoreMs: undefined,
        tempId: undefined,
        checks: [],
        server: undefined,
        backup: { id: 'bk-2', name: 'old', created: new Date(started + 60_000) },
        error: 'Trove: the instance went to ERROR'
      })
    )
    expect(evidenceErrors(evidence)).toEqual([])
    expect(evidence.run).toEqual({
      url: null,
      repository: null,
      runId: null,
      runAttempt: null,
      workflow: null,
      sha: null,
      ref: null
    })
    expect(evidence.source).toEqual({ instanceId: 'inst-1', instanceName: null })
    expect(evidence.backup?.ageSeconds).toBe(0)
    expect(evidence.backup?.sizeGb).toBeNull()
    expect(evidence.restore.usableSeconds).toBeNull()
    expect(evidence.versions.server).toBeNull()
    expect(evidence.error).toBe('Trove: the instance went to ERROR')
  })

  test('names and details with quotes, newlines and control characters stay valid JSON, intact', () => {
    const odd = 'shop "db"\n\\ \u0000 \u2028 </script>'
    const evidence = buildDrillEvidence(
      facts({
        source: { id: 'inst-1', name: odd },
        checks: [{ name: `assert: ${odd}`, passed: true, detail: odd, durationMs: 1 }]
      })
    )
    const parsed = JSON.parse(renderEvidence(evidence)) as typeof evidence
    expect(evidenceErrors(parsed)).toEqual([])
    expect(parsed.source.instanceName).toBe(odd)
    expect(parsed.checks[0]?.detail).toBe(odd)
  })

  test.each([
    ['an unknown result', ['result'], 'ok', '/result'],
    [
      'a check result outside pass/fail/skipped',
      ['checks', 0, 'result'],
      'passed',
      '/checks/0/result'
    ],
    ['a missing backup id', ['backup', 'id'], undefined, '/backup'],
    ['a creation time that is no date', ['backup', 'created'], 'yesterday', '/backup/created'],
    ['an extra field', ['surprise'], 1, '/'],
    ['no tools', ['versions', 'tools'], [], '/versions/tools']
  ] as const)('the schema refuses %s', (_what, where, value, complaint) => {
    const doc = JSON.parse(renderEvidence(buildDrillEvidence(facts()))) as Record<string, unknown>
    let parent = doc as Record<string | number, unknown>
    for (const key of where.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
    const last = where[where.length - 1] as string | number
    if (value === undefined) delete parent[last]
    else parent[last] = value
    expect(evidenceErrors(doc).some((e) => e.startsWith(complaint))).toBe(true)
  })
})

test("the README's example evidence is valid against the schema", () => {
  const readme = readFileSync(path.join(import.meta.dirname, '../../../README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('### Drill evidence'))
  const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1]
  expect(example).toBeDefined()
  expect(evidenceErrors(JSON.parse(example as string))).toEqual([])
})
