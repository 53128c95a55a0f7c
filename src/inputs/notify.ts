import { InputError } from '../errors.js'
import type { InputName } from './catalog.js'
import type { Mode } from './modes.js'
import {
  checkHttpsUrl,
  type InputSource,
  readChoice,
  readDuration,
  splitList,
  valueOrDefault
} from './source.js'

/** The modes whose verdict is worth telling someone about (issue #15's list). */
export const NOTIFY_MODES: readonly Mode[] = ['backup', 'verify', 'report', 'mirror']

/** Where GitHub's REST API is and who we are there. */
export interface GitHubAccess {
  /** GITHUB_API_URL (Enterprise Server: https://HOST/api/v3), else https://api.github.com. */
  apiUrl: string
  token: string
  /** owner/name, from GITHUB_REPOSITORY. */
  repository: string
}

export interface NotifySettings {
  /** What the run is about, one issue each: the instance input, else instances or backup-id. */
  subject: string
  /** `notify: issue`: GitHub access for the issue; undefined: no issue. */
  issue?: { access: GitHubAccess; labels: string[] }
  webhookUrl?: string
  heartbeatUrl?: string
}

const NOTIFY_INPUTS: readonly InputName[] = ['notify', 'webhook-url', 'heartbeat-url']

/**
 * Reads the notification inputs before the mode runs. Undefined when nothing is asked for.
 * Set on a mode that does not notify (restore, sweep, list) they are refused rather than
 * ignored: a user who set heartbeat-url believes the job is watched.
 */
export function readNotifyInputs(source: InputSource, mode: Mode): NotifySettings | undefined {
  const notify = readChoice(source, 'notify', ['none', 'issue'])
  const webhookUrl = source.get('webhook-url')
  const heartbeatUrl = source.get('heartbeat-url')
  // Masked before any check could quote them: both URLs carry their secret in the path.
  if (webhookUrl) source.mask(webhookUrl)
  if (heartbeatUrl) source.mask(heartbeatUrl)
  if (!NOTIFY_MODES.includes(mode)) {
    const set = NOTIFY_INPUTS.find((n) => (n === 'notify' ? notify !== 'none' : source.get(n)))
    if (set) {
      throw new InputError(
        set,
        `applies to the modes ${NOTIFY_MODES.join(', ')}; ${mode} sends no notification, so remove it from this step`
      )
    }
    return undefined
  }
  const settings: NotifySettings = { subject: subjectOf(source) }
  if (notify === 'issue') {
    const labels = splitList(valueOrDefault(source, 'notify-labels'))
    if (labels.length === 0) {
      throw new InputError('notify-labels', 'needs at least one label, e.g. dbaas-backup')
    }
    for (const label of labels) {
      if (label.length > 50) {
        throw new InputError('notify-labels', `"${label}" is longer than GitHub’s 50 characters`)
      }
    }
    settings.issue = { access: readGitHubAccess(source, 'notify'), labels }
  }
  if (webhookUrl) {
    checkSecretUrl(source, 'webhook-url', webhookUrl)
    settings.webhookUrl = webhookUrl
  }
  if (heartbeatUrl) {
    checkSecretUrl(source, 'heartbeat-url', heartbeatUrl)
    settings.heartbeatUrl = heartbeatUrl
  }
  return settings.issue || settings.webhookUrl || settings.heartbeatUrl ? settings : undefined
}

function subjectOf(source: InputSource): string {
  if (source.get('report-files')) return 'fleet report'
  return (
    source.get('instance') || source.get('instances') || source.get('backup-id') || 'all instances'
  )
}

/** checkHttpsUrl, but a bad URL's text is not quoted: it is a secret. */
function checkSecretUrl(source: InputSource, input: InputName, value: string): void {
  try {
    checkHttpsUrl(source, input, value)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    const http = value.startsWith('http://')
    throw new InputError(
      input,
      http
        ? `is plain http, which would travel unencrypted; use https, or set ${source.spell.setting('allow-insecure-http', 'true')} for a test server`
        : 'must be an https URL without credentials in it (the value is a secret and not shown)'
    )
  }
}

/**
 * The token (github-token, whose action default is the workflow's token; the CLI falls back
 * to GITHUB_TOKEN or GH_TOKEN), the API URL and the repository, for `forInput`'s feature.
 */
export function readGitHubAccess(source: InputSource, forInput: InputName): GitHubAccess {
  const token =
    source.get('github-token') ||
    source.env.GITHUB_TOKEN?.trim() ||
    source.env.GH_TOKEN?.trim() ||
    ''
  if (token.startsWith('${{')) {
    throw new InputError('github-token', 'holds an unexpanded expression; pass a token')
  }
  if (!token) {
    throw new InputError(
      'github-token',
      `is required for ${forInput}: the action’s default is the workflow’s token; outside Actions set GITHUB_TOKEN or ${source.spell.setting('github-token', '…')}`
    )
  }
  source.mask(token)
  const repository = source.env.GITHUB_REPOSITORY?.trim() ?? ''
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new InputError(
      forInput,
      'needs the repository as owner/name in GITHUB_REPOSITORY (the runner sets it; outside Actions set it yourself)'
    )
  }
  const apiUrl = source.env.GITHUB_API_URL?.trim() || 'https://api.github.com'
  try {
    new URL(apiUrl)
  } catch {
    throw new InputError(forInput, `GITHUB_API_URL "${apiUrl}" is not a URL`)
  }
  return { apiUrl, token, repository }
}

/** The deploy gate of backup: a successful run of verify-workflow within the window. */
export interface GateSettings {
  windowMs: number
  workflow: string
  access: GitHubAccess
}

const MAX_WINDOW_MS = 90 * 24 * 3_600_000

/** require-verified-within and verify-workflow, both or neither; undefined when neither. */
export function readGateInputs(source: InputSource): GateSettings | undefined {
  const within = source.get('require-verified-within')
  const workflow = source.get('verify-workflow')
  if (!within && !workflow) return undefined
  if (!workflow) {
    throw new InputError(
      'verify-workflow',
      'is required with require-verified-within: the file name of the workflow that runs the restore drill, e.g. nightly-drill.yml'
    )
  }
  if (!within) {
    throw new InputError(
      'require-verified-within',
      'is required with verify-workflow: how recent its last successful run must be, e.g. 7d'
    )
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.ya?ml$/.test(workflow)) {
    throw new InputError(
      'verify-workflow',
      `"${workflow}" is not a workflow file name; use the file name alone, like nightly-drill.yml (no folder, .yml or .yaml)`
    )
  }
  const windowMs = readDuration(source, 'require-verified-within', {
    minMs: 60_000,
    maxMs: MAX_WINDOW_MS
  })
  return { windowMs, workflow, access: readGitHubAccess(source, 'require-verified-within') }
}
