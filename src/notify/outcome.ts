import { code, text } from '../format/markdown.js'
import { safeLine } from '../format/text.js'

/** pass: nothing to report; fail: the step failed; stale: a report found old or no backups. */
export type Verdict = 'pass' | 'fail' | 'stale'

/** What a run came to, as the host hands it to the notifier once the mode has ended. */
export interface RunOutcome {
  mode: string
  /** What the run was about: the instance input (or instances, backup-id); one issue each. */
  subject: string
  verdict: Verdict
  /** The failure's message (already free of secrets); '' on a pass. */
  message: string
  /** The job summary the mode wrote (markdown). */
  summary: string
  repository: string
  runUrl: string
  runId: string
  workflow: string
}

/**
 * The verdict from the run's result: an error fails it, except that a report's error is
 * staleness when its status output says so; a report that passed with fail-on: never but found
 * stale or missing backups is stale too, since nobody reads a green run.
 */
export function verdictOf(
  mode: string,
  result: 'ok' | 'failed' | 'bad-input' | 'cloud-error',
  outputs: Readonly<Record<string, string | number | boolean>>
): Verdict {
  const reportStale = mode === 'report' && (outputs.status === 'stale' || outputs.status === 'none')
  if (result === 'ok') return reportStale ? 'stale' : 'pass'
  return reportStale && result === 'failed' ? 'stale' : 'fail'
}

const WORDS: Record<Verdict, string> = { pass: 'passed', fail: 'failed', stale: 'stale' }

export function verdictWord(verdict: Verdict): string {
  return WORDS[verdict]
}

/**
 * The hidden marker an issue is found again by: mode and subject, percent-encoded, so no
 * name can end the HTML comment or imitate another subject's marker.
 */
export function markerOf(outcome: Pick<RunOutcome, 'mode' | 'subject'>): string {
  return `<!-- dbaas-backup-action:notify mode=${encodeURIComponent(outcome.mode)} instance=${encodeURIComponent(outcome.subject)} -->`
}

/** One line of plain text: an issue title, a chat line. */
function plain(value: string, max: number): string {
  const line = safeLine(value).trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

export function issueTitle(outcome: RunOutcome): string {
  return `dbaas-backup ${outcome.mode} ${verdictWord(outcome.verdict)}: ${plain(outcome.subject, 120)}`
}

/** GitHub refuses issue and comment bodies over 65,536 characters. */
const BODY_LIMIT = 60_000

/**
 * A body of safe markdown: our own summary (its names already escaped by format/markdown.ts),
 * the failure message as a fenced block (server text stays literal), mentions defused so a
 * name like `@org/team` pings nobody.
 */
export function issueBody(outcome: RunOutcome, heading: string, withMarker: boolean): string {
  const run = outcome.runUrl ? `[run ${text(outcome.runId)}](${outcome.runUrl})` : 'a local run'
  const where = outcome.repository ? ` of ${text(outcome.repository)}` : ''
  const workflow = outcome.workflow ? ` (workflow ${code(outcome.workflow)})` : ''
  const parts = [`**${heading}** for ${code(outcome.subject)} in ${run}${where}${workflow}.`]
  if (outcome.message) parts.push(fenced(outcome.message))
  if (outcome.summary) parts.push(outcome.summary)
  let body = defuseMentions(parts.join('\n\n'))
  if (body.length > BODY_LIMIT) {
    body = `${body.slice(0, BODY_LIMIT)}\n\n_… cut to GitHub’s size limit; the run has the rest._`
  }
  return withMarker ? `${markerOf(outcome)}\n${body}` : body
}

function fenced(message: string): string {
  const longest = Math.max(2, ...[...message.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}text\n${message}\n${fence}`
}

/** `@name` → `@\u200bname`: reads the same, notifies nobody. */
export function defuseMentions(markdown: string): string {
  return markdown.replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b')
}
