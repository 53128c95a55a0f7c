import { describe, expect, test } from '@jest/globals'
import { readBackupInputs } from '../../../src/inputs/backup.js'
import { fakeInputs } from '../helpers/inputs.js'

describe('readBackupInputs', () => {
  test('safe defaults: wait, 60 minute timeout, full backup, no reuse', () => {
    expect(readBackupInputs(fakeInputs({ instance: 'db' }))).toEqual({
      instance: 'db',
      nameTemplate: '{instance}-pre-deploy-{timestamp}-{sha}',
      description: '',
      incremental: false,
      wait: true,
      timeoutMs: 3_600_000
    })
  })

  test('reads every input', () => {
    const inputs = readBackupInputs(
      fakeInputs({
        instance: 'db',
        'backup-name': 'n-{run_id}',
        description: 'd',
        incremental: 'true',
        wait: 'false',
        timeout: '2h',
        'reuse-if-newer-than': '6h'
      })
    )
    expect(inputs).toMatchObject({
      nameTemplate: 'n-{run_id}',
      incremental: true,
      wait: false,
      timeoutMs: 7_200_000,
      reuseIfNewerThanMs: 21_600_000
    })
  })

  test.each([
    [{}, 'Input "instance": is required'],
    [{ instance: 'db', timeout: '5s' }, 'Input "timeout": "5s" is too short'],
    [{ instance: 'db', timeout: '3d' }, 'Input "timeout": "3d" is too long'],
    [{ instance: 'db', timeout: '-5m' }, 'Input "timeout": "-5m" is not a duration'],
    [
      { instance: 'db', 'reuse-if-newer-than': '10s' },
      'Input "reuse-if-newer-than": "10s" is too short'
    ],
    [
      { instance: 'db', incremental: 'yes please' },
      'Input "incremental": "yes please" is not a boolean'
    ],
    [
      { instance: 'db', 'backup-name': '{nope}' },
      'Input "backup-name": unknown placeholder {nope}'
    ],
    [
      { instance: 'db', description: 'x'.repeat(300) },
      'Input "description": is 300 characters long'
    ]
  ])('%j', (values, message) => {
    expect(() => readBackupInputs(fakeInputs(values as Record<string, string>))).toThrow(message)
  })
})
