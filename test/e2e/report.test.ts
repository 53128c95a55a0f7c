import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals'
import type { ReportDocument } from '../../src/commands/report/document.js'
import { type RunningCloud, type SeedBackup, startCloud } from '../localcloud/harness.js'
import { cloudInputs, runAction } from './helpers/run-action.js'
import { parseExposition } from '../helpers/exposition.js'

// report mode through the committed bundle, exactly as GitHub runs it, on the local cloud.
jest.setTimeout(120_000)

let cloud: RunningCloud
let dir: string

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
  dir = mkdtempSync(path.join(tmpdir(), 'report-e2e-'))
}, 60_000)

afterAll(async () => {
  await cloud?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  await cloud.admin.reset()
})

/**
 * 103 backups over 92 days: one automatic backup a day for 90 days except 5 days ago (the
 * missed day), one left over past the 90-day retention, a FAILED one a week ago, and twelve
 * manual pre-deploy backups 40–51 days ago (outside the 30-day gap window).
 */
function seededHistory(version = '15'): SeedBackup[] {
  const backups: SeedBackup[] = []
  for (let d = 0; d < 90; d++) {
    if (d !== 5) backups.push({ ageHours: d * 24 + 3, sizeGb: 0.5, datastoreVersion: version })
  }
  backups.push({ ageHours: 92 * 24, sizeGb: 0.5, datastoreVersion: version, name: 'left-over' })
  backups.push({ ageHours: 7 * 24 + 1, status: 'FAILED', sizeGb: 0.1, name: 'failed-nightly' })
  for (let d = 40; d < 52; d++) {
    backups.push({ ageHours: d * 24 + 10, sizeGb: 0.25, name: `pre-deploy-${d}` })
  }
  return backups
}

function inputs(extra: Record<string, string>): Record<string, string> {
  return { mode: 'report', ...cloudInputs(cloud.info), ...extra }
}

function titles(annotations: string[]): string[] {
  return annotations.map((a) => /title=([^:,]*)/.exec(a)?.[1] ?? a)
}

describe('report mode on the local cloud', () => {
  test('a 92-day history of 103 backups: ok, every finding reported, the missed day in the chart', async () => {
    const [id] = await cloud.admin.seedInstances(1, { namePrefix: 'shop-db-' })
    await cloud.admin.seedBackups(id as string, seededHistory())
    const reportPath = path.join(dir, 'one', 'report.json')

    const result = await runAction(
      'main',
      inputs({ instance: 'shop-db-0', 'report-path': reportPath })
    )

    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('ok')
    expect(result.outputs['backups-count']).toBe('103')
    expect(Number(result.outputs['latest-backup-age-hours'])).toBeCloseTo(3, 1)
    expect(Number(result.outputs['oldest-backup-age-days'])).toBeCloseTo(92, 1)
    expect(result.outputs['report-json']).toBe(reportPath)

    const doc = JSON.parse(readFileSync(reportPath, 'utf8')) as ReportDocument
    expect(doc.schemaVersion).toBe(1)
    const shop = doc.instances[0]
    expect(shop?.latestBackup?.id).toBe(result.outputs['latest-backup-id'])
    expect(shop?.counts).toEqual({ total: 103, usable: 102, failed: 1, running: 0, other: 0 })
    expect(shop?.largestGap?.hours).toBeCloseTo(48, 1)
    expect(shop?.failedInWindow.map((b) => b.name)).toEqual(['failed-nightly'])
    expect(shop?.pastRetention.map((b) => b.name)).toEqual(['left-over'])
    expect(shop?.expiringSoon.length).toBe(7)
    expect(shop?.notRestorable).toEqual([])
    expect(shop?.backups).toHaveLength(103)

    expect(result.summary).toContain('```mermaid')
    expect(result.summary).toContain('xychart-beta')
    expect(result.summary).toMatch(/bar \[.*48\.0/)
    expect(result.summary).toContain('shop-db-0')
    expect(titles(result.annotations)).toEqual([
      'Failed backups',
      'Backups past retention',
      'Backups expiring'
    ])
    expect(result.annotations.every((a) => a.startsWith('::warning'))).toBe(true)
    // Every backup in one request per instance: no 20-a-page walk.
    const requests = await cloud.admin.requests()
    const backupCalls = requests.filter((r) => r.service === 'trove' && r.path.endsWith('/backups'))
    expect(backupCalls).toHaveLength(1)
    expect(backupCalls[0]?.query).toMatchObject({ instance_id: id, limit: '1000' })
  })

  test('walks every page: 25 instances past the list page of 20, 1,050 backups past the page of 1,000', async () => {
    const ids = await cloud.admin.seedInstances(25, { namePrefix: 'paged-db-' })
    const last = ids[24] as string
    // One backup every 2 h: 1,050 of them span 87.5 days, all inside the 90-day retention.
    await cloud.admin.seedBackups(
      last,
      Array.from({ length: 1050 }, (_, n) => ({ ageHours: 1 + n * 2, name: `nightly-${n}` }))
    )
    await cloud.admin.clearRequests()
    const reportPath = path.join(dir, 'paged', 'report.json')

    const result = await runAction(
      'main',
      inputs({ instance: 'paged-db-24', 'report-path': reportPath })
    )

    expect(result.exitCode).toBe(0)
    expect(result.outputs['backups-count']).toBe('1050')
    const doc = JSON.parse(readFileSync(reportPath, 'utf8')) as ReportDocument
    expect(doc.instances.map((i) => i.id)).toEqual([last])
    const names = new Set(doc.instances[0]?.backups.map((b) => b.name))
    expect(names.size).toBe(1050)
    expect(names.has('nightly-0') && names.has('nightly-1049')).toBe(true)
    const requests = (await cloud.admin.requests()).filter((r) => r.service === 'trove')
    // The instance by name: the list's second page, after the id marker of the first.
    const lists = requests.filter((r) => r.path.endsWith('/instances'))
    expect(lists.length).toBeGreaterThanOrEqual(2)
    expect(lists[1]?.query.marker).toBeTruthy()
    // Its backups: the page of 1,000, then the rest from offset 1,000.
    const pages = requests.filter((r) => r.path.endsWith('/backups'))
    expect(pages.map((r) => r.query.marker ?? '')).toEqual(['', '1000'])
  })

  test('a stale instance fails the step with fail-on: stale, and only reports with never', async () => {
    const [id] = await cloud.admin.seedInstances(1, { namePrefix: 'stale-db-' })
    await cloud.admin.seedBackups(id as string, [{ ageHours: 30 }, { ageHours: 54 }])

    const failed = await runAction('main', inputs({ instance: id as string }))
    expect(failed.exitCode).toBe(1)
    expect(failed.outputs.status).toBe('stale')
    expect(Number(failed.outputs['latest-backup-age-hours'])).toBeCloseTo(30, 1)
    const error = failed.annotations.find((a) => a.startsWith('::error'))
    expect(error).toMatch(/stale-db-0 .*newest COMPLETED backup 30(\.\d+)? h old/)
    expect(error).toMatch(/take a manual backup now/)
    expect(titles(failed.annotations)).toContain('Stale backup')
    expect(failed.summary).toContain('❌ stale')

    const reported = await runAction('main', inputs({ instance: id as string, 'fail-on': 'never' }))
    expect(reported.exitCode).toBe(0)
    expect(reported.outputs.status).toBe('stale')
    // Without report-path the JSON goes to $RUNNER_TEMP (run-action's temp dir).
    expect(reported.outputs['report-json']).toMatch(/action-run-.*dbaas-backup-report\.json$/)
  })

  test('instances: all — the worst decides, a backup of an inactive version is not restorable', async () => {
    const ok = await cloud.admin.seedInstances(2, { namePrefix: 'ok-db-' })
    const [stale] = await cloud.admin.seedInstances(1, { namePrefix: 'stale-db-' })
    const [old] = await cloud.admin.seedInstances(1, { namePrefix: 'pg14-db-' })
    const [empty] = await cloud.admin.seedInstances(1, { namePrefix: 'new-db-' })
    for (const id of ok) {
      await cloud.admin.seedBackups(
        id,
        Array.from({ length: 30 }, (_, d) => ({ ageHours: d * 24 + 1 }))
      )
    }
    await cloud.admin.seedBackups(stale as string, [{ ageHours: 40 }])
    await cloud.admin.seedBackups(old as string, [
      { ageHours: 2, datastoreVersion: '15' },
      { ageHours: 26, datastoreVersion: '14' },
      { ageHours: 50, datastoreVersion: '14' }
    ])
    const reportPath = path.join(dir, 'all.json')
    await cloud.admin.clearRequests()

    const result = await runAction('main', inputs({ instances: 'all', 'report-path': reportPath }))

    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('none')
    expect(result.outputs['latest-backup-id']).toBe('')
    expect(result.outputs['backups-count']).toBe(String(60 + 1 + 3))
    const doc = JSON.parse(readFileSync(reportPath, 'utf8')) as ReportDocument
    // Worst first; within a verdict, the oldest newest backup first.
    expect(doc.instances.map((i) => [i.name, i.verdict])).toEqual([
      ['new-db-0', 'none'],
      ['stale-db-0', 'stale'],
      ['pg14-db-0', 'ok'],
      ['ok-db-0', 'ok'],
      ['ok-db-1', 'ok']
    ])
    expect(doc.totals).toMatchObject({ instances: 5, ok: 3, stale: 1, none: 1, notRestorable: 2 })
    const pg14 = doc.instances.find((i) => i.id === old)
    expect(pg14?.notRestorable.map((b) => b.reason)).toEqual([
      'postgresql 14 is not offered by the cloud any more',
      'postgresql 14 is not offered by the cloud any more'
    ])
    const notRestorable = result.annotations.find((a) => a.includes('title=Backups not restorable'))
    expect(notRestorable).toMatch(/pg14-db-0: 2 of 3 COMPLETED backups cannot be restored/)
    expect(titles(result.annotations)).toEqual(
      expect.arrayContaining(['No backup', 'Stale backup', 'Backups not restorable'])
    )
    const error = result.annotations.find((a) => a.startsWith('::error')) ?? ''
    expect(error).toMatch(/2 of 5 instance\(s\) are not covered/)
    expect(error).toContain('new-db-0')
    expect(error).toContain('stale-db-0')
    expect(result.summary).toMatch(/\| new-db-0 \| ❌ none \|/)
    expect(result.summary).toContain('[!CAUTION]')
    // "all": one project-wide walk (one page of 250 plus a re-read of the head), not one per instance.
    expect(result.stdout).toContain('64 backup(s) in the project, 64 of the 5 instance(s)')
    const walks = (await cloud.admin.requests()).filter((r) => r.path.endsWith('/backups'))
    expect(walks.map((r) => r.query)).toEqual([{ limit: '250' }, { limit: '100' }])
    expect(empty).toBeDefined()
  })

  test('a list with a glob picks the matching instances only', async () => {
    await cloud.admin.seedInstances(2, { namePrefix: 'shop-' })
    const [other] = await cloud.admin.seedInstances(1, { namePrefix: 'blog-' })
    await cloud.admin.seedBackups(other as string, [{ ageHours: 1 }])
    const result = await runAction(
      'main',
      inputs({ instances: 'blog-*', 'report-path': path.join(dir, 'glob.json') })
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'ok', 'backups-count': '1' })
  })

  test('conflicting inputs fail before any call to the cloud', async () => {
    await cloud.admin.clearRequests()
    const result = await runAction('main', inputs({ instance: 'a', instances: 'all' }))
    expect(result.exitCode).toBe(1)
    expect(result.annotations.join('\n')).toMatch(/Input "instances": give either "instance"/)
    expect(await cloud.admin.requests()).toEqual([])
  })
})

describe('report metrics-file', () => {
  test('names that fight the format come through intact, one series per instance', async () => {
    const odd = ['shop "prod" db', 'back\\slash', 'two\nlines x} 1']
    const ids = await cloud.admin.seedInstances(0, { names: [...odd, 'empty-db'] })
    for (const id of ids.slice(0, 3)) {
      await cloud.admin.seedBackups(id as string, [{ ageHours: 2 }, { ageHours: 26 }])
    }
    const metricsFile = path.join(dir, 'report.prom')
    const result = await runAction(
      'main',
      inputs({ instances: 'all', 'fail-on': 'never', 'metrics-file': metricsFile })
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs['metrics-file']).toBe(metricsFile)
    const { samples, types } = parseExposition(readFileSync(metricsFile, 'utf8'))
    expect(new Set(types.values())).toEqual(new Set(['gauge']))
    const of = (name: string, instance: string) =>
      samples.find((s) => s.name === name && s.labels.instance === instance)
    for (const [i, name] of odd.entries()) {
      expect(of('dbaas_backup_fresh', name)?.value).toBe(1)
      expect(of('dbaas_backup_fresh', name)?.labels.instance_id).toBe(ids[i])
      expect(of('dbaas_backup_backups', name)?.value).toBe(2)
      const age = of('dbaas_backup_newest_age_seconds', name)?.value as number
      expect(Math.abs(age - 7200)).toBeLessThan(120)
    }
    expect(of('dbaas_backup_fresh', 'empty-db')?.value).toBe(0)
    expect(of('dbaas_backup_newest_age_seconds', 'empty-db')).toBeUndefined()
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  test('a stale report still writes its metrics before it fails', async () => {
    const [id] = await cloud.admin.seedInstances(1, { namePrefix: 'old-db-' })
    await cloud.admin.seedBackups(id as string, [{ ageHours: 80 }])
    const metricsFile = path.join(dir, 'stale.prom')
    const result = await runAction(
      'main',
      inputs({ instances: 'all', 'metrics-file': metricsFile })
    )
    expect(result.exitCode).toBe(1)
    const { samples } = parseExposition(readFileSync(metricsFile, 'utf8'))
    expect(samples.find((s) => s.name === 'dbaas_backup_fresh')?.value).toBe(0)
  })
})
