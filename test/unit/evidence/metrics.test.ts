import { describe, expect, test } from '@jest/globals'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  drillGauges,
  instanceLabels,
  mirrorGauges,
  reportGauges,
  writeFileAtomic,
  writeMetricsFile
} from '../../../src/evidence/index.js'
import { formatGauges } from '../../../src/format/prometheus.js'
import { parseExposition } from '../../helpers/exposition.js'

const now = Date.parse('2026-12-01T12:00:00Z')
const nowS = now / 1000
const labels = instanceLabels('shop-db', 'i-1')

function values(text: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const s of parseExposition(text).samples) {
    const extra = s.labels.result ? `/${s.labels.result}` : s.labels.mode ? `/${s.labels.mode}` : ''
    out[`${s.name}${extra}`] = s.value
  }
  return out
}

describe('the figures as gauges', () => {
  test('report: ages in seconds, counts, and the verdict as 0/1; no age without a backup', () => {
    const text = formatGauges(
      reportGauges(
        [
          {
            labels,
            verdict: 'ok',
            newestCreatedMs: now - 90 * 60_000,
            backups: 12,
            usableBackups: 11
          },
          {
            labels: instanceLabels('empty-db', 'i-2'),
            verdict: 'none',
            backups: 0,
            usableBackups: 0
          }
        ],
        now
      )
    )
    const { samples, types } = parseExposition(text)
    expect([...types.values()].every((t) => t === 'gauge')).toBe(true)
    const of = (name: string, instance: string) =>
      samples.find((s) => s.name === name && s.labels.instance === instance)?.value
    expect(of('dbaas_backup_newest_age_seconds', 'shop-db')).toBe(5400)
    expect(of('dbaas_backup_newest_timestamp_seconds', 'shop-db')).toBe(nowS - 5400)
    expect(of('dbaas_backup_newest_age_seconds', 'empty-db')).toBeUndefined()
    expect(of('dbaas_backup_backups', 'shop-db')).toBe(12)
    expect(of('dbaas_backup_usable_backups', 'shop-db')).toBe(11)
    expect(of('dbaas_backup_fresh', 'shop-db')).toBe(1)
    expect(of('dbaas_backup_fresh', 'empty-db')).toBe(0)
    expect(values(text)['dbaas_backup_last_run_timestamp_seconds/report']).toBe(nowS)
  })

  const drill = {
    drill: 'verify',
    labels,
    passed: true,
    restoreMs: 281_600,
    backupAgeMs: 3_600_000,
    checks: { passed: 5, failed: 0, skipped: 1 }
  }

  test('verify: a passing drill sets the last success to now', () => {
    expect(values(formatGauges(drillGauges(drill, now, '')))).toEqual({
      'dbaas_backup_last_run_timestamp_seconds/verify': nowS,
      dbaas_backup_verify_success: 1,
      dbaas_backup_verify_last_success_timestamp_seconds: nowS,
      dbaas_backup_verify_restore_seconds: 282,
      dbaas_backup_verify_backup_age_seconds: 3600,
      'dbaas_backup_verify_checks/pass': 5,
      'dbaas_backup_verify_checks/fail': 0,
      'dbaas_backup_verify_checks/skipped': 1
    })
  })

  test('verify: a failing drill keeps the last success of the previous file, or has none', () => {
    const before = formatGauges(drillGauges(drill, now - 86_400_000, ''))
    const failed = { ...drill, passed: false, restoreMs: undefined }
    const after = values(formatGauges(drillGauges(failed, now, before)))
    expect(after.dbaas_backup_verify_success).toBe(0)
    expect(after.dbaas_backup_verify_last_success_timestamp_seconds).toBe(nowS - 86_400)
    expect(after.dbaas_backup_verify_restore_seconds).toBeUndefined()
    const other = formatGauges(
      drillGauges({ ...drill, labels: instanceLabels('blog-db', 'i-9') }, now, '')
    )
    expect(
      values(formatGauges(drillGauges(failed, now, other)))
        .dbaas_backup_verify_last_success_timestamp_seconds
    ).toBeUndefined()
  })

  test('mirror: copy age from its backup, size in bytes; verify of a copy says valid or not', () => {
    const upload = values(
      formatGauges(
        mirrorGauges(
          {
            labels,
            action: 'upload',
            passed: true,
            createdMs: now - 60_000,
            dataMs: now - 7_200_000,
            bytes: 123_456_789,
            uploadSeconds: 42
          },
          now,
          ''
        )
      )
    )
    expect(upload).toMatchObject({
      dbaas_backup_mirror_success: 1,
      dbaas_backup_mirror_last_success_timestamp_seconds: nowS,
      dbaas_backup_mirror_copy_age_seconds: 7200,
      dbaas_backup_mirror_copy_timestamp_seconds: nowS - 60,
      dbaas_backup_mirror_copy_size_bytes: 123_456_789,
      dbaas_backup_mirror_duration_seconds: 42
    })
    const check = values(
      formatGauges(mirrorGauges({ labels, action: 'verify', passed: false, bytes: 5 }, now, ''))
    )
    expect(check.dbaas_backup_mirror_copy_valid).toBe(0)
    expect(check.dbaas_backup_mirror_success).toBeUndefined()
    expect(check['dbaas_backup_last_run_timestamp_seconds/mirror-verify']).toBe(nowS)
  })
})

describe('writing a file atomically', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'))

  test('the new content replaces the old, readable by others, and no temporary file is left', async () => {
    const file = path.join(dir, 'dbaas.prom')
    writeFileSync(file, 'old\n', { mode: 0o600 })
    await writeFileAtomic(file, 'new\n')
    expect(readFileSync(file, 'utf8')).toBe('new\n')
    expect(statSync(file).mode & 0o777).toBe(0o644)
    expect(readdirSync(dir)).toEqual(['dbaas.prom'])
  })

  test('a folder that does not exist fails and leaves nothing; createFolder creates it', async () => {
    const file = path.join(dir, 'missing', 'e.json')
    await expect(writeFileAtomic(file, '{}')).rejects.toThrow(/ENOENT/)
    expect(existsSync(path.dirname(file))).toBe(false)
    await writeFileAtomic(file, '{}\n', { createFolder: true })
    expect(readFileSync(file, 'utf8')).toBe('{}\n')
  })

  test('writing over a directory fails and removes its temporary file', async () => {
    const target = path.join(dir, 'is-a-dir.prom')
    await writeFileAtomic(path.join(target, 'x'), '', { createFolder: true })
    await expect(writeFileAtomic(target, 'text')).rejects.toThrow()
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  test('the metrics file is rewritten from the previous one', async () => {
    const file = path.join(dir, 'verify.prom')
    const drill = {
      drill: 'verify',
      labels,
      passed: true,
      backupAgeMs: 0,
      checks: { passed: 1, failed: 0, skipped: 0 }
    }
    await writeMetricsFile(file, (previous) => drillGauges(drill, now - 1000, previous))
    await writeMetricsFile(file, (previous) =>
      drillGauges({ ...drill, passed: false }, now, previous)
    )
    const after = values(readFileSync(file, 'utf8'))
    expect(after.dbaas_backup_verify_success).toBe(0)
    expect(after.dbaas_backup_verify_last_success_timestamp_seconds).toBe(nowS - 1)
  })
})
