import { expect, test } from '@jest/globals'
import { CheckFailure, InputError, resultOf } from '../../../../src/errors.js'
import { exitCodeOf } from '../../../../src/host/cli/exit-codes.js'
import { OpenStackNetworkError } from '../../../../src/openstack/errors.js'

test.each([
  ['success', undefined, 'ok', 0],
  ['a failed check or stale backup', new CheckFailure('stale'), 'failed', 1],
  ['bad input', new InputError('max-age', 'bad'), 'bad-input', 2],
  ['a cloud error', new Error('Trove: 500'), 'cloud-error', 3],
  ['a thrown non-error', 'boom', 'cloud-error', 3]
])('%s exits with the documented code', (_what, error, kind, code) => {
  expect(resultOf(error)).toBe(kind)
  expect(exitCodeOf(resultOf(error))).toBe(code)
})

test('a lost connection to the cloud is exit code 3', () => {
  const error = Object.create(OpenStackNetworkError.prototype) as Error
  expect(exitCodeOf(resultOf(error))).toBe(3)
})
