import { type RunOutcome, verdictWord } from './outcome.js'

/** Slack's mrkdwn escapes: &, < and > are its only control characters in text. */
function slack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * The webhook's JSON: `text` (all Slack-compatible incoming webhooks — Slack, Mattermost,
 * Rocket.Chat, Teams workflows — show it), legacy `attachments` fields for those that render
 * them, and the same facts as plain top-level fields for a receiver of one's own.
 */
export function webhookPayload(outcome: RunOutcome, recovered: boolean): Record<string, unknown> {
  const what = recovered
    ? `recovered: ${outcome.mode} passed`
    : `${outcome.mode} ${verdictWord(outcome.verdict)}`
  const link = outcome.runUrl ? ` <${outcome.runUrl}|run ${slack(outcome.runId)}>` : ''
  const where = outcome.repository ? ` (${slack(outcome.repository)})` : ''
  const firstLine = outcome.message.split('\n')[0]?.slice(0, 300) ?? ''
  const text =
    `dbaas-backup ${slack(what)} for ${slack(outcome.subject)}${where}:${link}` +
    (firstLine && !recovered ? `\n${slack(firstLine)}` : '')
  const fields = [
    { title: 'mode', value: outcome.mode, short: true },
    { title: 'instance', value: outcome.subject, short: true },
    { title: 'verdict', value: recovered ? 'recovered' : outcome.verdict, short: true },
    ...(outcome.repository ? [{ title: 'repository', value: outcome.repository, short: true }] : [])
  ]
  return {
    text,
    attachments: [
      {
        color: recovered ? 'good' : outcome.verdict === 'stale' ? 'warning' : 'danger',
        fallback: text,
        fields
      }
    ],
    mode: outcome.mode,
    instance: outcome.subject,
    verdict: recovered ? 'recovered' : outcome.verdict,
    repository: outcome.repository,
    run_url: outcome.runUrl,
    message: recovered ? '' : outcome.message
  }
}

/** The cron-monitor convention (healthchecks.io, Cronitor, …): `<url>/fail` marks a failure. */
export function heartbeatUrl(url: string, failed: boolean): string {
  if (!failed) return url
  const parsed = new URL(url)
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/fail`
  return parsed.toString()
}
