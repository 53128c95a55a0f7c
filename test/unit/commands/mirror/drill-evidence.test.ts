import { describe, expect, test } from '@jest/globals'
import {
  copyDrillEvidence,
  type CopyDrillFacts
} from '../../../../src/commands/mirror/drill-evidence.js'
import type { MirrorManifest } from '../../../../src/commands/mirror/manifest.js'
import { renderEvidence } from '../../../../src/evidence/index.js'
import { evidenceErrors } from '../../../helpers/evidence-schema.js'

const started = Date.parse('2026-12-01T04:00:00Z')
const KEY = 'dr/shop-db/shop-db-20261201T020000Z-live.pgdump.zst.age'

function manifest(source: Partial<MirrorManifest['source']> = {}): MirrorManifest {
  return {
    schemaVersion: 1,
    tool: 'dbaas-backup-action',
    kind: 'mirror',
    objectKey: KEY,
    created: '2026-12-01T02:00:00.000Z',
    source: {
      kind: 'live',
      instanceId: 'inst-1',
      instanceName: 'shop-db',
      backupId: null,
      backupCreated: null,
      ...source
    },
    datastore: { type: 'postgresql', version: '16' },
    dump: {
      tool: 'pg_dump',
      toolVersion: 'pg_dump (PostgreSQL) 16.4',
      format: 'custom',
      databases: ['shop']
    },
    compression: { algorithm: 'zstd', level: 3 },
    encryption: { format: 'age', recipients: ['age1example'] },
    sizes: { dumpBytes: 90_000, storedBytes: 41_234 },
    sha256: 'ab'.repeat(32),
    upload: { parts: 1, partSizeBytes: 8 * 1024 ** 2, seconds: 1.2 },
    rowCounts: {
      exact: true,
      method: 'dump-snapshot',
      tables: [{ database: 'shop', table: 'public.orders', rows: 500 }]
    }
  } as MirrorManifest
}

const run = {
  runUrl: 'https://github.com/acme/shop/actions/runs/7',
  repository: 'acme/shop',
  runId: '7',
  runAttempt: '1',
  workflow: 'off-site drill',
  sha: 'c'.repeat(40),
  ref: 'main'
}

function passing(extra: Partial<CopyDrillFacts> = {}): CopyDrillFacts {
  return {
    report: {
      objectKey: KEY,
      manifest: manifest(),
      ageMs: 2 * 3_600_000,
      results: [
        { name: 'connect', passed: true, detail: 'PostgreSQL 16.4', durationMs: 8.4 },
        {
          name: 'row counts vs manifest',
          passed: true,
          detail: '1 table(s), 500 rows as the manifest recorded',
          durationMs: 0.4
        }
      ],
      verified: true,
      restoreMs: 3_456,
      cleanup: 'dropped drill_shop from the target'
    },
    startedAt: started,
    finishedAt: started + 9_000,
    run,
    restore: {
      tool: { command: 'pg_restore', version: 'pg_restore (PostgreSQL) 16.4' },
      serverVersion: '16.4'
    },
    server: { engine: 'PostgreSQL', version: '16.4 (Debian 16.4-1)' },
    ...extra
  }
}

describe('evidence of a mirror drill', () => {
  test('a passing drill of a live copy: no backup, the copy instead, valid against the schema', () => {
    const evidence = copyDrillEvidence(passing())
    expect(evidenceErrors(JSON.parse(renderEvidence(evidence)))).toEqual([])
    expect(evidence).toMatchObject({
      drill: 'mirror',
      result: 'passed',
      source: { instanceId: 'inst-1', instanceName: 'shop-db' },
      backup: null,
      copy: {
        objectKey: KEY,
        sha256: 'ab'.repeat(32),
        bytes: 41_234,
        created: '2026-12-01T02:00:00.000Z',
        ageSeconds: 7200
      },
      datastore: { type: 'postgresql', version: '16' },
      restore: {
        usableSeconds: 3.5,
        tempInstanceName: null,
        tempInstanceId: null,
        cleanup: 'dropped drill_shop from the target'
      },
      counts: { passed: 2, failed: 0, skipped: 0 },
      versions: { server: { engine: 'PostgreSQL', version: '16.4 (Debian 16.4-1)' } },
      error: null
    })
    expect(evidence.checks.map((c) => c.name)).toEqual(['connect', 'row counts vs manifest'])
    expect(evidence.versions.tools).toEqual([
      { name: 'dbaas-backup-action', version: expect.any(String) },
      { name: 'node', version: process.versions.node },
      { name: 'node-postgres (pg)', version: expect.any(String) },
      { name: 'pg_restore', version: 'pg_restore (PostgreSQL) 16.4' }
    ])
  })

  test('a copy dumped from a Trove backup names that backup, with what the manifest records', () => {
    const facts = passing()
    facts.report.manifest = manifest({
      kind: 'restored',
      backupId: 'bk-42',
      backupCreated: '2026-12-01T01:30:00.000Z'
    })
    const evidence = copyDrillEvidence(facts)
    expect(evidenceErrors(evidence)).toEqual([])
    expect(evidence.backup).toEqual({
      id: 'bk-42',
      name: '',
      created: '2026-12-01T01:30:00.000Z',
      ageSeconds: 9000,
      sizeGb: null
    })
    expect(evidence.copy?.objectKey).toBe(KEY)
  })

  test('a drill refused for a stale copy is a failed one: nothing restored, no tool, no server', () => {
    const facts = passing({
      report: {
        objectKey: KEY,
        manifest: manifest(),
        ageMs: 90 * 3_600_000,
        results: [],
        verified: false,
        error: 'the newest copy is 3d 18h old, older than max-age + grace (1d 6h)'
      }
    })
    delete facts.restore
    delete facts.server
    const evidence = copyDrillEvidence(facts)
    expect(evidenceErrors(evidence)).toEqual([])
    expect(evidence).toMatchObject({
      result: 'failed',
      checks: [],
      restore: { usableSeconds: null, cleanup: 'nothing was restored' },
      versions: { server: null },
      error: 'the newest copy is 3d 18h old, older than max-age + grace (1d 6h)'
    })
    expect(evidence.versions.tools.map((t) => t.name)).not.toContain('pg_restore')
  })

  test('a failed row-count check fails the evidence; the target version stands in for the checks', () => {
    const facts = passing()
    facts.report.verified = false
    facts.report.results = [
      { name: 'row counts vs manifest', passed: false, detail: '400 rows, 500', durationMs: 1 }
    ]
    delete facts.server
    const evidence = copyDrillEvidence(facts)
    expect(evidenceErrors(evidence)).toEqual([])
    expect(evidence.result).toBe('failed')
    expect(evidence.counts).toEqual({ passed: 0, failed: 1, skipped: 0 })
    expect(evidence.versions.server).toEqual({ engine: 'PostgreSQL', version: '16.4' })
  })

  test('the schema refuses a null backup without the copy that stands for it', () => {
    const doc = JSON.parse(renderEvidence(copyDrillEvidence(passing()))) as Record<string, unknown>
    delete doc.copy
    expect(evidenceErrors(doc)).not.toEqual([])
  })
})
