// A local stand-in of the parts of GitHub's REST API the product calls, following GitHub's
// documented request and response shapes: the issues of a repository filtered by label and
// paged with Link headers (next links point at /repositories/{id}/…, as GitHub's do), create,
// comment, update; the runs of a workflow file; the repository (its default branch); a 403
// with GitHub's error body for a missing permission; a rate-limit answer with x-ratelimit-*
// headers. The issue objects start from a response GitHub really sent, recorded by the
// @octokit/fixtures package (scenario paginate-issues). Beside it, a chat webhook and a cron
// monitor that record what they receive.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const FIXTURE = path.join(
  path.dirname(require.resolve('@octokit/fixtures/package.json')),
  'scenarios/api.github.com/paginate-issues/normalized-fixture.json'
)
/** One issue object exactly as api.github.com returned it (recorded by @octokit/fixtures). */
const RECORDED_ISSUE = (
  JSON.parse(readFileSync(FIXTURE, 'utf8')) as { response: Record<string, unknown>[] }[]
)[0]!.response[0]!

export const REPO = { owner: 'acme', repo: 'shop', id: 1000, defaultBranch: 'main' }
export const TOKEN = 'ghs_standintoken0000000000000000000000'

export interface StandInIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  state_reason: string | null
  labels: string[]
  comments: string[]
  pull_request?: boolean
}

export interface StandInRun {
  workflow: string
  branch: string
  conclusion: 'success' | 'failure' | 'cancelled'
  /** When the run finished (its updated_at). */
  updatedAt: Date
}

export interface Recorded {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  authorization: string | undefined
}

export interface StandInFaults {
  /** Operations answered 403 "Resource not accessible by integration". */
  forbid: Set<'list' | 'create' | 'comment' | 'update' | 'runs' | 'repo'>
  /** The next N API requests get the primary rate limit (403, x-ratelimit-remaining: 0). */
  rateLimited: number
  /** Seconds until the rate limit resets, for x-ratelimit-reset. */
  rateLimitResetSeconds: number
  /** The next N webhook POSTs get a 500 (then it accepts). */
  hookFailures: number
  /** The next N webhook POSTs get a 429 with Retry-After: 1. */
  hookThrottled: number
  /** The next N heartbeats get a 503. */
  pingFailures: number
}

export interface GitHubStandIn {
  /** The server's root; GITHUB_API_URL is `${url}/api/v3` (the Enterprise Server layout). */
  url: string
  apiUrl: string
  webhookUrl: string
  heartbeatUrl: string
  issues: StandInIssue[]
  runs: StandInRun[]
  requests: Recorded[]
  hooks: unknown[]
  pings: string[]
  faults: StandInFaults
  /** Largest page the server hands out, whatever per_page asks (GitHub: 100). */
  maxPerPage: number
  close(): Promise<void>
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
    ...headers
  })
  res.end(text)
}

const DOCS = 'https://docs.github.com/rest'

function forbidden(res: ServerResponse, docs: string): void {
  // GitHub's answer to a GITHUB_TOKEN without the permission (the status is a string there).
  send(res, 403, {
    message: 'Resource not accessible by integration',
    documentation_url: `${DOCS}/${docs}`,
    status: '403'
  })
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export async function startGitHubStandIn(): Promise<GitHubStandIn> {
  const standIn: Omit<GitHubStandIn, 'url' | 'apiUrl' | 'webhookUrl' | 'heartbeatUrl' | 'close'> = {
    issues: [],
    runs: [],
    requests: [],
    hooks: [],
    pings: [],
    faults: {
      forbid: new Set(),
      rateLimited: 0,
      rateLimitResetSeconds: 1,
      hookFailures: 0,
      hookThrottled: 0,
      pingFailures: 0
    },
    maxPerPage: 100
  }
  let base = ''
  const issueJson = (i: StandInIssue): Record<string, unknown> => ({
    ...RECORDED_ISSUE,
    url: `${base}/api/v3/repos/${REPO.owner}/${REPO.repo}/issues/${i.number}`,
    html_url: `${base}/${REPO.owner}/${REPO.repo}/issues/${i.number}`,
    id: 5000 + i.number,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    comments: i.comments.length,
    labels: i.labels.map((name, n) => ({ id: n + 1, name, color: 'ededed', default: false })),
    ...(i.pull_request ? { pull_request: { url: `${base}/pulls/${i.number}` } } : {})
  })

  const api = async (
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
    query: URLSearchParams,
    body: unknown
  ): Promise<void> => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return send(res, 401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
    }
    if (standIn.faults.rateLimited > 0) {
      standIn.faults.rateLimited--
      const reset = Math.ceil(Date.now() / 1000) + standIn.faults.rateLimitResetSeconds
      return send(
        res,
        403,
        {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
          status: '403'
        },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(reset)
        }
      )
    }
    const repoPath = `/repos/${REPO.owner}/${REPO.repo}`
    const byId = `/repositories/${REPO.id}`
    const method = req.method ?? 'GET'
    if (method === 'GET' && route === repoPath) {
      if (standIn.faults.forbid.has('repo')) return forbidden(res, 'repos/repos#get-a-repository')
      return send(res, 200, {
        id: REPO.id,
        name: REPO.repo,
        full_name: `${REPO.owner}/${REPO.repo}`,
        default_branch: REPO.defaultBranch
      })
    }
    if (method === 'GET' && (route === `${repoPath}/issues` || route === `${byId}/issues`)) {
      if (standIn.faults.forbid.has('list'))
        return forbidden(res, 'issues/issues#list-repository-issues')
      const state = query.get('state') ?? 'open'
      const labels = (query.get('labels') ?? '').split(',').filter((l) => l !== '')
      const perPage = Math.min(Number(query.get('per_page') ?? 30), standIn.maxPerPage)
      const page = Number(query.get('page') ?? 1)
      const matching = standIn.issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) =>
          query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number
        )
      const last = Math.max(1, Math.ceil(matching.length / perPage))
      const link = (p: number, rel: string): string => {
        const q = new URLSearchParams(query)
        q.set('page', String(p))
        return `<${base}/api/v3${byId}/issues?${q.toString()}>; rel="${rel}"`
      }
      const links = [
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])
      ]
      return send(
        res,
        200,
        matching.slice((page - 1) * perPage, page * perPage).map(issueJson),
        links.length > 0 ? { link: links.join(', ') } : {}
      )
    }
    if (method === 'POST' && route === `${repoPath}/issues`) {
      if (standIn.faults.forbid.has('create'))
        return forbidden(res, 'issues/issues#create-an-issue')
      const b = body as { title?: string; body?: string; labels?: string[] }
      if (!b?.title) {
        return send(res, 422, {
          message: 'Invalid request.\n\n"title" wasn\'t supplied.',
          documentation_url: `${DOCS}/issues/issues#create-an-issue`,
          status: '422'
        })
      }
      const issue: StandInIssue = {
        number: standIn.issues.reduce((n, i) => Math.max(n, i.number), 0) + 1,
        title: b.title,
        body: b.body ?? '',
        state: 'open',
        state_reason: null,
        labels: b.labels ?? [],
        comments: []
      }
      standIn.issues.push(issue)
      return send(res, 201, issueJson(issue), {
        location: `${base}/api/v3${repoPath}/issues/${issue.number}`
      })
    }
    const one = new RegExp(`^${repoPath}/issues/(\\d+)(/comments)?$`).exec(route)
    const issue = one ? standIn.issues.find((i) => i.number === Number(one[1])) : undefined
    if (one && !issue)
      return send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
    if (issue && method === 'POST' && one?.[2]) {
      if (standIn.faults.forbid.has('comment'))
        return forbidden(res, 'issues/comments#create-an-issue-comment')
      const text = (body as { body?: string })?.body ?? ''
      issue.comments.push(text)
      const id = 9000 + issue.comments.length
      return send(res, 201, {
        id,
        html_url: `${base}/${REPO.owner}/${REPO.repo}/issues/${issue.number}#issuecomment-${id}`,
        body: text
      })
    }
    if (issue && method === 'PATCH' && !one?.[2]) {
      if (standIn.faults.forbid.has('update'))
        return forbidden(res, 'issues/issues#update-an-issue')
      const b = body as { state?: 'open' | 'closed'; state_reason?: string; title?: string }
      if (b.state) issue.state = b.state
      if (b.state_reason) issue.state_reason = b.state_reason
      if (b.title) issue.title = b.title
      return send(res, 200, issueJson(issue))
    }
    const runs = new RegExp(`^${repoPath}/actions/workflows/([^/]+)/runs$`).exec(route)
    if (method === 'GET' && runs) {
      if (standIn.faults.forbid.has('runs'))
        return forbidden(res, 'actions/workflow-runs#list-workflow-runs-for-a-workflow')
      const file = decodeURIComponent(runs[1] as string)
      if (!standIn.runs.some((r) => r.workflow === file)) {
        return send(res, 404, {
          message: 'Not Found',
          documentation_url: `${DOCS}/actions/workflow-runs#list-workflow-runs-for-a-workflow`,
          status: '404'
        })
      }
      const matching = standIn.runs
        .filter((r) => r.workflow === file)
        .filter((r) => !query.get('branch') || r.branch === query.get('branch'))
        .filter((r) => !query.get('status') || r.conclusion === query.get('status'))
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
      return send(res, 200, {
        total_count: matching.length,
        workflow_runs: matching.slice(0, perPage).map((r, n) => {
          const id = 30_000 + standIn.runs.indexOf(r)
          return {
            id,
            name: file.replace(/\.ya?ml$/, ''),
            head_branch: r.branch,
            path: `.github/workflows/${file}`,
            run_number: 100 + standIn.runs.indexOf(r),
            run_attempt: 1,
            event: 'schedule',
            status: 'completed',
            conclusion: r.conclusion,
            workflow_id: 77,
            html_url: `${base}/${REPO.owner}/${REPO.repo}/actions/runs/${id}`,
            created_at: new Date(r.updatedAt.getTime() - 600_000 - n).toISOString(),
            run_started_at: new Date(r.updatedAt.getTime() - 600_000).toISOString(),
            updated_at: r.updatedAt.toISOString()
          }
        })
      })
    }
    return send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://standin')
      const body = await readBody(req)
      standIn.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: req.headers.authorization
      })
      if (url.pathname.startsWith('/api/v3/')) {
        return api(req, res, url.pathname.slice('/api/v3'.length), url.searchParams, body)
      }
      if (url.pathname.startsWith('/hooks/') && req.method === 'POST') {
        if (standIn.faults.hookFailures > 0) {
          standIn.faults.hookFailures--
          res.writeHead(500).end('oops')
          return
        }
        if (standIn.faults.hookThrottled > 0) {
          standIn.faults.hookThrottled--
          res.writeHead(429, { 'retry-after': '1' }).end('rate_limited')
          return
        }
        standIn.hooks.push(body)
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
        return
      }
      if (url.pathname.startsWith('/ping/') && req.method === 'GET') {
        if (standIn.faults.pingFailures > 0) {
          standIn.faults.pingFailures--
          res.writeHead(503).end()
          return
        }
        standIn.pings.push(url.pathname)
        res.writeHead(200, { 'content-type': 'text/plain' }).end('OK')
        return
      }
      res.writeHead(404).end()
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  base = `http://127.0.0.1:${port}`
  return Object.assign(standIn, {
    url: base,
    apiUrl: `${base}/api/v3`,
    webhookUrl: `${base}/hooks/T000/B000/XXXXsecretpart`,
    heartbeatUrl: `${base}/ping/0c2c8a7e-1111-4222-8333-944455556666`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  })
}
