import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { report } from '../../../../src/commands/report/index.js'
import { CheckFailure } from '../../../../src/errors.js'
import type { ReportDocument } from '../../../../src/commands/report/document.js'
import {
  backupJson,
  instanceJson,
  mockKeystone,
  TROVE,
  TROVE_BASE
} from '../../helpers/fake-cloud.js'
import { fakeContext } from '../../helpers/fake-context.js'

const NOW = Date.parse('2026-11-25T12:00:00Z') // the FakeClock's start
const SHOP = '11111111-1111-4111-8111-111111111111'
const BLOG = '22222222-2222-4222-8222-222222222222'

/** Trove's naive UTC stamp for `hours` before NOW. */
function stamp(hours: number): string {
  return new Date(NOW - hours * 3_600_000).toISOString().slice(0, 19)
}

function history(instanceId: string, ages: number[], overrides: Record<string, unknown> = {}) {
  return ages.map((age, n) =>
    backupJson(`${instanceId.slice(0, 8)}-${n}`, {
      instance_id: instanceId,
      created: stamp(age),
      updated: stamp(age),
      datastore: { type: 'postgresql', version: '17.2', version_id: 'v-17' },
      ...overrides
    })
  )
}

function mockCloud(backups: Record<string, unknown[]>, versions = [{ id: 'v-17', name: '17.2' }]) {
  mockKeystone()
  const trove = nock(TROVE)
  trove
    .get(`${TROVE_BASE}/instances`)
    .query(true)
    .reply(200, {
      instances: [instanceJson(SHOP, { name: 'shop-db' }), instanceJson(BLOG, { name: 'blog-db' })]
    })
  for (const [id, list] of Object.entries(backups)) {
    trove
      .get(`${TROVE_BASE}/backups`)
      .query({ instance_id: id, limit: '1000' })
      .reply(200, { backups: list })
  }
  trove
    .get(`${TROVE_BASE}/datastores/postgresql/versions`)
    .reply(200, { versions: versions.map((v) => ({ ...v, version: v.name, links: [] })) })
  return trove
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'report-unit-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const daily = (days: number, skip: number[] = []): number[] =>
  Array.from({ length: days }, (_, d) => d * 24 + 2).filter((_, d) => !skip.includes(d))

describe('report on one instance', () => {
  test('a healthy daily history: ok, outputs, a JSON file, a summary with a chart, no failure', async () => {
    const scope = mockCloud({ [SHOP]: history(SHOP, daily(40)) })
    const rec = fakeContext({ instance: 'shop-db' }, { RUNNER_TEMP: dir })
    await report(rec.context)
    expect(scope.isDone()).toBe(true)
    const file = path.join(dir, 'dbaas-backup-report.json')
    expect(rec.outputs).toEqual({
      status: 'ok',
      'latest-backup-id': '11111111-0',
      'latest-backup-age-hours': 2,
      'backups-count': 40,
      'oldest-backup-age-days': 39.08,
      'report-json': file
    })
    const doc = JSON.parse(readFileSync(file, 'utf8')) as ReportDocument
    expect(doc).toMatchObject({
      schemaVersion: 1,
      status: 'ok',
      totals: { instances: 1, backups: 40 }
    })
    expect(doc.instances[0]?.backups).toHaveLength(40)
    const summary = rec.summary.join('\n')
    expect(summary).toContain('```mermaid\nxychart-beta')
    expect(summary).toContain('shop-db')
    expect(rec.warnings).toEqual([])
    expect(rec.groups).toEqual(['Find instances', 'List backups', 'Write report'])
  })

  test('a stale instance fails the step with a message that names it and says what to do', async () => {
    mockCloud({ [SHOP]: history(SHOP, [30, 54, 78]) })
    const rec = fakeContext({ instance: 'shop-db', 'report-path': path.join(dir, 'r.json') })
    const error = await report(rec.context).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CheckFailure)
    expect((error as Error).message).toMatch(/shop-db \(1111.*\): newest COMPLETED backup 30 h old/)
    expect((error as Error).message).toMatch(/take a manual backup now/)
    // In the action's words (the CLI says `--fail-on never`: test/unit/host/cli/spelling.test.ts).
    expect((error as Error).message).toContain('(mode: backup)')
    expect((error as Error).message).toContain('Set fail-on: never to report without failing.')
    // Outputs, annotations and the summary are all there before the step fails.
    expect(rec.outputs.status).toBe('stale')
    expect(rec.warnings.map((w) => w.title)).toContain('Stale backup')
    expect(rec.summary.join('')).toContain('❌ stale')
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).status).toBe('stale')
  })

  test('fail-on: never reports the same without failing', async () => {
    mockCloud({ [SHOP]: [] })
    const rec = fakeContext({ instance: 'shop-db', 'fail-on': 'never' }, { RUNNER_TEMP: dir })
    await report(rec.context)
    expect(rec.outputs).toMatchObject({
      status: 'none',
      'latest-backup-id': '',
      'latest-backup-age-hours': '',
      'backups-count': 0,
      'oldest-backup-age-days': ''
    })
    expect(rec.warnings).toEqual([
      { title: 'No backup', message: expect.stringContaining('shop-db') }
    ])
  })

  test('failed, expiring, past-retention and not-restorable backups each warn once', async () => {
    const list = [
      ...history(SHOP, daily(10)),
      ...history(SHOP, [5 * 24], { status: 'FAILED' }).map((b) => ({ ...b, id: 'failed-1' })),
      ...history(SHOP, [85 * 24]).map((b) => ({ ...b, id: 'expiring-1' })),
      ...history(SHOP, [95 * 24]).map((b) => ({ ...b, id: 'overdue-1' })),
      ...history(SHOP, [20 * 24], {
        datastore: { type: 'postgresql', version: '14', version_id: 'v-14' }
      }).map((b) => ({ ...b, id: 'pg14-1' }))
    ]
    mockCloud({ [SHOP]: list })
    const rec = fakeContext({ instance: 'shop-db' }, { RUNNER_TEMP: dir })
    await report(rec.context)
    expect(rec.warnings.map((w) => w.title)).toEqual([
      'Backups not restorable',
      'Failed backups',
      'Backups past retention',
      'Backups expiring'
    ])
    expect(rec.warnings[0]?.message).toMatch(
      /1 of 13 COMPLETED backups cannot be restored \(postgresql 14 is not offered/
    )
    const summary = rec.summary.join('\n')
    expect(summary).toContain('[!CAUTION]')
    expect(summary).toContain('🛑')
  })
})

describe('report on several instances', () => {
  test('the worst verdict decides and the latest-backup outputs describe the worst instance', async () => {
    mockCloud({
      [BLOG]: history(BLOG, daily(5)),
      [SHOP]: history(SHOP, [50, 74])
    })
    const rec = fakeContext(
      { instances: 'blog-db, shop-*', 'fail-on': 'never', 'max-concurrency': '1' },
      { RUNNER_TEMP: dir }
    )
    await report(rec.context)
    expect(rec.outputs).toMatchObject({
      status: 'stale',
      'latest-backup-id': '11111111-0',
      'latest-backup-age-hours': 50,
      'backups-count': 7
    })
    const summary = rec.summary.join('\n')
    expect(summary).toMatch(/\| instance \| verdict \|/)
    expect(summary).toContain('<details open><summary>❌ shop-db</summary>')
    expect(rec.logs.some((l) => /^\[2\/2\] .*backup\(s\) \(\d+\.\d\ds\)$/.test(l))).toBe(true)
  })

  test('"all" walks the whole project in large pages and drops backups of other instances', async () => {
    mockKeystone()
    const gone = '33333333-3333-4333-8333-333333333333'
    const scope = nock(TROVE)
      .get(`${TROVE_BASE}/instances`)
      .query(true)
      .reply(200, {
        instances: [
          instanceJson(SHOP, { name: 'shop-db' }),
          instanceJson(BLOG, { name: 'blog-db' })
        ]
      })
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '250' })
      .reply(200, {
        backups: [...history(SHOP, [1, 25]), ...history(BLOG, [2]), ...history(gone, [3])]
      })
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '100' })
      .reply(200, { backups: history(SHOP, [1, 25]) })
      .get(`${TROVE_BASE}/datastores/postgresql/versions`)
      .reply(200, { versions: [{ id: 'v-17', name: '17.2' }] })
    const rec = fakeContext({ instances: 'all' }, { RUNNER_TEMP: dir })
    await report(rec.context)
    expect(scope.isDone()).toBe(true)
    expect(rec.outputs).toMatchObject({ status: 'ok', 'backups-count': 3 })
    expect(rec.logs).toContain('4 backup(s) in the project, 3 of the 2 instance(s) (0.00s)')
  })

  test('names and ids in cloud strings are escaped in the summary', async () => {
    mockKeystone()
    nock(TROVE)
      .get(`${TROVE_BASE}/instances`)
      .query(true)
      .reply(200, { instances: [instanceJson(SHOP, { name: 'x|<script>' })] })
      .get(`${TROVE_BASE}/backups`)
      .query(true)
      .reply(200, { backups: history(SHOP, [1], { name: 'a|b<i>' }) })
      .get(`${TROVE_BASE}/datastores/postgresql/versions`)
      .reply(200, { versions: [{ id: 'v-17', name: '17.2' }] })
    const rec = fakeContext({ instance: 'x|<script>' }, { RUNNER_TEMP: dir })
    await report(rec.context)
    const summary = rec.summary.join('\n')
    expect(summary).not.toContain('<script>')
    expect(summary).not.toContain('<i>')
    expect(summary).toContain('x\\|&lt;script&gt;')
  })
})
