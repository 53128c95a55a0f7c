import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import type { NotifySettings } from '../../../src/inputs/notify.js'
import { markerOf, notifyRun, type RunOutcome } from '../../../src/notify/index.js'
import { type GitHubStandIn, startGitHubStandIn, TOKEN } from '../../helpers/github-standin.js'

// The notifier against the local stand-in of GitHub's REST API (test/helpers/github-standin.ts).
let gh: GitHubStandIn

beforeAll(async () => {
  nock.enableNetConnect('127.0.0.1')
  gh = await startGitHubStandIn()
})

afterAll(async () => {
  await gh?.close()
})

beforeEach(() => {
  gh.issues.length = 0
  gh.requests.length = 0
  gh.hooks.length = 0
  gh.pings.length = 0
  gh.maxPerPage = 100
  Object.assign(gh.faults, {
    forbid: new Set(),
    rateLimited: 0,
    rateLimitResetSeconds: 1,
    hookFailures: 0,
    hookThrottled: 0,
    pingFailures: 0
  })
})

function settings(extra: Partial<NotifySettings> = {}): NotifySettings {
  return {
    subject: 'shop-db',
    issue: {
      access: { apiUrl: gh.apiUrl, token: TOKEN, repository: 'acme/shop' },
      labels: ['dbaas-backup', 'ops']
    },
    ...extra
  }
}

function outcome(verdict: RunOutcome['verdict'], extra: Partial<RunOutcome> = {}): RunOutcome {
  return {
    mode: 'verify',
    subject: 'shop-db',
    verdict,
    message: verdict === 'pass' ? '' : 'Restore drill failed: table orders has 0 rows',
    summary: '## Restore drill\n\n| check | result |\n| --- | --- |\n| rows | failed |',
    repository: 'acme/shop',
    runUrl: 'https://github.com/acme/shop/actions/runs/4242',
    runId: '4242',
    workflow: 'nightly-drill',
    ...extra
  }
}

function deps() {
  const record = {
    sleeps: [] as number[],
    infos: [] as string[],
    warnings: [] as { message: string; title: string }[]
  }
  return {
    record,
    deps: {
      fetch: globalThis.fetch,
      sleep: async (ms: number) => void record.sleeps.push(ms),
      now: Date.now,
      info: (m: string) => void record.infos.push(m),
      warn: (message: string, title: string) => void record.warnings.push({ message, title })
    }
  }
}

const apiCalls = () =>
  gh.requests.filter((r) => r.path.startsWith('/api/v3')).map((r) => `${r.method} ${r.path}`)

describe('notify: issue', () => {
  test('two failing runs open one issue and comment on it once', async () => {
    const first = deps()
    await notifyRun(settings(), outcome('fail'), first.deps)
    await notifyRun(settings(), outcome('fail', { runId: '4243' }), deps().deps)
    expect(gh.issues).toHaveLength(1)
    const issue = gh.issues[0]!
    expect(issue.state).toBe('open')
    expect(issue.title).toBe('dbaas-backup verify failed: shop-db')
    expect(issue.labels).toEqual(['dbaas-backup', 'ops'])
    expect(issue.body.startsWith(markerOf({ mode: 'verify', subject: 'shop-db' }))).toBe(true)
    expect(issue.body).toContain('[run 4242](https://github.com/acme/shop/actions/runs/4242)')
    expect(issue.body).toContain('| rows | failed |')
    expect(issue.body).toContain('table orders has 0 rows')
    expect(issue.comments).toHaveLength(1)
    expect(issue.comments[0]).toContain('verify failed again')
    expect(issue.comments[0]).toContain('run 4243')
    expect(first.record.infos).toContain(
      `notify: opened issue #${issue.number}: ${gh.url}/acme/shop/issues/${issue.number}`
    )
    expect(first.record.warnings).toEqual([])
    // The token travels as a bearer token; labels are filtered server-side.
    const list = gh.requests.find((r) => r.method === 'GET' && r.path.endsWith('/issues'))!
    expect(list.authorization).toBe(`Bearer ${TOKEN}`)
    expect(list.query).toMatchObject({ state: 'open', labels: 'dbaas-backup,ops', per_page: '100' })
  })

  test('the first pass afterwards comments "recovered" and closes the issue; a second pass does nothing', async () => {
    await notifyRun(settings(), outcome('fail'), deps().deps)
    gh.requests.length = 0
    await notifyRun(settings(), outcome('pass', { runId: '4250' }), deps().deps)
    const issue = gh.issues[0]!
    expect(issue.state).toBe('closed')
    expect(issue.state_reason).toBe('completed')
    expect(issue.comments).toHaveLength(1)
    expect(issue.comments[0]).toMatch(/^\*\*Recovered: verify passed\*\*/)
    expect(issue.comments[0]).toContain('run 4250')
    expect(apiCalls()).toEqual([
      'GET /api/v3/repos/acme/shop/issues',
      `POST /api/v3/repos/acme/shop/issues/${issue.number}/comments`,
      `PATCH /api/v3/repos/acme/shop/issues/${issue.number}`
    ])
    gh.requests.length = 0
    await notifyRun(settings(), outcome('pass'), deps().deps)
    expect(apiCalls()).toEqual(['GET /api/v3/repos/acme/shop/issues'])
    // A new failure after the recovery opens a new issue, not the closed one.
    await notifyRun(settings(), outcome('fail'), deps().deps)
    expect(gh.issues.filter((i) => i.state === 'open')).toHaveLength(1)
    expect(gh.issues).toHaveLength(2)
  })

  test('one issue per mode and instance: another instance or mode gets its own', async () => {
    await notifyRun(settings(), outcome('fail'), deps().deps)
    await notifyRun(
      settings({ subject: 'billing-db' }),
      outcome('fail', { subject: 'billing-db' }),
      deps().deps
    )
    await notifyRun(settings(), outcome('stale', { mode: 'report' }), deps().deps)
    expect(gh.issues.map((i) => i.title)).toEqual([
      'dbaas-backup verify failed: shop-db',
      'dbaas-backup verify failed: billing-db',
      'dbaas-backup report stale: shop-db'
    ])
    expect(gh.issues.every((i) => i.comments.length === 0)).toBe(true)
  })

  test('finds its issue by the marker on page 2, following the Link header, never by title', async () => {
    gh.maxPerPage = 2
    await notifyRun(settings(), outcome('fail'), deps().deps)
    const ours = gh.issues[0]!
    // Newer issues with the same labels (and one with our very title) push ours to page 2.
    for (const title of ['Rotate the keys', ours.title, 'Quarterly restore test']) {
      gh.issues.push({
        number: gh.issues.length + 1,
        title,
        body: 'Written by hand',
        state: 'open',
        state_reason: null,
        labels: ['dbaas-backup', 'ops'],
        comments: []
      })
    }
    gh.requests.length = 0
    await notifyRun(settings(), outcome('fail'), deps().deps)
    expect(gh.issues).toHaveLength(4)
    expect(ours.comments).toHaveLength(1)
    expect(gh.issues.slice(1).every((i) => i.comments.length === 0)).toBe(true)
    const lists = gh.requests.filter((r) => r.method === 'GET')
    expect(lists.map((r) => [r.path, r.query.page])).toEqual([
      ['/api/v3/repos/acme/shop/issues', undefined],
      ['/api/v3/repositories/1000/issues', '2']
    ])
  })

  test('a missing issues: write permission (403) is a warning naming it, and the webhook still goes out', async () => {
    gh.faults.forbid.add('create')
    const { deps: d, record } = deps()
    await expect(
      notifyRun(settings({ webhookUrl: gh.webhookUrl }), outcome('fail'), d)
    ).resolves.toBeUndefined()
    expect(gh.issues).toHaveLength(0)
    expect(record.warnings).toHaveLength(1)
    expect(record.warnings[0]!.title).toBe('notify')
    expect(record.warnings[0]!.message).toContain('Resource not accessible by integration')
    expect(record.warnings[0]!.message).toContain('permissions: issues: write')
    expect(gh.hooks).toHaveLength(1)
  })

  test('a rate limit that resets soon is waited out once; one that does not is a warning', async () => {
    gh.faults.rateLimited = 1
    gh.faults.rateLimitResetSeconds = 5
    const soon = deps()
    await notifyRun(settings(), outcome('fail'), soon.deps)
    expect(gh.issues).toHaveLength(1)
    expect(soon.record.sleeps).toHaveLength(1)
    expect(soon.record.sleeps[0]).toBeGreaterThan(3_000)
    expect(soon.record.sleeps[0]).toBeLessThanOrEqual(7_000)
    expect(soon.record.warnings).toEqual([])

    gh.faults.rateLimited = 5
    gh.faults.rateLimitResetSeconds = 3600
    const late = deps()
    await notifyRun(settings(), outcome('fail'), late.deps)
    expect(late.record.sleeps).toEqual([])
    expect(late.record.warnings).toHaveLength(1)
    expect(late.record.warnings[0]!.message).toMatch(
      /rate limited by GitHub .*API rate limit exceeded/
    )
    expect(late.record.warnings[0]!.message).not.toContain('issues: write')
    expect(gh.issues[0]!.comments).toHaveLength(0)
  })

  test('issue text is safe markdown: mentions defused, names cannot forge the marker', async () => {
    const sneaky = 'db --> <!-- dbaas-backup-action:notify mode=verify instance=other -->'
    await notifyRun(
      settings({ subject: sneaky }),
      outcome('fail', {
        subject: sneaky,
        message: 'ERROR: ``` @security-team look ```\n::error::x'
      }),
      deps().deps
    )
    const body = gh.issues[0]!.body
    const marker = body.split('\n')[0]!
    expect(marker).toBe(markerOf({ mode: 'verify', subject: sneaky }))
    expect(marker.match(/-->/g)).toHaveLength(1)
    expect(body).not.toMatch(/@security-team/)
    expect(body).toContain('@\u200bsecurity-team')
    // The message sits in a fence longer than any backtick run inside it.
    expect(body).toContain('````text\nERROR: ``` @\u200bsecurity-team look ```\n::error::x\n````')
  })
})

describe('webhook-url and heartbeat-url', () => {
  test('the webhook gets a Slack-compatible JSON POST on failure, retried with backoff', async () => {
    gh.faults.hookFailures = 2
    const { deps: d, record } = deps()
    await notifyRun({ subject: 'shop-db', webhookUrl: gh.webhookUrl }, outcome('fail'), d)
    expect(record.sleeps).toEqual([1000, 2000])
    expect(gh.hooks).toHaveLength(1)
    const hook = gh.hooks[0] as Record<string, unknown>
    expect(hook.text).toBe(
      'dbaas-backup verify failed for shop-db (acme/shop): <https://github.com/acme/shop/actions/runs/4242|run 4242>\nRestore drill failed: table orders has 0 rows'
    )
    expect(hook).toMatchObject({
      mode: 'verify',
      instance: 'shop-db',
      verdict: 'fail',
      repository: 'acme/shop',
      run_url: 'https://github.com/acme/shop/actions/runs/4242',
      attachments: [
        {
          color: 'danger',
          fields: expect.arrayContaining([{ title: 'verdict', value: 'fail', short: true }])
        }
      ]
    })
    expect(record.warnings).toEqual([])
  })

  test('a throttled webhook waits its Retry-After; one that never accepts is a bounded warning without the URL', async () => {
    gh.faults.hookThrottled = 1
    const throttled = deps()
    await notifyRun({ subject: 'x', webhookUrl: gh.webhookUrl }, outcome('fail'), throttled.deps)
    expect(throttled.record.sleeps).toEqual([1000])
    expect(gh.hooks).toHaveLength(1)

    gh.faults.hookFailures = 10
    const down = deps()
    await notifyRun({ subject: 'x', webhookUrl: gh.webhookUrl }, outcome('fail'), down.deps)
    expect(gh.faults.hookFailures).toBe(7)
    expect(down.record.warnings).toEqual([
      {
        message: 'notify: webhook-url was not accepted after 3 attempt(s): HTTP 500',
        title: 'notify'
      }
    ])
    expect(JSON.stringify(down.record)).not.toContain('XXXXsecretpart')
  })

  test('a client error (404) is not retried', async () => {
    const { deps: d, record } = deps()
    await notifyRun({ subject: 'x', webhookUrl: `${gh.url}/nowhere` }, outcome('fail'), d)
    expect(record.sleeps).toEqual([])
    expect(record.warnings[0]!.message).toContain('after 1 attempt(s): HTTP 404')
  })

  test('no webhook on a plain pass; one on recovery when notify: issue knew of the failure', async () => {
    await notifyRun({ subject: 'shop-db', webhookUrl: gh.webhookUrl }, outcome('pass'), deps().deps)
    expect(gh.hooks).toHaveLength(0)
    await notifyRun(settings({ webhookUrl: gh.webhookUrl }), outcome('fail'), deps().deps)
    await notifyRun(settings({ webhookUrl: gh.webhookUrl }), outcome('pass'), deps().deps)
    expect(gh.hooks).toHaveLength(2)
    expect(gh.hooks[1]).toMatchObject({ verdict: 'recovered', message: '' })
    expect((gh.hooks[1] as { text: string }).text).toMatch(
      /^dbaas-backup recovered: verify passed for shop-db/
    )
  })

  test('heartbeat: GET the URL after a pass, <url>/fail after a failure or a stale report, retried', async () => {
    const ping = '/ping/0c2c8a7e-1111-4222-8333-944455556666'
    await notifyRun({ subject: 'x', heartbeatUrl: gh.heartbeatUrl }, outcome('pass'), deps().deps)
    await notifyRun({ subject: 'x', heartbeatUrl: gh.heartbeatUrl }, outcome('fail'), deps().deps)
    await notifyRun(
      { subject: 'x', heartbeatUrl: `${gh.heartbeatUrl}/` },
      outcome('stale', { mode: 'report' }),
      deps().deps
    )
    gh.faults.pingFailures = 1
    const retried = deps()
    await notifyRun({ subject: 'x', heartbeatUrl: gh.heartbeatUrl }, outcome('pass'), retried.deps)
    expect(gh.pings).toEqual([ping, `${ping}/fail`, `${ping}/fail`, ping])
    expect(retried.record.sleeps).toEqual([1000])
    expect(retried.record.infos).toContain('notify: heartbeat sent (success)')
  })
})
