import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { ReportDocument } from '../../src/commands/report/document.js'
import { type RunningCloud, type SeedBackup, startCloud } from '../localcloud/harness.js'
import { cloudInputs, runAction } from '../e2e/helpers/run-action.js'
import { peakInFlight } from './helpers/leftovers.js'
import { record } from './helpers/results.js'

// A report over 200 instances × 100 backups, with a bounded number of
// requests in flight (max-concurrency) while the cloud answers some requests 429 Retry-After.
// Wall time, request count and peak concurrency come from the cloud's request log.
const INSTANCES = 200
const BACKUPS = 100
const CONCURRENCY = 8
let cloud: RunningCloud
const dir = mkdtempSync(path.join(tmpdir(), 'load-'))

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
  const ids = await cloud.admin.seedInstances(INSTANCES, { namePrefix: 'load-' })
  // One automatic backup a day for 100 days: every instance is ok.
  const history: SeedBackup[] = Array.from({ length: BACKUPS }, (_, d) => ({
    ageHours: d * 24 + 2,
    sizeGb: 0.5
  }))
  for (const id of ids) await cloud.admin.seedBackups(id, history)
  // As many other instances again: a report over the load-* ones then lists each instance's
  // backups on its own (concurrency-bound) instead of walking the whole project.
  await cloud.admin.seedInstances(INSTANCES + 1, { namePrefix: 'other-' })
}, 120_000)

afterAll(async () => {
  await cloud?.stop()
})

describe('report under load', () => {
  test(`${INSTANCES} instances × ${BACKUPS} backups, max-concurrency ${CONCURRENCY}, 429s on the way`, async () => {
    await cloud.admin.resetFaults()
    await cloud.admin.clearRequests()
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/backups$',
      status: 429,
      retryAfter: 1,
      count: 24
    })
    // The cloud answers a listing at once, in one turn of its event loop; a little latency
    // makes requests overlap as they would on a real cloud, so the bound can be seen.
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/backups$',
      latencyMs: 40,
      count: 10_000
    })
    const reportPath = path.join(dir, 'load.json')
    const started = Date.now()
    const result = await runAction(
      'main',
      {
        ...cloudInputs(cloud.info),
        mode: 'report',
        instances: 'load-*',
        'max-concurrency': String(CONCURRENCY),
        'report-path': reportPath
      },
      { timeoutMs: 170_000 }
    )
    const wallMs = Date.now() - started
    const log = (await cloud.admin.requests()).filter((r) => r.service === 'trove')
    const peak = peakInFlight(log)
    record({
      kind: 'load',
      name: `report ${INSTANCES}x${BACKUPS} c=${CONCURRENCY}`,
      wallMs,
      requests: log.length,
      peak
    })

    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('ok')
    expect(result.outputs['backups-count']).toBe(String(INSTANCES * BACKUPS))
    const doc = JSON.parse(readFileSync(reportPath, 'utf8')) as ReportDocument
    expect(doc.instances).toHaveLength(INSTANCES)
    // Every 429 was answered by asking again: each instance's listing ended in a 200.
    const listings = log.filter((r) => r.method === 'GET' && r.path.endsWith('/backups'))
    expect(listings.filter((r) => r.status === 429)).toHaveLength(24)
    expect(listings.filter((r) => r.status === 200)).toHaveLength(INSTANCES)
    expect(peak).toBeLessThanOrEqual(CONCURRENCY)
    expect(peak).toBeGreaterThanOrEqual(CONCURRENCY - 1)
    // The server asked for 1 s after each 429; a slot that waits holds its place in the pool.
    expect(wallMs).toBeGreaterThan(1000)
  }, 180_000)

  test(`"all": the whole project walked in large pages, with 429s on the way`, async () => {
    await cloud.admin.resetFaults()
    await cloud.admin.clearRequests()
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/backups$',
      status: 429,
      retryAfter: 1,
      count: 3
    })
    await cloud.admin.fault({
      method: 'GET',
      pathPattern: '/instances$',
      status: 429,
      retryAfter: 1,
      count: 2
    })
    const started = Date.now()
    const result = await runAction(
      'main',
      {
        ...cloudInputs(cloud.info),
        mode: 'report',
        instances: 'all',
        'fail-on': 'never',
        'report-path': path.join(dir, 'all.json')
      },
      { timeoutMs: 170_000 }
    )
    const wallMs = Date.now() - started
    const log = (await cloud.admin.requests()).filter((r) => r.service === 'trove')
    const peak = peakInFlight(log)
    record({
      kind: 'load',
      name: `report all (${INSTANCES * 2 + 1} instances)`,
      wallMs,
      requests: log.length,
      peak
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['backups-count']).toBe(String(INSTANCES * BACKUPS))
    expect(peak).toBeLessThanOrEqual(4)
    expect(log.filter((r) => r.status === 429)).toHaveLength(5)
  }, 180_000)
})
