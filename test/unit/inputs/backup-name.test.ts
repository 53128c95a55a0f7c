import { describe, expect, test } from '@jest/globals'
import { renderBackupName } from '../../../src/inputs/backup-name.js'

const values = {
  instance: 'shop-db',
  sha: '0123456789abcdef',
  runId: '4242',
  ref: 'feature/new checkout',
  now: new Date('2026-11-25T12:34:56.789Z')
}

describe('renderBackupName', () => {
  test.each([
    ['{instance}-pre-deploy-{timestamp}-{sha}', 'shop-db-pre-deploy-20261125T123456Z-0123456'],
    ['{instance}-{ref}-{run_id}', 'shop-db-feature-new-checkout-4242'],
    ['nightly', 'nightly'],
    ['{instance}--{sha}', 'shop-db-0123456']
  ])('%s', (template, expected) => {
    expect(renderBackupName(template, values)).toBe(expected)
  })

  test('empty values leave no dangling separators', () => {
    expect(renderBackupName('{instance}-{sha}-{run_id}', { ...values, sha: '', runId: '' })).toBe(
      'shop-db'
    )
  })

  test('an unknown placeholder names the allowed ones', () => {
    expect(() => renderBackupName('{instance}-{branch}', values)).toThrow(
      'Input "backup-name": unknown placeholder {branch}; use {instance} {sha} {run_id} {ref} {timestamp}'
    )
  })

  test('an empty result is refused', () => {
    expect(() => renderBackupName('{sha}', { ...values, sha: '' })).toThrow('gives an empty name')
  })

  test('over 255 characters is refused', () => {
    expect(() => renderBackupName('x'.repeat(300), values)).toThrow('Trove allows 255')
  })
})
