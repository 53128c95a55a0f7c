import { describe, expect, test } from '@jest/globals'
import { isTempInstanceName, tempInstanceName } from '../../../src/cloud/marker.js'

describe('temporary instance names carry our marker', () => {
  test('prefix, backup id and run id', () => {
    expect(tempInstanceName('3F0E1C2A-1111-4222-8333-444455556666', '4242', '2')).toBe(
      'dbaas-verify-3f0e1c2a-r4242-2'
    )
  })

  test.each([
    ['dbaas-verify-3f0e1c2a-r4242-1', true],
    ['dbaas-verify-3f0e1c2a-rlocalabc123-1', true],
    ['dbaas-verify-prod', false],
    ['shop-db', false],
    ['dbaas-verify-3f0e1c2a-r4242-1-keep', false],
    ['my-dbaas-verify-3f0e1c2a-r4242-1', false]
  ])('%s → %s', (name, ours) => {
    expect(isTempInstanceName(name)).toBe(ours)
  })

  test('a generated name is always recognised', () => {
    for (const [backup, run] of [
      ['abc', ''],
      ['00000000-0000-4000-8000-000000000000', '1'],
      ['ffffffff', 'x-y']
    ]) {
      expect(isTempInstanceName(tempInstanceName(backup as string, run as string, '1'))).toBe(true)
    }
  })
})
