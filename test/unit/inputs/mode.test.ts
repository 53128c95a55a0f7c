import { expect, test } from '@jest/globals'
import { readMode } from '../../../src/inputs/mode.js'
import { fakeInputs } from '../helpers/inputs.js'

test('known modes are accepted, case-insensitively', () => {
  expect(readMode(fakeInputs({ mode: 'Backup' }))).toBe('backup')
  expect(readMode(fakeInputs({ mode: 'sweep' }))).toBe('sweep')
})

test('an unknown mode names the allowed ones', () => {
  expect(() => readMode(fakeInputs({ mode: 'snapshot' }))).toThrow(
    'Input "mode": "snapshot" is not a mode; use one of: backup, verify, restore, report, mirror, sweep, list'
  )
})

test('a missing mode is required', () => {
  expect(() => readMode(fakeInputs({}))).toThrow('Input "mode": is required')
})
