import { describe, expect, test } from '@jest/globals'
import { readDrillInputs, readRestoreInputs } from '../../../src/inputs/restore.js'
import { fakeInputs } from '../helpers/inputs.js'

const good = { instance: 'shop-db', 'db-user': 'app', 'db-password': 'pw-canary' }

describe('readDrillInputs', () => {
  test('safe defaults: runner-only firewall, 45 minute restore timeout, delete on failure', () => {
    const source = fakeInputs(good)
    const inputs = readDrillInputs(source)
    expect(inputs).toMatchObject({
      allowedCidrs: 'runner',
      runnerIpUrl: 'https://api.ipify.org',
      restoreTimeoutMs: 45 * 60_000,
      keepOnFailure: false,
      integrity: true,
      compareWithSource: false,
      tolerancePercent: 0,
      dbTls: 'prefer'
    })
    expect(source.masked).toEqual(['pw-canary'])
  })

  test('explicit CIDRs and lists', () => {
    const inputs = readDrillInputs(
      fakeInputs({
        ...good,
        'allowed-cidrs': '203.0.113.7/32, 198.51.100.0/24',
        databases: 'shop,crm',
        'row-count-tolerance': '2.5%'
      })
    )
    expect(inputs.allowedCidrs).toEqual(['203.0.113.7/32', '198.51.100.0/24'])
    expect(inputs.databases).toEqual(['shop', 'crm'])
    expect(inputs.tolerancePercent).toBe(2.5)
  })

  test.each<[Record<string, string>, string]>([
    [{ 'db-user': 'a', 'db-password': 'b' }, 'Input "instance": is required (or backup-id)'],
    [{ ...good, 'backup-id': 'latest' }, 'Input "backup-id": "latest" is not a backup id'],
    [
      { ...good, 'allowed-cidrs': '0.0.0.0/0' },
      'Input "allowed-cidrs": "0.0.0.0/0" opens the restored data to the whole internet'
    ],
    [
      { ...good, 'allowed-cidrs': '203.0.113.7' },
      'Input "allowed-cidrs": "203.0.113.7" is not an IPv4 CIDR'
    ],
    [
      { ...good, 'allowed-cidrs': '300.1.1.1/32' },
      'Input "allowed-cidrs": "300.1.1.1/32" is not an IPv4 CIDR'
    ],
    [
      { ...good, 'allowed-cidrs': '10.0.0.0/33' },
      'Input "allowed-cidrs": "10.0.0.0/33" has a prefix over 32'
    ],
    [{ ...good, 'restore-timeout': '10s' }, 'Input "restore-timeout": "10s" is too short'],
    [
      { ...good, 'restore-timeout': '2 hours' },
      'Input "restore-timeout": "2 hours" is not a duration'
    ],
    [
      { ...good, 'volume-size': '0' },
      'Input "volume-size": "0" is not a whole number from 1 to 10000'
    ],
    [
      { ...good, 'volume-size': '1.5' },
      'Input "volume-size": "1.5" is not a whole number from 1 to 10000'
    ],
    [{ ...good, 'runner-ip-url': 'ipify' }, 'Input "runner-ip-url": "ipify" is not a URL'],
    [{ instance: 'x', 'db-password': 'p' }, 'Input "db-user": is required'],
    [{ instance: 'x', 'db-user': 'u' }, 'Input "db-password": is required'],
    [
      { ...good, 'row-count-tolerance': '150' },
      'Input "row-count-tolerance": "150" is not a percentage'
    ],
    [
      { ...good, 'db-tls': 'maybe' },
      'Input "db-tls": "maybe" is not allowed; use one of: disable, prefer, require, verify-ca, verify-full'
    ],
    [
      {
        'backup-id': '3f0e1c2a-1111-4222-8333-444455556666',
        'db-user': 'u',
        'db-password': 'p',
        'compare-with-source': 'true'
      },
      'Input "compare-with-source": needs the source instance'
    ],
    [
      { ...good, 'keep-on-failure': 'sometimes' },
      'Input "keep-on-failure": "sometimes" is not a boolean'
    ]
  ])('%j', (values, message) => {
    expect(() => readDrillInputs(fakeInputs(values))).toThrow(message)
  })

  test('errors never echo the database password', () => {
    const source = fakeInputs({ ...good, 'db-password': 'canary-db-pw', 'restore-timeout': 'x' })
    let message = ''
    try {
      readDrillInputs(source)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('restore-timeout')
    expect(message).not.toContain('canary-db-pw')
  })
})

test('restore inputs need no database credentials', () => {
  expect(
    readRestoreInputs(fakeInputs({ 'backup-id': '3f0e1c2a-1111-4222-8333-444455556666' })).backupId
  ).toBe('3f0e1c2a-1111-4222-8333-444455556666')
})
