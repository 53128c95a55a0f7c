// A small client for the few GitHub REST endpoints the product uses (issues and workflow runs).
// Plain fetch rather than @actions/github's octokit: six endpoints need no generated method
// table, the retry and rate-limit policy below is ours either way (octokit as @actions/github
// builds it has no retry or throttling plugin), the caller passes a proxy-aware fetch, and the
// bundle does not carry octokit's endpoint catalogue. It knows nothing of the Actions runtime:
// the caller gives it the API URL (GITHUB_API_URL on GitHub Enterprise Server) and the token.

export type FetchFn = typeof globalThis.fetch

export interface GitHubClientOptions {
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on Enterprise Server. */
  apiUrl: string
  token: string
  fetch: FetchFn
  sleep: (ms: number) => Promise<void>
  now: () => number
  /** The longest wait for a rate limit to reset before giving up (default 60 s). */
  maxRateLimitWaitMs?: number
  /** Attempts for a 5xx answer or a network failure (default 3). */
  attempts?: number
}

/** An answer that is not 2xx; `message` is GitHub's own (`{"message": …}`), unchanged. */
export class GitHubError extends Error {
  readonly status: number
  readonly documentationUrl: string | undefined
  /** A primary or secondary rate limit, not a missing permission. */
  readonly rateLimited: boolean
  constructor(
    status: number,
    message: string,
    options: { documentationUrl?: string; rateLimited?: boolean; what: string }
  ) {
    super(`GitHub answered ${status} to ${options.what}: ${message}`)
    this.name = 'GitHubError'
    this.status = status
    this.documentationUrl = options.documentationUrl
    this.rateLimited = options.rateLimited === true
  }
}

export interface GitHubResponse<T> {
  data: T
  headers: Headers
}

/** GitHub's `Link` header: the URL of rel="next", if any. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim())
    if (match && match[2] === 'next') return match[1]
  }
  return undefined
}

/**
 * How long to wait before retrying a rate-limited answer, or undefined when it is not one.
 * GitHub's documented signals: `retry-after` (seconds; secondary limits), or
 * `x-ratelimit-remaining: 0` with `x-ratelimit-reset` (epoch seconds; the primary limit).
 */
export function rateLimitWaitMs(status: number, headers: Headers, now: number): number | undefined {
  if (status !== 403 && status !== 429) return undefined
  const retryAfter = headers.get('retry-after')
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000
  if (headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(headers.get('x-ratelimit-reset'))
    return Number.isFinite(reset) ? Math.max(0, reset * 1000 - now) + 1000 : 60_000
  }
  // A 429 without headers is still a rate limit; GitHub says to wait at least a minute.
  return status === 429 ? 60_000 : undefined
}

export class GitHubClient {
  private readonly base: string

  constructor(private readonly options: GitHubClientOptions) {
    this.base = options.apiUrl.replace(/\/+$/, '')
  }

  /** An absolute URL for a path like `/repos/o/r/issues`, under the API URL. */
  url(path: string, query: Record<string, string | number> = {}): string {
    const url = new URL(this.base + path)
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v))
    return url.toString()
  }

  async request<T>(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: unknown
  ): Promise<GitHubResponse<T>> {
    const what = `${method} ${new URL(url).pathname}`
    const attempts = this.options.attempts ?? 3
    const maxWait = this.options.maxRateLimitWaitMs ?? 60_000
    let rateLimitWaits = 0
    for (let attempt = 1; ; attempt++) {
      let response: Response
      try {
        response = await this.options.fetch(url, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            authorization: `Bearer ${this.options.token}`,
            'user-agent': 'dbaas-backup-action',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {})
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {})
        })
      } catch (error) {
        if (attempt >= attempts) throw error
        await this.options.sleep(1000 * 2 ** (attempt - 1))
        continue
      }
      if (response.ok) {
        const text = await response.text()
        return { data: (text ? JSON.parse(text) : undefined) as T, headers: response.headers }
      }
      const answer = await readError(response)
      const wait = rateLimitWaitMs(response.status, response.headers, this.options.now())
      if (wait !== undefined) {
        // One wait for a limit that resets soon; otherwise say so rather than hang the job.
        if (wait <= maxWait && rateLimitWaits === 0) {
          rateLimitWaits++
          await this.options.sleep(wait)
          continue
        }
        throw new GitHubError(
          response.status,
          `${answer.message} (rate limited; it resets in ${Math.ceil(wait / 1000)} s)`,
          { ...answer, rateLimited: true, what }
        )
      }
      if (response.status >= 500 && attempt < attempts) {
        await this.options.sleep(1000 * 2 ** (attempt - 1))
        continue
      }
      throw new GitHubError(response.status, answer.message, { ...answer, what })
    }
  }

  /**
   * The first item of a list endpoint that `wanted` accepts, following `Link: rel="next"` page
   * by page (and stopping there), up to `maxPages` pages.
   */
  async find<T>(
    url: string,
    wanted: (item: T) => boolean,
    maxPages = 20
  ): Promise<{ item: T | undefined; pages: number }> {
    let next: string | undefined = url
    let pages = 0
    while (next && pages < maxPages) {
      const { data, headers }: GitHubResponse<T[]> = await this.request<T[]>('GET', next)
      pages++
      const item = data.find(wanted)
      if (item !== undefined) return { item, pages }
      next = nextLink(headers.get('link'))
    }
    return { item: undefined, pages }
  }
}

async function readError(
  response: Response
): Promise<{ message: string; documentationUrl?: string }> {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as { message?: unknown; documentation_url?: unknown }
    const result: { message: string; documentationUrl?: string } = {
      message: typeof body.message === 'string' ? body.message : response.statusText
    }
    if (typeof body.documentation_url === 'string') result.documentationUrl = body.documentation_url
    return result
  } catch {
    return { message: text.slice(0, 200) || response.statusText }
  }
}

/** `owner/name` as GITHUB_REPOSITORY gives it, checked. */
export function splitRepository(repository: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository)
  if (!match) throw new Error(`"${repository}" is not an owner/name repository`)
  return { owner: match[1] as string, repo: match[2] as string }
}
