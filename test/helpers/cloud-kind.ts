import { test } from '@jest/globals'
import { cloudKind } from '../localcloud/harness.js'

type TestFn = Parameters<typeof test>[1]

/**
 * A test of something only our double can stage (`why` says what): run on the double,
 * listed as skipped on the upstream cloud, whose real servers cannot be told to do it.
 */
export function testOnDouble(why: string, name: string, fn: TestFn, timeoutMs?: number): void {
  if (cloudKind() === 'upstream') test.skip(`${name} [double only: ${why}]`, fn, timeoutMs)
  else test(name, fn, timeoutMs)
}
