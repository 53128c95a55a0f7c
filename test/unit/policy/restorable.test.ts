import { describe, expect, test } from '@jest/globals'
import { notRestorable, type OfferedVersion } from '../../../src/policy/index.js'
import { backup } from './fixtures.js'

const offered = new Map<string, OfferedVersion[]>([
  [
    'postgresql',
    [
      { id: 'v-17', name: '17.2', active: true },
      { id: 'v-14', name: '14', active: false }
    ]
  ],
  ['mariadb', []]
])

describe('backups whose datastore version the cloud no longer offers', () => {
  test.each([
    [
      'an offered version (by id)',
      { type: 'postgresql', version: '17.2', versionId: 'v-17' },
      null
    ],
    ['an offered version (by name, no id)', { type: 'postgresql', version: '17.2' }, null],
    [
      'a listed but inactive version',
      { type: 'postgresql', version: '14', versionId: 'v-14' },
      'postgresql 14 is inactive on the cloud'
    ],
    [
      'a version no longer listed (hidden from non-admins)',
      { type: 'postgresql', version: '13', versionId: 'v-13' },
      'postgresql 13 is not offered by the cloud any more'
    ],
    [
      'a datastore the cloud no longer has',
      { type: 'mariadb', version: '10.6' },
      'mariadb 10.6 is not offered by the cloud any more'
    ],
    ['a datastore that was not looked up: no verdict', { type: 'mongodb', version: '7' }, null],
    [
      'a renamed label with the same version id is still the same version',
      { type: 'postgresql', version: '17.2-old-label', versionId: 'v-17' },
      null
    ]
  ] as const)('%s', (_name, datastore, reason) => {
    const result = notRestorable([backup(5, { datastore: { ...datastore } })], offered)
    expect(result.map((r) => r.reason)).toEqual(reason ? [reason] : [])
  })

  test('a COMPLETED backup without any datastore record is not restorable', () => {
    const result = notRestorable([backup(5, { datastore: undefined })], offered)
    expect(result).toEqual([
      expect.objectContaining({ reason: 'the backup has no datastore version any more' })
    ])
  })

  test('FAILED or running backups are not judged (they never were restorable)', () => {
    const ds = { type: 'postgresql', version: '14', versionId: 'v-14' }
    const result = notRestorable(
      [backup(5, { status: 'FAILED', datastore: ds }), backup(1, { status: 'NEW', datastore: ds })],
      offered
    )
    expect(result).toEqual([])
  })
})
