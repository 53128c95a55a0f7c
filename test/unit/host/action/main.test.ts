import { afterEach, expect, jest, test } from '@jest/globals'
import { run } from '../../../../src/host/action/main.js'

afterEach(() => {
  jest.restoreAllMocks()
  delete process.env.INPUT_MODE
  process.exitCode = undefined
})

test('an unknown mode fails the step with the allowed modes', async () => {
  const lines: string[] = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk))
    return true
  })
  process.env.INPUT_MODE = 'snapshot'
  await run()
  expect(process.exitCode).toBe(1)
  expect(lines.join('')).toMatch(
    /^::error::Input "mode": "snapshot" is not a mode; use one of: backup/m
  )
})
