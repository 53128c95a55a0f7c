import { describe, expect, test } from '@jest/globals'
import { defaultRetryPolicy } from '../../../src/openstack/retry.js'
import {
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
  type Outcome
} from '../../../src/openstack/retry.js'

describe('isRetryable', () => {
  test.each<[string, Outcome, boolean, boolean]>([
    ['GET 503', { kind: 'status', status: 503 }, true, true],
    ['POST 503', { kind: 'status', status: 503 }, false, false],
    ['GET 500', { kind: 'status', status: 500 }, true, true],
    ['GET 404', { kind: 'status', status: 404 }, true, false],
    ['GET 422 busy', { kind: 'status', status: 422 }, true, false],
    ['GET 401', { kind: 'status', status: 401 }, true, false],
    ['POST 429', { kind: 'status', status: 429 }, false, true],
    ['POST 413 rate limit', { kind: 'status', status: 413, retryAfterSeconds: 5 }, false, true],
    ['GET 413 quota', { kind: 'status', status: 413 }, true, false],
    ['GET network', { kind: 'network' }, true, true],
    ['POST network', { kind: 'network' }, false, false]
  ])('%s', (_name, outcome, idempotent, expected) => {
    expect(isRetryable(outcome, idempotent)).toBe(expected)
  })
})

describe('retryDelayMs', () => {
  test('grows exponentially with equal jitter, up to the cap', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 1000, maxDelayMs: 8000 }
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) =>
      retryDelayMs(attempt, { kind: 'network' }, policy, () => 1)
    )
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000])
    expect(retryDelayMs(3, { kind: 'network' }, policy, () => 0)).toBe(2000)
  })

  test('uses the server Retry-After as given', () => {
    expect(
      retryDelayMs(
        1,
        { kind: 'status', status: 429, retryAfterSeconds: 12 },
        defaultRetryPolicy,
        () => 0
      )
    ).toBe(12000)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z')
  test.each([
    ['7', 7],
    ['0', 0],
    ['Wed, 25 Nov 2026 12:00:30 GMT', 30],
    ['Wed, 25 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined]
  ])('%s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected)
  })
  test('missing header', () => expect(parseRetryAfter(null, now)).toBeUndefined())
})
