import { describe, expect, test } from '@jest/globals'
import { report } from '../../../src/commands/report/index.js'
import { InputError } from '../../../src/errors.js'
import { defaultPolicy, readReportInputs } from '../../../src/inputs/report.js'
import { fakeInputs } from '../helpers/inputs.js'
import { fakeContext } from '../helpers/fake-context.js'

describe('report inputs are checked before any call to the cloud', () => {
  test.each([
    [
      'both instance and instances',
      { instance: 'db', instances: 'all' },
      'instances',
      /either "instance" .* or "instances" .*not both/
    ],
    ['neither instance nor instances', {}, 'instance', /name the instance to report on/],
    ['an instances list of only commas', { instances: ' , ,' }, 'instances', /names no instance/],
    ['"all" mixed with names', { instances: 'all, db-1' }, 'instances', /give it alone/],
    [
      'a max-age that is no duration',
      { instance: 'db', 'max-age': 'daily' },
      'max-age',
      /not a duration/
    ],
    ['a bare number as grace', { instance: 'db', grace: '2' }, 'grace', /not a duration/],
    ['a zero retention', { instance: 'db', retention: '0d' }, 'retention', /too short/],
    [
      'a bad expiry-warning',
      { instance: 'db', 'expiry-warning': 'week' },
      'expiry-warning',
      /not a duration/
    ],
    [
      'a gap-window under an hour',
      { instance: 'db', 'gap-window': '10m' },
      'gap-window',
      /too short/
    ],
    ['an unknown fail-on', { instance: 'db', 'fail-on': 'always' }, 'fail-on', /stale, never/],
    ['max-concurrency 0', { instance: 'db', 'max-concurrency': '0' }, 'max-concurrency', /1 to 32/],
    [
      'max-concurrency 33',
      { instance: 'db', 'max-concurrency': '33' },
      'max-concurrency',
      /1 to 32/
    ],
    [
      'max-concurrency "four"',
      { instance: 'db', 'max-concurrency': 'four' },
      'max-concurrency',
      /1 to 32/
    ]
  ])(
    '%s fails naming the input, without opening the cloud',
    async (_name, inputs, input, message) => {
      const { context, cloudCalls } = fakeContext(inputs)
      const error = await report(context).then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe(input)
      expect((error as InputError).message).toMatch(message)
      expect(cloudCalls()).toBe(0)
    }
  )

  test('defaults follow the provider policy', () => {
    const inputs = readReportInputs(fakeInputs({ instance: 'db' }))
    expect(inputs).toEqual({
      target: { kind: 'one', ref: 'db' },
      policy: {
        maxAgeMs: 24 * 3_600_000,
        graceMs: 2 * 3_600_000,
        retentionMs: 90 * 86_400_000,
        expiryWarningMs: 7 * 86_400_000,
        gapWindowMs: 30 * 86_400_000
      },
      failOn: 'stale',
      maxConcurrency: 4
    })
  })

  test('a list splits on commas and newlines, drops blanks and repeats; "ALL" alone means all', () => {
    expect(readReportInputs(fakeInputs({ instances: 'a, b\n\nc,a,' })).target).toEqual({
      kind: 'list',
      refs: ['a', 'b', 'c']
    })
    expect(readReportInputs(fakeInputs({ instances: 'ALL' })).target).toEqual({ kind: 'all' })
  })

  test('grace and expiry-warning may be zero; report-path is passed on', () => {
    const inputs = readReportInputs(
      fakeInputs({
        instance: 'db',
        grace: '0s',
        'expiry-warning': '0s',
        'fail-on': 'NEVER',
        'report-path': 'out/report.json'
      })
    )
    expect(inputs.policy.graceMs).toBe(0)
    expect(inputs.policy.expiryWarningMs).toBe(0)
    expect(inputs.failOn).toBe('never')
    expect(inputs.reportPath).toBe('out/report.json')
  })
})

test('the default policy is the provider’s promise as action.yml states it', () => {
  const HOUR = 3_600_000
  expect(defaultPolicy()).toEqual({
    maxAgeMs: 24 * HOUR,
    graceMs: 2 * HOUR,
    retentionMs: 90 * 24 * HOUR,
    expiryWarningMs: 7 * 24 * HOUR,
    gapWindowMs: 30 * 24 * HOUR
  })
})

test('report-path under a file, not a folder, is refused before any cloud call', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const path = await import('node:path')
  const dir = mkdtempSync(path.join(tmpdir(), 'report-path-'))
  const file = path.join(dir, 'plain-file')
  writeFileSync(file, '')
  const under = path.join(file, 'report.json')
  expect(() => readReportInputs(fakeInputs({ instance: 'shop-db', 'report-path': under }))).toThrow(
    /Input "report-path": ".*plain-file" is a file, not a folder/
  )
  expect(() => readReportInputs(fakeInputs({ instance: 'shop-db', 'report-path': dir }))).toThrow(
    /Input "report-path": ".*" is a directory; name the JSON file to write/
  )
})
