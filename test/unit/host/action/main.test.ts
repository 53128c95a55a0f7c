import { beforeEach, expect, jest, test } from '@jest/globals'

// The runner's commands are mocked before importing the unit (an ESM mock must come first).
const setFailed = jest.fn()
jest.unstable_mockModule('../../../../src/host/action/runner.js', () => ({
  getInput: (name: string) =>
    (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  setSecret: jest.fn(),
  setFailed,
  info: jest.fn(),
  debug: jest.fn(),
  warning: jest.fn()
}))
const { run } = await import('../../../../src/host/action/main.js')

beforeEach(() => {
  setFailed.mockReset()
})

test('an unknown mode fails the step with the allowed modes', async () => {
  process.env.INPUT_MODE = 'snapshot'
  await run()
  expect(setFailed).toHaveBeenCalledWith(
    expect.stringContaining('Input "mode": "snapshot" is not a mode; use one of: backup')
  )
})
