export {
  type FetchFn,
  GitHubClient,
  type GitHubClientOptions,
  GitHubError,
  nextLink,
  rateLimitWaitMs,
  splitRepository
} from './client.js'
export {
  addComment,
  closeIssue,
  createIssue,
  defaultBranch,
  findOpenIssue,
  type Issue,
  type Repo
} from './issues.js'
export { finishedAt, newestSuccessfulRun, type WorkflowRun } from './workflow-runs.js'
