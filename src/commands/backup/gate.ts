import { readFile } from 'node:fs/promises'
import { CheckFailure } from '../../errors.js'
import { formatDuration, formatElapsed } from '../../format/duration.js'
import {
  defaultBranch,
  finishedAt,
  GitHubClient,
  GitHubError,
  newestSuccessfulRun,
  splitRepository
} from '../../github/index.js'
import type { GateSettings } from '../../inputs/notify.js'
import { createFetch } from '../../openstack/proxy.js'
import type { CommandContext } from '../context.js'

/**
 * The deploy gate of require-verified-within: before any backup is taken, the newest
 * successful run of verify-workflow on the default branch must be within the window. One
 * request (the workflow's runs), plus one for the default branch when the event payload does
 * not name it. It fails closed: a gate that cannot read the runs does not let the deploy pass.
 */
export async function requireVerified(context: CommandContext, gate: GateSettings): Promise<void> {
  const client = new GitHubClient({
    apiUrl: gate.access.apiUrl,
    token: gate.access.token,
    fetch: createFetch(context.inputs.env),
    sleep: context.sleep,
    now: context.now
  })
  const repo = splitRepository(gate.access.repository)
  const where = `${gate.workflow} in ${gate.access.repository}`
  try {
    const branch =
      (await branchFromEvent(context.inputs.env.GITHUB_EVENT_PATH)) ??
      (await defaultBranch(client, repo))
    const run = await newestSuccessfulRun(client, repo, gate.workflow, branch)
    const window = formatDuration(gate.windowMs)
    if (!run) {
      throw new CheckFailure(
        `require-verified-within ${window}: ${where} has no successful run on ${branch}. ` +
          'Run the restore drill (and let it pass) before deploying.'
      )
    }
    const at = finishedAt(run)
    const age = context.now() - at.getTime()
    const last = `run #${run.run_number} (${run.html_url}), finished ${at.toISOString()}, ${formatAge(age)} ago`
    if (age > gate.windowMs) {
      throw new CheckFailure(
        `require-verified-within ${window}: the last successful run of ${where} on ${branch} is ${last} — older than ${window}. ` +
          'Run the restore drill (and let it pass) before deploying.'
      )
    }
    context.logger.info(`Verified within ${window}: ${where} on ${branch}, ${last}`)
  } catch (error) {
    if (error instanceof GitHubError && !error.rateLimited && [403, 404].includes(error.status)) {
      throw new CheckFailure(
        `require-verified-within could not read the runs of ${where}: ${error.message}. ` +
          'Check the workflow file name and give the job permissions: actions: read.',
        { cause: error }
      )
    }
    if (error instanceof GitHubError) {
      throw new CheckFailure(
        `require-verified-within could not decide, so the deploy does not pass: ${error.message}`,
        { cause: error }
      )
    }
    throw error
  }
}

/** The default branch from the event that started the run (every event names its repository). */
async function branchFromEvent(eventPath: string | undefined): Promise<string | undefined> {
  if (!eventPath) return undefined
  try {
    const event = JSON.parse(await readFile(eventPath, 'utf8')) as {
      repository?: { default_branch?: unknown }
    }
    const branch = event.repository?.default_branch
    return typeof branch === 'string' && branch !== '' ? branch : undefined
  } catch {
    return undefined
  }
}

/** An age in days and hours once it is a day or more (`9d 1h`), else as the log says it. */
function formatAge(ms: number): string {
  const age = Math.max(0, ms)
  if (age < 86_400_000) return formatElapsed(age)
  const days = Math.floor(age / 86_400_000)
  const hours = Math.floor((age % 86_400_000) / 3_600_000)
  return hours > 0 ? `${days}d ${hours}h` : `${days}d`
}
