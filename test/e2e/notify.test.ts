import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { type GitHubStandIn, startGitHubStandIn, TOKEN } from '../helpers/github-standin.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { createPostgresWithData, testClient } from './helpers/local-instances.js'
import { cloudInputs, runAction } from './helpers/run-action.js'
import { cloudEnv, parseJson, runCli } from './helpers/run-cli.js'

// Notifications and the verified-drill gate through the committed bundle, on the local cloud,
// with GITHUB_API_URL pointing at the local stand-in of GitHub's REST API.
jest.setTimeout(120_000)

let cloud: RunningCloud
let gh: GitHubStandIn
let shopId: string

beforeAll(async () => {
  ;[cloud, gh] = await Promise.all([startCloud({ paceMs: 200 }), startGitHubStandIn()])
  ;[shopId] = (await cloud.admin.seedInstances(0, { names: ['shop-db'] })) as [string]
}, 90_000)

afterAll(async () => {
  await Promise.all([cloud?.stop(), gh?.close()])
})

beforeEach(async () => {
  await cloud.admin.clearRequests()
  gh.requests.length = 0
  gh.faults.forbid = new Set()
})

const github = () => ({ GITHUB_API_URL: gh.apiUrl })

describe('notify through the action bundle', () => {
  test('a stale report opens one issue, a repeat comments, the first pass closes it', async () => {
    const inputs = {
      ...cloudInputs(cloud.info),
      mode: 'report',
      instance: 'shop-db',
      notify: 'issue',
      'github-token': TOKEN,
      'webhook-url': gh.webhookUrl,
      'heartbeat-url': gh.heartbeatUrl
    }
    const first = await runAction('main', inputs, { env: github() })
    expect(first.exitCode).toBe(1)
    expect(first.outputs.status).toBe('none')
    const second = await runAction('main', inputs, { env: { ...github(), GITHUB_RUN_ID: '4243' } })
    expect(second.exitCode).toBe(1)
    expect(gh.issues).toHaveLength(1)
    const issue = gh.issues[0]!
    expect(issue.title).toBe('dbaas-backup report stale: shop-db')
    expect(issue.labels).toEqual(['dbaas-backup'])
    expect(issue.body).toContain('https://github.com/acme/shop/actions/runs/4242')
    expect(issue.body).toContain('no COMPLETED backup')
    expect(issue.comments).toHaveLength(1)
    expect(issue.comments[0]).toContain('runs/4243')
    expect(first.stdout).toContain(`notify: opened issue #${issue.number}`)
    // The webhook and heartbeat URLs are secrets: masked in the log.
    expect(first.stdout).toContain(`::add-mask::${gh.webhookUrl}`)
    expect(first.stdout.replace(`::add-mask::${gh.webhookUrl}`, '')).not.toContain('XXXXsecretpart')

    await cloud.admin.seedBackups(shopId, [{ ageHours: 1 }])
    const third = await runAction('main', inputs, { env: { ...github(), GITHUB_RUN_ID: '4244' } })
    expect(third.exitCode).toBe(0)
    expect(issue.state).toBe('closed')
    expect(issue.comments[1]).toMatch(/^\*\*Recovered: report passed\*\*/)
    expect(gh.hooks.map((h) => (h as { verdict: string }).verdict)).toEqual([
      'stale',
      'stale',
      'recovered'
    ])
    const ping = new URL(gh.heartbeatUrl).pathname
    expect(gh.pings).toEqual([`${ping}/fail`, `${ping}/fail`, ping])
    expect(third.annotations).toEqual([])
  })

  test('without issues: write the step keeps its result and warns which permission to add', async () => {
    gh.faults.forbid.add('list')
    const result = await runAction(
      'main',
      {
        ...cloudInputs(cloud.info),
        mode: 'report',
        instance: 'shop-db',
        notify: 'issue',
        'github-token': TOKEN
      },
      { env: github() }
    )
    expect(result.exitCode).toBe(0)
    expect(result.annotations).toHaveLength(1)
    expect(result.annotations[0]).toMatch(/^::warning title=notify::.*permissions: issues: write/)
  })

  test('a notify input on a mode that does not notify is bad input, before any cloud call', async () => {
    gh.pings.length = 0
    const result = await runAction(
      'main',
      { ...cloudInputs(cloud.info), mode: 'sweep', 'heartbeat-url': gh.heartbeatUrl },
      { env: github() }
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::error::Input "heartbeat-url": applies to the modes backup, verify, report, mirror/
    )
    expect(await cloud.admin.requests()).toEqual([])
    expect(gh.requests).toEqual([])
    expect(gh.pings).toEqual([])
  })
})

describe('require-verified-within through the action bundle', () => {
  const gate = () => ({
    ...cloudInputs(cloud.info),
    mode: 'backup',
    'require-verified-within': '7d',
    'verify-workflow': 'nightly-drill.yml',
    'github-token': TOKEN
  })
  const backupPosts = async () =>
    (await cloud.admin.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/backups'))

  test('no recent passing drill: the deploy fails and no backup is requested', async () => {
    gh.runs.length = 0
    gh.runs.push({
      workflow: 'nightly-drill.yml',
      branch: 'main',
      conclusion: 'success',
      updatedAt: new Date(Date.now() - 10 * 86_400_000)
    })
    const result = await runAction('main', { ...gate(), instance: 'shop-db' }, { env: github() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::error::require-verified-within 7d: the last successful run of nightly-drill.yml in acme\/shop on main is run #\d+ .*10d ago — older than 7d/
    )
    expect(await cloud.admin.requests()).toEqual([])
  })

  test('a passing drill within the window lets the backup be taken', async () => {
    const db = await createPostgresWithData(testClient(cloud.info), 'gated-db')
    gh.runs.push({
      workflow: 'nightly-drill.yml',
      branch: 'main',
      conclusion: 'success',
      updatedAt: new Date(Date.now() - 86_400_000)
    })
    await cloud.admin.clearRequests()
    const result = await runAction('main', { ...gate(), instance: db.id }, { env: github() })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs['backup-status']).toBe('COMPLETED')
    expect(result.stdout).toMatch(
      /Verified within 7d: nightly-drill.yml in acme\/shop on main, run #\d+/
    )
    expect(await backupPosts()).toHaveLength(1)
  }, 90_000)
})

describe('notify through the CLI bundle', () => {
  test('heartbeat /fail, a webhook and an issue after a failed report; GITHUB_TOKEN as the token', async () => {
    gh.pings.length = 0
    gh.hooks.length = 0
    const result = await runCli(
      [
        'report',
        '--instance',
        'no-such-db',
        '--allow-insecure-http',
        '--json',
        '--notify',
        'issue',
        '--webhook-url',
        gh.webhookUrl,
        '--heartbeat-url',
        gh.heartbeatUrl
      ],
      {
        env: {
          ...cloudEnv(cloud.info),
          ...github(),
          GITHUB_REPOSITORY: 'acme/shop',
          GITHUB_TOKEN: TOKEN
        }
      }
    )
    const json = parseJson(result)
    expect(json.result).toBe('bad-input')
    expect(json.warnings).toEqual([])
    expect(gh.pings).toEqual([`${new URL(gh.heartbeatUrl).pathname}/fail`])
    expect(gh.hooks).toHaveLength(1)
    expect((gh.hooks[0] as { instance: string }).instance).toBe('no-such-db')
    const issue = gh.issues.find((i) => i.title === 'dbaas-backup report failed: no-such-db')
    expect(issue?.body).toContain('no-such-db')
    expect(issue?.body).toContain('a local run')
    // The secret URLs are redacted from everything the CLI prints.
    expect(result.stdout + result.stderr).not.toContain('XXXXsecretpart')
  })
})
