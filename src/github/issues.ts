import type { GitHubClient } from './client.js'

/** The fields of GitHub's issue object the product reads. */
export interface Issue {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  html_url: string
  /** Present on pull requests, which the issues endpoint lists too. */
  pull_request?: unknown
}

export interface Comment {
  id: number
  html_url: string
}

export interface Repo {
  owner: string
  repo: string
}

const path = (r: Repo, rest = ''): string =>
  `/repos/${encodeURIComponent(r.owner)}/${encodeURIComponent(r.repo)}${rest}`

/**
 * The first open issue with all `labels` whose body holds `marker`: one request per page of
 * 100, newest first (GET /repos/{owner}/{repo}/issues?labels=…&state=open).
 */
export async function findOpenIssue(
  client: GitHubClient,
  repo: Repo,
  labels: readonly string[],
  marker: string
): Promise<{ issue: Issue | undefined; requests: number }> {
  const url = client.url(path(repo, '/issues'), {
    state: 'open',
    labels: labels.join(','),
    sort: 'created',
    direction: 'desc',
    per_page: 100
  })
  const { item, pages } = await client.find<Issue>(
    url,
    (i) => i.pull_request === undefined && (i.body ?? '').includes(marker)
  )
  return { issue: item, requests: pages }
}

export async function createIssue(
  client: GitHubClient,
  repo: Repo,
  issue: { title: string; body: string; labels: readonly string[] }
): Promise<Issue> {
  const { data } = await client.request<Issue>('POST', client.url(path(repo, '/issues')), {
    title: issue.title,
    body: issue.body,
    labels: issue.labels
  })
  return data
}

export async function addComment(
  client: GitHubClient,
  repo: Repo,
  issueNumber: number,
  body: string
): Promise<Comment> {
  const { data } = await client.request<Comment>(
    'POST',
    client.url(path(repo, `/issues/${issueNumber}/comments`)),
    { body }
  )
  return data
}

export async function closeIssue(
  client: GitHubClient,
  repo: Repo,
  issueNumber: number
): Promise<Issue> {
  const { data } = await client.request<Issue>(
    'PATCH',
    client.url(path(repo, `/issues/${issueNumber}`)),
    { state: 'closed', state_reason: 'completed' }
  )
  return data
}

export async function defaultBranch(client: GitHubClient, repo: Repo): Promise<string> {
  const { data } = await client.request<{ default_branch: string }>('GET', client.url(path(repo)))
  return data.default_branch
}
