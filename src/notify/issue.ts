import {
  addComment,
  closeIssue,
  createIssue,
  findOpenIssue,
  type GitHubClient,
  GitHubError,
  type Repo
} from '../github/index.js'
import { issueBody, issueTitle, markerOf, type RunOutcome, verdictWord } from './outcome.js'

/** What the issue step did, for the log and for the webhook's recovery message. */
export type IssueAction =
  | { kind: 'opened'; number: number; url: string }
  | { kind: 'commented'; number: number; url: string }
  | { kind: 'recovered'; number: number; url: string }
  | { kind: 'nothing' }

/**
 * One issue per mode and subject: a failing or stale run opens it (or comments on the open
 * one), the first passing run afterwards comments "recovered" and closes it. Requests per
 * run: one list page per 100 open issues with the labels until the marker is found (usually
 * 1), plus one create, or one comment, or one comment and one update.
 */
export async function reconcileIssue(
  client: GitHubClient,
  repo: Repo,
  labels: readonly string[],
  outcome: RunOutcome
): Promise<IssueAction> {
  const { issue } = await findOpenIssue(client, repo, labels, markerOf(outcome))
  if (outcome.verdict === 'pass') {
    if (!issue) return { kind: 'nothing' }
    await addComment(
      client,
      repo,
      issue.number,
      issueBody(outcome, `Recovered: ${outcome.mode} passed`, false)
    )
    await closeIssue(client, repo, issue.number)
    return { kind: 'recovered', number: issue.number, url: issue.html_url }
  }
  const heading = `${outcome.mode} ${verdictWord(outcome.verdict)}`
  if (issue) {
    const comment = await addComment(
      client,
      repo,
      issue.number,
      issueBody(outcome, `${heading} again`, false)
    )
    return { kind: 'commented', number: issue.number, url: comment.html_url }
  }
  const created = await createIssue(client, repo, {
    title: issueTitle(outcome),
    body: issueBody(outcome, heading, true),
    labels
  })
  return { kind: 'opened', number: created.number, url: created.html_url }
}

/**
 * A warning for an issue step that GitHub refused. A 403 or 404 that is not a rate limit is a
 * missing permission (GitHub answers 404 to a token that may not see the repository).
 */
export function issueWarning(error: unknown): string {
  if (error instanceof GitHubError && !error.rateLimited) {
    if (error.status === 403 || error.status === 404) {
      return (
        `notify: issue could not write the issue: ${error.message}. ` +
        'Give the job the permission it needs: permissions: issues: write (and pass a token that has it in github-token).'
      )
    }
  }
  if (error instanceof GitHubError && error.rateLimited) {
    return `notify: issue was rate limited by GitHub and skipped this run: ${error.message}`
  }
  return `notify: issue failed: ${error instanceof Error ? error.message : String(error)}`
}
