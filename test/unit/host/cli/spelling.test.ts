import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { CLI_SPELLING } from '../../../../src/host/cli/context.js'
import { main } from '../../../../src/host/cli/main.js'
import { ACTION_SPELLING } from '../../../../src/inputs/spelling.js'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-spelling-'))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = ''
  const code = await main(argv, {
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
    env: { TMPDIR: dir }
  })
  return { code, stderr }
}

describe('hints in the words of the host', () => {
  test('the CLI spells flags and commands; the action spells with: keys and modes', () => {
    expect(CLI_SPELLING.setting('fail-on', 'never')).toBe('--fail-on never')
    expect(CLI_SPELLING.setting('allow-insecure-http', 'true')).toBe('--allow-insecure-http')
    expect(CLI_SPELLING.setting('wait', 'false')).toBe('--no-wait')
    expect(CLI_SPELLING.setting('keep-on-failure')).toBe('--keep-on-failure')
    expect(CLI_SPELLING.mode('sweep')).toBe('dbaas-backup sweep')
    expect(ACTION_SPELLING.setting('fail-on', 'never')).toBe('fail-on: never')
    expect(ACTION_SPELLING.setting('keep-on-failure')).toBe('keep-on-failure')
    expect(ACTION_SPELLING.mode('sweep')).toBe('mode: sweep')
  })

  test('a plain http auth URL: the CLI says --allow-insecure-http', async () => {
    const { code, stderr } = await run([
      'list',
      '--auth-url',
      'http://127.0.0.1:5000/v3',
      '--application-credential-id',
      'id',
      '--application-credential-secret',
      'not-used'
    ])
    expect(code).toBe(2)
    // The input's own error keeps its name; the hint is a flag.
    expect(stderr).toMatch(/Input "auth-url": .*or set --allow-insecure-http for a test cloud/)
    expect(stderr).not.toContain('allow-insecure-http: true')
  })

  test('a stale fleet report: the CLI says `--fail-on never` and `dbaas-backup backup`', async () => {
    const file = path.join(dir, 'stale.json')
    writeFileSync(file, JSON.stringify(staleReport()))
    const { code, stderr } = await run([
      'report',
      '--report-files',
      file,
      '--report-path',
      path.join(dir, 'merged.json')
    ])
    expect(code).toBe(1)
    expect(stderr).toContain('(dbaas-backup backup)')
    expect(stderr).toContain('Set --fail-on never to report without failing.')
    expect(stderr).not.toContain('fail-on: never')
  })
})

/** A report JSON (schemaVersion 1) of one instance whose newest backup is 40 h old. */
function staleReport(): unknown {
  const latest = {
    id: 'b-1',
    name: 'blog-db-nightly',
    status: 'COMPLETED',
    created: '2026-11-25T01:00:00.000Z',
    ageHours: 40
  }
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-25T07:00:00Z',
    status: 'stale',
    policy: {
      maxAgeHours: 24,
      graceHours: 2,
      retentionDays: 90,
      expiryWarningDays: 7,
      gapWindowDays: 30,
      failOn: 'stale'
    },
    totals: {},
    instances: [
      {
        id: 'i-2',
        name: 'blog-db',
        instanceStatus: 'ACTIVE',
        datastore: 'postgresql',
        datastoreVersion: '17.2',
        verdict: 'stale',
        latestBackup: latest,
        oldestBackup: { ...latest, ageDays: 30 },
        counts: { total: 30, usable: 30, failed: 0, running: 0, other: 0 },
        sizeGb: 15,
        largestGap: null,
        gaps: [],
        failedInWindow: [],
        expiringSoon: [],
        pastRetention: [],
        notRestorable: [],
        clockSkew: [],
        backups: []
      }
    ]
  }
}
