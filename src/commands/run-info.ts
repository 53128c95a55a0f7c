/** Facts about the workflow run, from GitHub's environment (empty outside Actions). */
export interface RunInfo {
  repository: string
  runId: string
  runAttempt: string
  /** Link to the run, for descriptions and summaries; '' outside Actions. */
  runUrl: string
  sha: string
  ref: string
  workflow: string
}

export function readRunInfo(env: NodeJS.ProcessEnv): RunInfo {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const repository = env.GITHUB_REPOSITORY ?? ''
  const runId = env.GITHUB_RUN_ID ?? ''
  return {
    repository,
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF_NAME || env.GITHUB_REF || '',
    workflow: env.GITHUB_WORKFLOW ?? ''
  }
}
