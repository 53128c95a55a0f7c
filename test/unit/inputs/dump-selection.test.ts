import { describe, expect, test } from '@jest/globals'
import {
  checkSelectionForEngine,
  dependsOnEngine,
  type DumpSelection
} from '../../../src/inputs/dump-selection.js'

const selection = (s: Partial<DumpSelection>): DumpSelection => ({
  databases: [],
  schemas: [],
  excludeTables: [],
  ...s
})

describe('checkSelectionForEngine', () => {
  test.each([
    ['postgresql', selection({ databases: ['shop'], schemas: ['app'], excludeTables: ['app.x'] })],
    ['postgresql', selection({ excludeTables: ['x', 'other.y'] })], // no schemas: any qualifier
    ['mariadb', selection({ databases: ['a', 'b'], excludeTables: ['a.x', 'y'] })]
  ] as const)('%s accepts %j', (engine, s) => {
    expect(() => checkSelectionForEngine(engine, s)).not.toThrow()
  })

  test.each([
    [
      'mariadb',
      selection({ schemas: ['app'] }),
      /Input "schemas": applies to PostgreSQL only.*choose databases instead/
    ],
    [
      'postgresql',
      selection({ databases: ['a', 'b'] }),
      /Input "databases": names 2 databases \(a, b\); a pg_dump holds one/
    ],
    [
      'postgresql',
      selection({ schemas: ['app'], excludeTables: ['billing.x'] }),
      /Input "exclude-tables": billing.x: billing is not among the schemas dumped \(app\)/
    ],
    [
      'mariadb',
      selection({ databases: ['shop'], excludeTables: ['crm.sessions'] }),
      /Input "exclude-tables": crm.sessions: crm is not among the databases dumped \(shop\)/
    ]
  ] as const)('%s refuses %j', (engine, s, message) => {
    expect(() => checkSelectionForEngine(engine, s)).toThrow(message)
  })
})

test.each([
  [selection({}), false],
  [selection({ databases: ['shop'], excludeTables: ['audit'] }), false],
  [selection({ schemas: ['app'] }), true],
  [selection({ databases: ['a', 'b'] }), true],
  [selection({ excludeTables: ['audit', 'app.x'] }), true]
])('dependsOnEngine(%j) = %s', (s, expected) => {
  expect(dependsOnEngine(s)).toBe(expected)
})
