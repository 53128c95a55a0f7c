import { describe, expect, test } from '@jest/globals'
import {
  extensionFor,
  manifestKeyFor,
  objectKeyFor,
  parseManifest
} from '../../../../src/commands/mirror/manifest.js'

const good = {
  schemaVersion: 1,
  tool: 'dbaas-backup-action',
  kind: 'mirror',
  objectKey: 'p/shop/shop-20261125T120000Z-live.pgdump.zst',
  created: '2026-11-25T12:00:00.000Z',
  source: {
    kind: 'live',
    instanceId: 'i-1',
    instanceName: 'shop',
    backupId: null,
    backupCreated: null
  },
  datastore: { type: 'postgresql', version: '15.18' },
  dump: {
    tool: 'pg_dump',
    toolVersion: 'pg_dump (PostgreSQL) 15.18',
    format: 'custom',
    databases: ['shop']
  },
  compression: { algorithm: 'zstd', level: 3 },
  encryption: null,
  sizes: { dumpBytes: 10, storedBytes: 5 },
  sha256: 'a'.repeat(64),
  upload: { parts: 1, partSizeBytes: 16777216, seconds: 0.2 }
}
const key = manifestKeyFor(good.objectKey)

describe('manifest', () => {
  test('object keys carry the instance, the time and the backup', () => {
    const created = new Date('2026-11-25T12:00:00.123Z')
    expect(objectKeyFor('p/', 'shop db', created, '3f0e1234-aaaa', 'pgdump.zst.age')).toBe(
      'p/shop_db/shop_db-20261125T120000Z-3f0e1234.pgdump.zst.age'
    )
    expect(objectKeyFor('', 'shop', created, null, 'sql.gz')).toBe(
      'shop/shop-20261125T120000Z-live.sql.gz'
    )
  })

  test('extensions say how to read the copy back', () => {
    expect(extensionFor('postgresql', 'zstd', true)).toBe('pgdump.zst.age')
    expect(extensionFor('mariadb', 'gzip', false)).toBe('sql.gz')
  })

  test('a manifest of ours next to its dump is accepted', () => {
    expect(parseManifest(JSON.stringify(good), key)).toEqual(good)
  })

  test.each([
    ['not JSON', 'nope', key],
    ['another tool', JSON.stringify({ ...good, tool: 'other' }), key],
    ['another schema version', JSON.stringify({ ...good, schemaVersion: 2 }), key],
    ['pointing at another object', JSON.stringify({ ...good, objectKey: 'p/other/file' }), key],
    ['copied under another key', JSON.stringify(good), 'p/elsewhere.manifest.json'],
    ['a bad hash', JSON.stringify({ ...good, sha256: 'xyz' }), key],
    ['a bad date', JSON.stringify({ ...good, created: 'yesterday' }), key]
  ])('is ignored when %s', (_what, text, at) => {
    expect(parseManifest(text, at)).toBeUndefined()
  })
})
