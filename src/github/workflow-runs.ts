import type { GitHubClient } from './client.js'
import type { Repo } from './issues.js'

/** The fields of GitHub's workflow-run object the product reads. */
export interface WorkflowRun {
  id: number
  run_number: number
  html_url: string
  head_branch: string | null
  conclusion: string | null
  /** When the run (its latest attempt) started and last changed: ISO 8601. */
  run_started_at?: string
  updated_at: string
  created_at: string
}

/**
 * The newest successful run of a workflow file on a branch: one request
 * (GET /repos/{owner}/{repo}/actions/workflows/{file}/runs?branch=…&status=success&per_page=1).
 */
export async function newestSuccessfulRun(
  client: GitHubClient,
  repo: Repo,
  workflowFile: string,
  branch: string
): Promise<WorkflowRun | undefined> {
  const url = client.url(
    `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/actions/workflows/${encodeURIComponent(workflowFile)}/runs`,
    { branch, status: 'success', per_page: 1 }
  )
  const { data } = await client.request<{ total_count: number; workflow_runs: WorkflowRun[] }>(
    'GET',
    url
  )
  return data.workflow_runs[0]
}

/** When a successful run finished: its last update (a run no longer changes once it succeeded). */
export function finishedAt(run: WorkflowRun): Date {
  return new Date(run.updated_at)
}
