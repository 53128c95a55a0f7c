import { expect, test } from '@jest/globals'
import { SecretRedactor } from '../../../../src/host/cli/secrets.js'

test('remembered secrets are redacted from any text, longest first', () => {
  const r = new SecretRedactor()
  r.remember('hunter2')
  r.remember('hunter2-long')
  r.remember('ab') // too short to redact usefully
  expect(r.redact('pw hunter2-long then hunter2, ab')).toBe('pw *** then ***, ab')
})
