import { describe, expect, test } from '@jest/globals'
import { InputError } from '../../../src/errors.js'
import { readGateInputs, readNotifyInputs } from '../../../src/inputs/notify.js'
import { fakeInputs } from '../helpers/inputs.js'

const ENV = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: 'https://ghe.example.com/api/v3' }

function errorOf(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('no InputError')
}

describe('readNotifyInputs', () => {
  test('nothing asked: undefined, and the default notify is none', () => {
    expect(readNotifyInputs(fakeInputs({}, ENV), 'report')).toBeUndefined()
  })

  test('notify: issue with the API URL of Enterprise Server, default labels, the token masked', () => {
    const source = fakeInputs(
      { notify: 'issue', 'github-token': 'ghs_abc', instance: 'shop-db' },
      ENV
    )
    expect(readNotifyInputs(source, 'verify')).toEqual({
      subject: 'shop-db',
      issue: {
        access: {
          apiUrl: 'https://ghe.example.com/api/v3',
          token: 'ghs_abc',
          repository: 'acme/shop'
        },
        labels: ['dbaas-backup']
      }
    })
    expect(source.masked).toContain('ghs_abc')
  })

  test('the CLI falls back to GITHUB_TOKEN; labels are a list', () => {
    const source = fakeInputs(
      { notify: 'issue', instances: 'db-*', 'notify-labels': 'ops, backups' },
      { GITHUB_REPOSITORY: 'acme/shop', GITHUB_TOKEN: 'ghp_env' }
    )
    expect(readNotifyInputs(source, 'report')).toMatchObject({
      subject: 'db-*',
      issue: {
        access: { apiUrl: 'https://api.github.com', token: 'ghp_env' },
        labels: ['ops', 'backups']
      }
    })
  })

  test('webhook and heartbeat URLs are masked before they are checked, and never quoted', () => {
    const source = fakeInputs({ 'webhook-url': 'http://hooks.example.com/T/B/secret' }, ENV)
    const error = errorOf(() => readNotifyInputs(source, 'backup'))
    expect(error.input).toBe('webhook-url')
    expect(error.message).toContain('allow-insecure-http')
    expect(error.message).not.toContain('secret')
    expect(source.masked).toEqual(['http://hooks.example.com/T/B/secret'])
    const bad = fakeInputs({ 'heartbeat-url': 'not a url/abc123' }, ENV)
    expect(errorOf(() => readNotifyInputs(bad, 'backup')).message).not.toContain('abc123')
  })

  test.each([
    [{ notify: 'email' }, 'notify', /use one of: none, issue/],
    [{ notify: 'issue' }, 'github-token', /is required for notify/],
    [
      { notify: 'issue', 'github-token': 't', 'notify-labels': ' , ' },
      'notify-labels',
      /at least one label/
    ],
    [
      { notify: 'issue', 'github-token': 't', 'notify-labels': 'x'.repeat(51) },
      'notify-labels',
      /50 characters/
    ]
  ])('%j is refused, naming %s', (values, input, allowed) => {
    const error = errorOf(() => readNotifyInputs(fakeInputs(values, ENV), 'verify'))
    expect(error.input).toBe(input)
    expect(error.message).toMatch(allowed)
  })

  test('outside GitHub Actions notify: issue needs GITHUB_REPOSITORY', () => {
    const error = errorOf(() =>
      readNotifyInputs(fakeInputs({ notify: 'issue', 'github-token': 't' }, {}), 'verify')
    )
    expect(error.input).toBe('notify')
    expect(error.message).toMatch(/GITHUB_REPOSITORY/)
  })

  test.each(['restore', 'sweep', 'list'] as const)(
    '%s refuses notification inputs rather than ignoring them',
    (mode) => {
      const error = errorOf(() =>
        readNotifyInputs(fakeInputs({ 'heartbeat-url': 'https://hc-ping.com/x' }, ENV), mode)
      )
      expect(error.input).toBe('heartbeat-url')
      expect(error.message).toMatch(/applies to the modes backup, verify, report, mirror/)
      // The defaults (github-token, notify-labels) alone are fine on any mode.
      expect(readNotifyInputs(fakeInputs({ 'github-token': 't' }, ENV), mode)).toBeUndefined()
    }
  )
})

describe('readGateInputs', () => {
  test('both inputs: the window, the workflow and the access', () => {
    expect(
      readGateInputs(
        fakeInputs(
          {
            'require-verified-within': '7d',
            'verify-workflow': 'nightly-drill.yml',
            'github-token': 't'
          },
          ENV
        )
      )
    ).toEqual({
      windowMs: 7 * 86_400_000,
      workflow: 'nightly-drill.yml',
      access: { apiUrl: 'https://ghe.example.com/api/v3', token: 't', repository: 'acme/shop' }
    })
    expect(readGateInputs(fakeInputs({}, ENV))).toBeUndefined()
  })

  test.each([
    [
      { 'require-verified-within': '7d' },
      'verify-workflow',
      /is required with require-verified-within/
    ],
    [{ 'verify-workflow': 'd.yml' }, 'require-verified-within', /is required with verify-workflow/],
    [
      { 'require-verified-within': 'a week', 'verify-workflow': 'd.yml' },
      'require-verified-within',
      /is not a duration/
    ],
    [
      { 'require-verified-within': '100d', 'verify-workflow': 'd.yml' },
      'require-verified-within',
      /too long/
    ],
    [
      { 'require-verified-within': '7d', 'verify-workflow': '.github/workflows/d.yml' },
      'verify-workflow',
      /file name alone/
    ],
    [
      { 'require-verified-within': '7d', 'verify-workflow': 'drill' },
      'verify-workflow',
      /\.yml or \.yaml/
    ],
    [
      { 'require-verified-within': '7d', 'verify-workflow': 'd.yml', 'github-token': '' },
      'github-token',
      /required for require-verified-within/
    ]
  ])('%j is refused, naming %s', (values, input, allowed) => {
    const error = errorOf(() => readGateInputs(fakeInputs(values, ENV)))
    expect(error.input).toBe(input)
    expect(error.message).toMatch(allowed)
  })
})
