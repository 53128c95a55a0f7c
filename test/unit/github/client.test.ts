import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { GitHubClient, GitHubError, nextLink, rateLimitWaitMs } from '../../../src/github/index.js'
import { verdictOf } from '../../../src/notify/index.js'

const GHE = 'https://ghe.example.com'

function client(sleeps: number[] = [], now = () => Date.parse('2026-12-01T00:00:00Z')) {
  return new GitHubClient({
    apiUrl: `${GHE}/api/v3/`,
    token: 'ghs_t',
    fetch: globalThis.fetch,
    sleep: async (ms) => void sleeps.push(ms),
    now
  })
}

describe('GitHubClient', () => {
  test('keeps the Enterprise Server path of GITHUB_API_URL and sends GitHub’s headers', async () => {
    const scope = nock(GHE, {
      reqheaders: {
        authorization: 'Bearer ghs_t',
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28'
      }
    })
      .get('/api/v3/repos/acme/shop')
      .reply(200, { default_branch: 'main' })
    const c = client()
    await expect(c.request('GET', c.url('/repos/acme/shop'))).resolves.toMatchObject({
      data: { default_branch: 'main' }
    })
    expect(scope.isDone()).toBe(true)
  })

  test('retries a 5xx with backoff, at most three attempts', async () => {
    nock(GHE).get('/api/v3/x').times(3).reply(502, { message: 'Server Error' })
    const sleeps: number[] = []
    const c = client(sleeps)
    const error = (await c.request('GET', c.url('/x')).catch((e: unknown) => e)) as GitHubError
    expect(error).toBeInstanceOf(GitHubError)
    expect(error.status).toBe(502)
    expect(error.message).toBe('GitHub answered 502 to GET /api/v3/x: Server Error')
    expect(sleeps).toEqual([1000, 2000])
  })

  test('a secondary rate limit (429, retry-after) is waited out once', async () => {
    nock(GHE)
      .get('/api/v3/x')
      .reply(429, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '7' })
      .get('/api/v3/x')
      .reply(200, [])
    const sleeps: number[] = []
    const c = client(sleeps)
    await c.request('GET', c.url('/x'))
    expect(sleeps).toEqual([7000])
  })

  test('a 403 without rate-limit headers is not retried and not a rate limit', async () => {
    nock(GHE).post('/api/v3/x').reply(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest'
    })
    const sleeps: number[] = []
    const c = client(sleeps)
    const error = (await c.request('POST', c.url('/x'), {}).catch((e: unknown) => e)) as GitHubError
    expect(error.rateLimited).toBe(false)
    expect(error.documentationUrl).toBe('https://docs.github.com/rest')
    expect(sleeps).toEqual([])
  })
})

describe('Link and rate-limit headers', () => {
  test('nextLink reads rel="next" among others (the shape GitHub sends)', () => {
    expect(
      nextLink(
        '<https://api.github.com/repositories/1000/issues?per_page=3&page=2>; rel="next", <https://api.github.com/repositories/1000/issues?per_page=3&page=5>; rel="last"'
      )
    ).toBe('https://api.github.com/repositories/1000/issues?per_page=3&page=2')
    expect(nextLink('<https://x/a?page=1>; rel="prev"')).toBeUndefined()
    expect(nextLink(null)).toBeUndefined()
  })

  test('rateLimitWaitMs: reset time, retry-after, a bare 429, and not a plain 403', () => {
    const now = 1_000_000_000_000
    const h = (o: Record<string, string>) => new Headers(o)
    expect(
      rateLimitWaitMs(
        403,
        h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) }),
        now
      )
    ).toBe(31_000)
    expect(rateLimitWaitMs(403, h({ 'retry-after': '60' }), now)).toBe(60_000)
    expect(rateLimitWaitMs(429, h({}), now)).toBe(60_000)
    expect(rateLimitWaitMs(403, h({ 'x-ratelimit-remaining': '12' }), now)).toBeUndefined()
    expect(rateLimitWaitMs(500, h({ 'retry-after': '1' }), now)).toBeUndefined()
  })
})

describe('verdictOf', () => {
  test.each([
    ['verify', 'ok', {}, 'pass'],
    ['verify', 'failed', {}, 'fail'],
    ['backup', 'cloud-error', {}, 'fail'],
    ['mirror', 'bad-input', {}, 'fail'],
    ['report', 'failed', { status: 'stale' }, 'stale'],
    ['report', 'failed', { status: 'none' }, 'stale'],
    ['report', 'ok', { status: 'stale' }, 'stale'],
    ['report', 'ok', { status: 'ok' }, 'pass'],
    ['report', 'cloud-error', { status: 'stale' }, 'fail']
  ] as const)('%s %s %j → %s', (mode, result, outputs, verdict) => {
    expect(verdictOf(mode, result, outputs)).toBe(verdict)
  })
})
