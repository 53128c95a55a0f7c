import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { buildDocument, type Evaluated } from '../../../../src/commands/report/document.js'
import { reportJsonPieces, writeReportFile } from '../../../../src/commands/report/output.js'
import { defaultPolicy } from '../../../../src/inputs/report.js'
import type { Backup, Instance } from '../../../../src/openstack/index.js'
import { evaluate } from '../../../../src/policy/index.js'
import { fakeContext } from '../../helpers/fake-context.js'

const NOW = Date.parse('2026-11-25T12:00:00Z')
const policy = defaultPolicy()

function instance(id: string, name: string): Instance {
  return {
    id,
    name,
    status: 'ACTIVE',
    addresses: [],
    datastore: { type: 'postgresql', version: '17' }
  }
}

function backups(instanceId: string, count: number, name = 'daily'): Backup[] {
  return Array.from({ length: count }, (_, d) => {
    const created = new Date(NOW - (d * 24 + 3) * 3_600_000)
    return {
      id: `${instanceId}-${d}`,
      name,
      status: d === 2 ? 'FAILED' : 'COMPLETED',
      instanceId,
      sizeGb: 0.25,
      datastore: { type: 'postgresql', version: '17' },
      created,
      updated: created
    }
  })
}

function evaluated(inst: Instance, list: Backup[]): Evaluated {
  return { instance: inst, backups: list, evaluation: evaluate(list, NOW, policy) }
}

describe('the report JSON in pieces', () => {
  test('is JSON.stringify of the document and a newline, byte for byte', () => {
    const doc = buildDocument(
      [
        evaluated(instance('i-1', 'shop-db'), backups('i-1', 40)),
        // Quotes, a backslash, a control character and non-ASCII text must come out escaped alike.
        evaluated(instance('i-2', 'blog "db" \\ ä'), backups('i-2', 3, 'nightly\u0001 ✓')),
        evaluated(instance('i-3', 'empty-db'), [])
      ],
      NOW,
      policy,
      'stale'
    )
    const pieces = [...reportJsonPieces(doc)]
    expect(pieces.length).toBe(2 + doc.instances.length)
    expect(pieces.join('')).toBe(JSON.stringify(doc) + '\n')
  })

  test('a report of no instance at all', () => {
    const doc = buildDocument([], NOW, policy, 'never')
    expect([...reportJsonPieces(doc)].join('')).toBe(JSON.stringify(doc) + '\n')
    expect(JSON.parse([...reportJsonPieces(doc)].join('')).instances).toEqual([])
  })
})

describe('writeReportFile', () => {
  const ninetyBackups = () =>
    buildDocument([evaluated(instance('i-1', 'shop-db'), backups('i-1', 90))], NOW, policy, 'stale')
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'report-file-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  test('writes the whole document to the chosen path, creating its folder, and replaces an old one', async () => {
    const big = ninetyBackups()
    const small = buildDocument([], NOW, policy, 'stale')
    const rec = fakeContext({}, { RUNNER_TEMP: dir })
    const chosen = path.join(dir, 'nested', 'report.json')
    await writeReportFile(rec.context, big, chosen, 'unused.json')
    expect(readFileSync(chosen, 'utf8')).toBe(JSON.stringify(big) + '\n')
    // A shorter report over a longer one leaves nothing of the old one behind.
    await writeReportFile(rec.context, small, chosen, 'unused.json')
    expect(readFileSync(chosen, 'utf8')).toBe(JSON.stringify(small) + '\n')
  })

  test('without a chosen path, the default name in RUNNER_TEMP', async () => {
    const doc = buildDocument([], NOW, policy, 'never')
    const rec = fakeContext({}, { RUNNER_TEMP: dir })
    const file = await writeReportFile(rec.context, doc, undefined, 'dbaas-backup-report.json')
    expect(file).toBe(path.join(dir, 'dbaas-backup-report.json'))
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(doc)
  })

  test('a write that fails (a full disk) fails the call and leaves no file descriptor open', async () => {
    const doc = ninetyBackups()
    const rec = fakeContext({}, { RUNNER_TEMP: dir })
    const open = () => readdirSync('/proc/self/fd').length
    const before = open()
    // Linux's /dev/full opens for writing and refuses every write with ENOSPC.
    await expect(writeReportFile(rec.context, doc, '/dev/full', 'unused.json')).rejects.toThrow(
      /ENOSPC/
    )
    expect(open()).toBe(before)
  })
})
