import { describe, expect, test } from '@jest/globals'
import { dumpedCounts } from '../../../../src/commands/mirror/upload-copy.js'
import type { RowCount, SnapshotCounts } from '../../../../src/database/dump-snapshot.js'
import type { DumpSelection } from '../../../../src/inputs/dump-selection.js'

// The manifest's row counts must describe the dump, not the server: a table the selection left
// out would otherwise look lost to the off-site drill.
const counts = (tables: RowCount[]): SnapshotCounts => ({
  exact: true,
  method: 'dump-snapshot',
  tables
})
const select = (s: Partial<DumpSelection>): DumpSelection => ({
  databases: ['shop'],
  schemas: [],
  excludeTables: [],
  ...s
})
const names = (c: SnapshotCounts): string[] => c.tables.map((t) => `${t.database}/${t.table}`)

describe('PostgreSQL (a table outside public is schema.name)', () => {
  const all = counts([
    { database: 'shop', table: 'orders', rows: 10 },
    { database: 'shop', table: 'sessions', rows: 5 },
    { database: 'shop', table: 'crm.sessions', rows: 3 },
    { database: 'shop', table: 'crm.contacts', rows: 7 }
  ])

  test('no selection keeps every table, and the counts are unchanged', () => {
    expect(dumpedCounts(all, select({}), 'postgresql')).toEqual(all)
  })

  test('a bare excluded name leaves that table out of every schema', () => {
    expect(names(dumpedCounts(all, select({ excludeTables: ['sessions'] }), 'postgresql'))).toEqual(
      ['shop/orders', 'shop/crm.contacts']
    )
  })

  test('schema.table leaves out only that schema’s table; public is the unqualified one', () => {
    expect(
      names(dumpedCounts(all, select({ excludeTables: ['crm.sessions'] }), 'postgresql'))
    ).toEqual(['shop/orders', 'shop/sessions', 'shop/crm.contacts'])
    expect(
      names(dumpedCounts(all, select({ excludeTables: ['public.sessions'] }), 'postgresql'))
    ).toEqual(['shop/orders', 'shop/crm.sessions', 'shop/crm.contacts'])
  })

  test('schemas keep only their tables', () => {
    expect(names(dumpedCounts(all, select({ schemas: ['crm'] }), 'postgresql'))).toEqual([
      'shop/crm.sessions',
      'shop/crm.contacts'
    ])
    expect(
      names(
        dumpedCounts(all, select({ schemas: ['public'], excludeTables: ['orders'] }), 'postgresql')
      )
    ).toEqual(['shop/sessions'])
  })
})

describe('MariaDB (the qualifier is the database)', () => {
  const all = counts([
    { database: 'shop', table: 'orders', rows: 10 },
    { database: 'shop', table: 'sessions', rows: 5 },
    { database: 'audit', table: 'sessions', rows: 2 }
  ])

  test('database.table leaves out that database’s table only', () => {
    const kept = dumpedCounts(
      all,
      select({ databases: ['shop', 'audit'], excludeTables: ['audit.sessions'] }),
      'mariadb'
    )
    expect(names(kept)).toEqual(['shop/orders', 'shop/sessions'])
  })

  test('a bare name leaves the table out of every database', () => {
    const kept = dumpedCounts(
      all,
      select({ databases: ['shop', 'audit'], excludeTables: ['sessions'] }),
      'mariadb'
    )
    expect(names(kept)).toEqual(['shop/orders'])
  })
})
