import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { report } from '../../../../src/commands/report/index.js'
import { CheckFailure, InputError } from '../../../../src/errors.js'
import type { InstanceReport, ReportDocument } from '../../../../src/commands/report/document.js'
import { fakeContext } from '../../helpers/fake-context.js'

let dir: string

function instance(
  id: string,
  name: string,
  verdict: 'ok' | 'stale' | 'none',
  ageHours: number | null
): InstanceReport {
  const latest =
    ageHours === null
      ? null
      : {
          id: `b-${id}`,
          name: `${name}-nightly`,
          status: 'COMPLETED',
          created: '2026-11-25T01:00:00.000Z',
          ageHours
        }
  return {
    id,
    name,
    instanceStatus: 'ACTIVE',
    datastore: 'postgresql',
    datastoreVersion: '17.2',
    verdict,
    latestBackup: latest,
    oldestBackup: latest ? { ...latest, ageDays: 30 } : null,
    counts: { total: latest ? 30 : 0, usable: latest ? 30 : 0, failed: 0, running: 0, other: 0 },
    sizeGb: latest ? 15 : 0,
    largestGap: null,
    gaps: [],
    failedInWindow: [],
    expiringSoon: [],
    pastRetention: [],
    notRestorable: [],
    clockSkew: [],
    backups: []
  } as unknown as InstanceReport
}

function doc(generatedAt: string, instances: InstanceReport[]): ReportDocument {
  return {
    schemaVersion: 1,
    generatedAt,
    status: 'ok',
    policy: {
      maxAgeHours: 24,
      graceHours: 2,
      retentionDays: 90,
      expiryWarningDays: 7,
      gapWindowDays: 30,
      failOn: 'stale'
    },
    totals: {} as ReportDocument['totals'],
    instances
  }
}

function write(file: string, content: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(content))
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-'))
  // As actions/download-artifact lays them out: one folder per artifact.
  write(
    path.join(dir, 'reports', 'report-shop', 'dbaas-backup-report.json'),
    doc('2026-11-25T07:00:00Z', [instance('i-1', 'shop-db', 'ok', 5)])
  )
  write(
    path.join(dir, 'reports', 'report-blog', 'dbaas-backup-report.json'),
    doc('2026-11-25T07:00:00Z', [instance('i-2', 'blog-db', 'stale', 40)])
  )
  // A re-run of shop: the newer report wins, the instance counts once.
  write(
    path.join(dir, 'reports', 'report-shop-2', 'r.json'),
    doc('2026-11-25T08:00:00Z', [instance('i-1', 'shop-db', 'ok', 6)])
  )
  write(path.join(dir, 'bad', 'not-a-report.json'), { hello: 'world' })
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('fleet report (report-files)', () => {
  test('merges a folder of per-job reports into one, worst first, without calling the cloud', async () => {
    const out = path.join(dir, 'fleet.json')
    const r = fakeContext({
      'report-files': path.join(dir, 'reports'),
      'fail-on': 'never',
      'report-path': out
    })
    await report(r.context)
    expect(r.cloudCalls()).toBe(0)
    expect(r.outputs.status).toBe('stale')
    expect(r.outputs['latest-backup-id']).toBe('b-i-2')
    expect(r.outputs['backups-count']).toBe(60)
    expect(r.outputs['report-json']).toBe(out)
    const merged = JSON.parse(readFileSync(out, 'utf8')) as ReportDocument
    expect(merged.instances.map((i) => [i.name, i.latestBackup?.ageHours])).toEqual([
      ['blog-db', 40],
      ['shop-db', 6]
    ])
    expect(merged.totals).toMatchObject({
      instances: 2,
      ok: 1,
      stale: 1,
      none: 0,
      backups: 60,
      sizeGb: 30
    })
    expect(merged.policy.failOn).toBe('never')
    expect(r.summary.join('')).toContain('Merged from 3 report file(s)')
    expect(r.warnings.length).toBeGreaterThan(0)
  })

  test('fails like a report with fail-on: stale', async () => {
    const r = fakeContext({
      'report-files': `${dir}/reports/**/*.json`,
      'report-path': path.join(dir, 'f2.json')
    })
    await expect(report(r.context)).rejects.toThrow(CheckFailure)
    await expect(report(r.context)).rejects.toThrow(
      /blog-db \(i-2\): newest COMPLETED backup 40 h old/
    )
  })

  test('a glob that matches nothing, or a file that is not a report, is bad input', async () => {
    await expect(
      report(fakeContext({ 'report-files': `${dir}/nothing/*.json` }).context)
    ).rejects.toThrow(/Input "report-files": ".*" matches no report JSON file/)
    await expect(
      report(fakeContext({ 'report-files': path.join(dir, 'bad') }).context)
    ).rejects.toThrow(InputError)
  })
})
