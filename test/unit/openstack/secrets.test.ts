import { describe, expect, test } from '@jest/globals'
import {
  OpenStackHttpError,
  parseFaultBody,
  registerSecret,
  scrubSecrets
} from '../../../src/openstack/index.js'
import { checkCidr } from '../../../src/inputs/restore.js'

describe('secrets echoed by a server', () => {
  registerSecret('s3cr3t-Value/+=')

  test('are scrubbed from an API error message, as sent and URL- or JSON-encoded', () => {
    const error = new OpenStackHttpError({
      method: 'POST',
      url: 'https://keystone.example/v3/auth/tokens',
      status: 401,
      apiMessage: `bad secret s3cr3t-Value/+= (${encodeURIComponent('s3cr3t-Value/+=')})`
    })
    expect(error.message).not.toContain('s3cr3t')
    expect(error.apiMessage).toBe('bad secret *** (***)')
  })

  test('are scrubbed before a long body is shortened, so no half secret is left', () => {
    const body = `${'x'.repeat(495)}s3cr3t-Value/+= and more`
    expect(parseFaultBody(body).message).not.toContain('s3cr')
  })

  test('too short to be told from ordinary words, are left to GitHub masking', () => {
    registerSecret('ab')
    expect(scrubSecrets('tab')).toBe('tab')
  })
})

describe('allowed CIDRs', () => {
  test.each([
    ['203.0.113.7/32', undefined],
    ['10.1.0.0/22', undefined],
    ['10.0.0.0/21', /wider than \/22/],
    ['10.0.0.0/8', /wider than \/22/],
    ['0.0.0.0/0', /whole internet/]
  ])('%s', (cidr, problem) => {
    const found = checkCidr(cidr)
    if (problem) expect(found).toMatch(problem)
    else expect(found).toBeUndefined()
  })
})
