import { type FetchFn, GitHubClient, splitRepository } from '../github/index.js'
import type { NotifySettings } from '../inputs/notify.js'
import { heartbeatUrl, webhookPayload } from './chat.js'
import { type IssueAction, issueWarning, reconcileIssue } from './issue.js'
import type { RunOutcome } from './outcome.js'
import { send } from './send.js'

export { type RunOutcome, type Verdict, verdictOf, markerOf } from './outcome.js'

export interface NotifyDeps {
  fetch: FetchFn
  sleep: (ms: number) => Promise<void>
  now: () => number
  info: (message: string) => void
  /** A warning annotation: a notification that could not be sent never fails the step. */
  warn: (message: string, title: string) => void
}

/**
 * Tells the world how the run went, after the mode has ended: the issue first (it knows
 * whether this pass is a recovery), then the webhook, then the heartbeat. Never throws.
 */
export async function notifyRun(
  settings: NotifySettings,
  outcome: RunOutcome,
  deps: NotifyDeps
): Promise<void> {
  let issue: IssueAction = { kind: 'nothing' }
  if (settings.issue) {
    try {
      const client = new GitHubClient({
        apiUrl: settings.issue.access.apiUrl,
        token: settings.issue.access.token,
        fetch: deps.fetch,
        sleep: deps.sleep,
        now: deps.now
      })
      const repo = splitRepository(settings.issue.access.repository)
      issue = await reconcileIssue(client, repo, settings.issue.labels, outcome)
      if (issue.kind === 'opened') deps.info(`notify: opened issue #${issue.number}: ${issue.url}`)
      if (issue.kind === 'commented') deps.info(`notify: commented on issue #${issue.number}`)
      if (issue.kind === 'recovered') deps.info(`notify: closed issue #${issue.number} (recovered)`)
    } catch (error) {
      deps.warn(issueWarning(error), 'notify')
    }
  }
  const failed = outcome.verdict !== 'pass'
  if (settings.webhookUrl && (failed || issue.kind === 'recovered')) {
    const result = await send(deps, settings.webhookUrl, {
      method: 'POST',
      body: JSON.stringify(webhookPayload(outcome, !failed))
    })
    if (result.ok) deps.info(`notify: webhook sent (${failed ? outcome.verdict : 'recovered'})`)
    else
      deps.warn(
        `notify: webhook-url was not accepted after ${result.attempts} attempt(s): ${result.last}`,
        'notify'
      )
  }
  if (settings.heartbeatUrl) {
    const result = await send(deps, heartbeatUrl(settings.heartbeatUrl, failed), { method: 'GET' })
    if (result.ok) deps.info(`notify: heartbeat sent (${failed ? 'fail' : 'success'})`)
    else
      deps.warn(
        `notify: heartbeat-url did not answer after ${result.attempts} attempt(s): ${result.last}`,
        'notify'
      )
  }
}
