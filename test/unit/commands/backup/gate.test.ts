import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { backup } from '../../../../src/commands/backup/index.js'
import { CheckFailure } from '../../../../src/errors.js'
import { type GitHubStandIn, startGitHubStandIn, TOKEN } from '../../../helpers/github-standin.js'
import { fakeContext } from '../../helpers/fake-context.js'

// require-verified-within on backup, against the local stand-in of GitHub's REST API.
let gh: GitHubStandIn
const DAY = 86_400_000

beforeAll(async () => {
  nock.enableNetConnect('127.0.0.1')
  gh = await startGitHubStandIn()
})

afterAll(async () => {
  await gh?.close()
})

beforeEach(() => {
  gh.runs.length = 0
  gh.requests.length = 0
  gh.faults.forbid = new Set()
})

function run(extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) {
  return fakeContext(
    {
      mode: 'backup',
      instance: 'shop-db',
      'require-verified-within': '7d',
      'verify-workflow': 'nightly-drill.yml',
      'github-token': TOKEN,
      ...extra
    },
    { GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: gh.apiUrl, ...env }
  )
}

describe('require-verified-within', () => {
  test('no successful run of the workflow: the deploy fails before any cloud call', async () => {
    const recorded = run()
    const now = recorded.clock.nowMs
    gh.runs.push({
      workflow: 'nightly-drill.yml',
      branch: 'main',
      conclusion: 'failure',
      updatedAt: new Date(now - DAY)
    })
    const failure = await backup(recorded.context).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(CheckFailure)
    expect((failure as Error).message).toBe(
      'require-verified-within 7d: nightly-drill.yml in acme/shop has no successful run on main. Run the restore drill (and let it pass) before deploying.'
    )
    expect(recorded.cloudCalls()).toBe(0)
    // Without an event payload the default branch comes from the repository.
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v3/repos/acme/shop',
      'GET /api/v3/repos/acme/shop/actions/workflows/nightly-drill.yml/runs'
    ])
    expect(gh.requests[1]!.query).toEqual({ branch: 'main', status: 'success', per_page: '1' })
  })

  test('a last success older than the window fails, naming the run and its age', async () => {
    const recorded = run()
    const now = recorded.clock.nowMs
    gh.runs.push(
      {
        workflow: 'nightly-drill.yml',
        branch: 'main',
        conclusion: 'success',
        updatedAt: new Date(now - 9 * DAY - 3_600_000)
      },
      // Newer successes elsewhere do not count: another branch, another workflow.
      {
        workflow: 'nightly-drill.yml',
        branch: 'feature',
        conclusion: 'success',
        updatedAt: new Date(now - DAY)
      },
      {
        workflow: 'other.yml',
        branch: 'main',
        conclusion: 'success',
        updatedAt: new Date(now - DAY)
      }
    )
    const failure = (await backup(recorded.context).catch((e: unknown) => e)) as Error
    expect(failure).toBeInstanceOf(CheckFailure)
    expect(failure.message).toMatch(
      new RegExp(
        `^require-verified-within 7d: the last successful run of nightly-drill.yml in acme/shop on main is run #100 \\(${gh.url}/acme/shop/actions/runs/30000\\), finished 2026-11-16T11:00:00.000Z, 9d ?1h ago — older than 7d\\.`
      )
    )
    expect(recorded.cloudCalls()).toBe(0)
  })

  test('a success within the window passes; the branch is read from the event payload', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-'))
    const event = path.join(dir, 'event.json')
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'trunk' } }))
    const recorded = run({}, { GITHUB_EVENT_PATH: event })
    const now = recorded.clock.nowMs
    gh.runs.push({
      workflow: 'nightly-drill.yml',
      branch: 'trunk',
      conclusion: 'success',
      updatedAt: new Date(now - 2 * DAY)
    })
    const { requireVerified } = await import('../../../../src/commands/backup/gate.js')
    const { readBackupInputs } = await import('../../../../src/inputs/backup.js')
    const gate = readBackupInputs(recorded.context.inputs).gate!
    await expect(requireVerified(recorded.context, gate)).resolves.toBeUndefined()
    expect(recorded.logs.join('\n')).toMatch(
      /Verified within 7d: nightly-drill.yml in acme\/shop on trunk, run #100 .* 2d ago/
    )
    expect(gh.requests.map((r) => r.path)).toEqual([
      '/api/v3/repos/acme/shop/actions/workflows/nightly-drill.yml/runs'
    ])
  })

  test('a token without actions: read fails the deploy and says which permission to add', async () => {
    gh.faults.forbid.add('runs')
    const recorded = run()
    gh.runs.push({
      workflow: 'nightly-drill.yml',
      branch: 'main',
      conclusion: 'success',
      updatedAt: new Date(recorded.clock.nowMs)
    })
    const failure = (await backup(recorded.context).catch((e: unknown) => e)) as Error
    expect(failure).toBeInstanceOf(CheckFailure)
    expect(failure.message).toContain('Resource not accessible by integration')
    expect(failure.message).toContain('permissions: actions: read')
    expect(recorded.cloudCalls()).toBe(0)
  })

  test('an unknown workflow file (404) fails the deploy, naming the file', async () => {
    const recorded = run({ 'verify-workflow': 'nightly-dril.yml' })
    const failure = (await backup(recorded.context).catch((e: unknown) => e)) as Error
    expect(failure).toBeInstanceOf(CheckFailure)
    expect(failure.message).toMatch(
      /could not read the runs of nightly-dril.yml in acme\/shop: GitHub answered 404/
    )
  })
})
