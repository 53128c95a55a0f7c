import { describe, expect, test } from '@jest/globals'
import {
  describeInstance,
  type Instance,
  instanceFailure,
  isInstanceIdle,
  isInstanceReady
} from '../../../src/openstack/index.js'

function instance(status: string, operatingStatus?: string): Instance {
  return { id: 'i1', name: 'db', status, operatingStatus } as Instance
}

describe('an ACTIVE instance whose guest agent is late (operating_status ERROR)', () => {
  const late = instance('ACTIVE', 'ERROR')

  test('is not ready to connect to, and has not failed: waiting may still end well', () => {
    expect(isInstanceReady(late)).toBe(false)
    expect(instanceFailure(late)).toBeUndefined()
  })

  test('is free for a backup, as Trove decides from the guest status it stored', () => {
    expect(isInstanceIdle(late)).toBe(true)
    expect(isInstanceIdle(instance('BACKUP', ''))).toBe(false)
  })

  test('is described as a late heartbeat in the log', () => {
    expect(describeInstance(late)).toBe("ACTIVE/ERROR (the guest agent's heartbeat is late)")
    expect(describeInstance(instance('ACTIVE', 'HEALTHY'))).toBe('ACTIVE/HEALTHY')
    expect(describeInstance(instance('ERROR', ''))).toBe('ERROR')
  })
})
