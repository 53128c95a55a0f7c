import { afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import * as runner from '../../../../src/host/action/runner.js'

// The runner module must write byte for byte what @actions/core writes for the same calls: the
// runner parses both the same way. Each case runs once through each, with fresh files.

const KEYS = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
let dir: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'runner-'))
})

afterEach(() => {
  jest.restoreAllMocks()
  for (const key of KEYS) delete process.env[key]
  rmSync(dir, { recursive: true, force: true })
  process.exitCode = undefined
})

interface Written {
  stdout: string
  files: Record<string, string>
  exitCode: typeof process.exitCode
}

/** Runs `calls` with fresh files (or none) and returns what it wrote, delimiters made equal. */
async function capture(calls: () => unknown, withFiles: boolean, name: string): Promise<Written> {
  const files: Record<string, string> = {}
  for (const key of KEYS) {
    if (withFiles) {
      process.env[key] = path.join(dir, `${name}-${key}`)
      writeFileSync(process.env[key], '')
    } else delete process.env[key]
  }
  let stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)
    return true
  })
  process.exitCode = undefined
  await calls()
  jest.restoreAllMocks()
  const exitCode = process.exitCode
  process.exitCode = undefined
  if (withFiles) {
    for (const key of KEYS) files[key] = readFileSync(process.env[key] as string, 'utf8')
  }
  const same = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X')
  return {
    stdout: same(stdout),
    files: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, same(v)])),
    exitCode
  }
}

async function expectSame(
  ours: () => unknown,
  theirs: () => unknown,
  withFiles = true
): Promise<Written> {
  const a = await capture(ours, withFiles, 'ours')
  const b = await capture(theirs, withFiles, 'theirs')
  expect(a).toEqual(b)
  return a
}

const AWKWARD = 'a line\nanother %0A line\r\nwith ::set-output name=x::y, and 100% : ,'

test('outputs: one line, many lines, a number and a boolean', async () => {
  const written = await expectSame(
    () => {
      runner.setOutput('one', 'value')
      runner.setOutput('many', AWKWARD)
      runner.setOutput('count', 3)
      runner.setOutput('ok', true)
    },
    () => {
      core.setOutput('one', 'value')
      core.setOutput('many', AWKWARD)
      core.setOutput('count', 3)
      core.setOutput('ok', true)
    }
  )
  expect(written.files.GITHUB_OUTPUT).toContain('many<<ghadelimiter_X\na line\nanother')
  expect(written.stdout).toBe('')
})

test('outputs and state without the files: the old stdout commands', async () => {
  const written = await expectSame(
    () => {
      runner.setOutput('many', AWKWARD)
      runner.saveState('leftover', 'a,b:c')
    },
    () => {
      core.setOutput('many', AWKWARD)
      core.saveState('leftover', 'a,b:c')
    },
    false
  )
  expect(written.stdout).not.toContain('\nanother')
})

test('state is written to GITHUB_STATE and read back from STATE_*', async () => {
  await expectSame(
    () => runner.saveState('temp-instance', '{"name":"x"}'),
    () => core.saveState('temp-instance', '{"name":"x"}')
  )
  process.env.STATE_probe = 'kept'
  expect(runner.getState('probe')).toBe(core.getState('probe'))
  expect(runner.getState('absent')).toBe(core.getState('absent'))
  delete process.env.STATE_probe
})

test('workflow commands escape their data and properties', async () => {
  const written = await expectSame(
    async () => {
      runner.setSecret(AWKWARD)
      runner.debug(AWKWARD)
      runner.warning(AWKWARD)
      runner.warning(AWKWARD, { title: 'Title: with, punctuation\n%' })
      runner.error(AWKWARD)
      runner.info('plain text, as it is')
      await runner.group('a group', async () => runner.info('inside'))
    },
    async () => {
      core.setSecret(AWKWARD)
      core.debug(AWKWARD)
      core.warning(AWKWARD)
      core.warning(AWKWARD, { title: 'Title: with, punctuation\n%' })
      core.error(AWKWARD)
      core.info('plain text, as it is')
      await core.group('a group', async () => core.info('inside'))
    }
  )
  // Each command stays on its own line whatever its text holds.
  expect(written.stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(7)
})

test('setFailed writes an error and fails the step', async () => {
  const written = await expectSame(
    () => runner.setFailed(AWKWARD),
    () => core.setFailed(AWKWARD)
  )
  expect(written.exitCode).toBe(1)
})

test('the job summary is appended with a line end', async () => {
  await expectSame(
    async () => {
      await runner.appendSummary('# one')
      await runner.appendSummary('two\n')
    },
    async () => {
      await core.summary.addRaw('# one', true).write()
      await core.summary.addRaw('two\n', true).write()
    }
  )
})

test('inputs: the name upper-cased with underscores for spaces, the value trimmed', () => {
  process.env['INPUT_S3-URI'] = '  s3://bucket/prefix/ \n'
  process.env.INPUT_TWO_WORDS = 'x'
  for (const name of ['s3-uri', 'S3-URI', 'two words', 'absent']) {
    expect(runner.getInput(name)).toBe(core.getInput(name))
  }
  expect(runner.getInput('s3-uri')).toBe('s3://bucket/prefix/')
  delete process.env['INPUT_S3-URI']
  delete process.env.INPUT_TWO_WORDS
})

test('an output file that the runner named but is missing fails, as with @actions/core', () => {
  process.env.GITHUB_OUTPUT = path.join(dir, 'gone')
  expect(() => runner.setOutput('x', 'y')).toThrow(`Missing file at path: ${dir}/gone`)
  expect(() => core.setOutput('x', 'y')).toThrow(`Missing file at path: ${dir}/gone`)
})

test('without GITHUB_STEP_SUMMARY there is no summary: nothing is written, nothing fails', async () => {
  delete process.env.GITHUB_STEP_SUMMARY
  let stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)
    return true
  })
  await expect(runner.appendSummary('# lost')).resolves.toBeUndefined()
  expect(stdout).toBe('')
})

test('the delimiter is a fresh random version-4 UUID each time, as crypto.randomUUID makes', () => {
  const seen = new Set<string>()
  for (let i = 0; i < 200; i++) {
    const uuid = runner.randomUuid()
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    seen.add(uuid)
  }
  expect(seen.size).toBe(200)
  // Every random nibble takes more than one value over 200 draws: no byte is stuck.
  const nibbles = [...seen].map((u) => u.replace(/-/g, ''))
  for (const position of [0, 11, 13, 17, 31]) {
    expect(new Set(nibbles.map((n) => n[position])).size).toBeGreaterThan(1)
  }
})

test('two outputs of one step use different delimiters', () => {
  process.env.GITHUB_OUTPUT = path.join(dir, 'output')
  writeFileSync(process.env.GITHUB_OUTPUT, '')
  runner.setOutput('a', 'one')
  runner.setOutput('b', 'two')
  const delimiters = readFileSync(process.env.GITHUB_OUTPUT, 'utf8').match(
    /ghadelimiter_[0-9a-f-]{36}/g
  )
  expect(delimiters?.length).toBe(4)
  expect(new Set(delimiters).size).toBe(2)
})
