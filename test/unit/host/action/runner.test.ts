import { afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import * as runner from '../../../../src/host/action/runner.js'

// runner.ts writes the runner's commands itself instead of importing @actions/core (start-up
// time): for every call the action makes, both must write the same bytes to the same places.

type Api = typeof runner
const coreApi: Api = {
  getInput: (name) => core.getInput(name),
  setSecret: (s) => core.setSecret(s),
  setOutput: (n, v) => core.setOutput(n, v),
  saveState: (n, v) => core.saveState(n, v),
  getState: (n) => core.getState(n),
  setFailed: (m) => core.setFailed(m),
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  warning: (m, p) => core.warning(m, p),
  group: (n, fn) => core.group(n, fn),
  appendSummary: async (m) => void (await core.summary.addRaw(m, true).write())
}

const TRICKY = 'a%b\r\nc: d, e::f'
let dir: string
let saved: NodeJS.ProcessEnv

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'runner-'))
  saved = { ...process.env }
})

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
  process.exitCode = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** Runs `use` against one implementation and returns stdout and the files, delimiters made equal. */
async function record(
  api: Api,
  use: (api: Api) => Promise<void> | void,
  files: boolean
): Promise<{ stdout: string; files: Record<string, string>; exitCode: unknown }> {
  const names = ['output', 'state', 'summary']
  for (const name of names) writeFileSync(path.join(dir, name), '')
  if (files) {
    process.env.GITHUB_OUTPUT = path.join(dir, 'output')
    process.env.GITHUB_STATE = path.join(dir, 'state')
  } else {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STATE
  }
  process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary')
  process.exitCode = undefined
  let stdout = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)
    return true
  })
  try {
    await use(api)
  } finally {
    spy.mockRestore()
  }
  const same = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIM')
  const contents: Record<string, string> = {}
  for (const name of names) contents[name] = same(readFileSync(path.join(dir, name), 'utf8'))
  return { stdout: same(stdout), files: contents, exitCode: process.exitCode }
}

async function expectSame(use: (api: Api) => Promise<void> | void, files = true): Promise<void> {
  const ours = await record(runner, use, files)
  const theirs = await record(coreApi, use, files)
  expect(ours).toEqual(theirs)
}

test('outputs and state go to the environment files exactly as @actions/core writes them', async () => {
  await expectSame((api) => {
    api.setOutput('backup-id', 'b-1')
    api.setOutput('backups-count', 5000)
    api.setOutput('all-ok', true)
    api.setOutput('multi', 'line 1\nline 2')
    api.saveState('temp-instance', '{"id":"x"}')
  })
  const ours = await record(runner, (api) => api.setOutput('n', 'v'), true)
  expect(ours.files.output).toBe('n<<DELIM\nv\nDELIM\n')
})

test('without environment files, outputs and state are stdout commands', async () => {
  await expectSame((api) => {
    api.setOutput('name', TRICKY)
    api.saveState('key', TRICKY)
  }, false)
})

test('log commands escape data and properties alike', async () => {
  await expectSame(async (api) => {
    api.info(TRICKY)
    api.debug(TRICKY)
    api.warning(TRICKY)
    api.warning(TRICKY, { title: TRICKY })
    api.setSecret(TRICKY)
    await api.group(TRICKY, async () => api.info('inside'))
    api.setFailed(TRICKY)
  })
  expect((await record(runner, (api) => api.setFailed('x'), true)).exitCode).toBe(1)
})

test('a group ends even when its work throws', async () => {
  await expectSame(async (api) => {
    await expect(
      api.group('g', async () => {
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
  })
})

test('the summary is appended, with a line end', async () => {
  await expectSame(async (api) => {
    await api.appendSummary('# one')
    await api.appendSummary('two')
  })
})

test('inputs and state read the same variables', () => {
  process.env['INPUT_FAIL-ON'] = '  stale \n'
  process.env.INPUT_MY_INPUT = 'x'
  process.env.STATE_key = 'v'
  for (const api of [runner, coreApi]) {
    expect(api.getInput('fail-on')).toBe('stale')
    expect(api.getInput('my input')).toBe('x')
    expect(api.getInput('missing')).toBe('')
    expect(api.getState('key')).toBe('v')
    expect(api.getState('other')).toBe('')
  }
})

test('a missing summary file fails as @actions/core fails', async () => {
  process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'nowhere', 'summary')
  const ours = runner.appendSummary('x')
  await expect(ours).rejects.toThrow(
    `Unable to access summary file: '${process.env.GITHUB_STEP_SUMMARY}'`
  )
  delete process.env.GITHUB_STEP_SUMMARY
  await expect(runner.appendSummary('x')).rejects.toThrow(
    'Unable to find environment variable for $GITHUB_STEP_SUMMARY'
  )
})
