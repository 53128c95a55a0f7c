import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CloudInfo } from '../../localcloud/harness.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')

export interface ActionResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** What the step saved for the post step (GITHUB_STATE). */
  state: Record<string, string>
  /** ::error:: and ::warning:: lines. */
  annotations: string[]
}

export interface RunOptions {
  env?: Record<string, string>
  /** Called with the child once it runs (e.g. to send SIGINT mid-drill). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void
  /**
   * Runs while the action runs, with the child and its stdout so far: waits for states and acts
   * on them (release a held backup once the action waits for it). If it throws, the child is
   * killed and the run rejects with its error.
   */
  during?: (child: import('node:child_process').ChildProcess, stdout: () => string) => Promise<void>
  timeoutMs?: number
  /** Reuse a GITHUB_STATE file, e.g. the main step's, for the post step. */
  stateFile?: string
}

/** The INPUT_* variables for the local cloud's application credential. */
export function cloudInputs(info: CloudInfo): Record<string, string> {
  return {
    'auth-url': info.authUrl,
    'allow-insecure-http': 'true',
    region: info.region,
    'application-credential-id': info.appCredId,
    'application-credential-secret': info.appCredSecret
  }
}

/**
 * Runs a committed bundle exactly as GitHub does: `node dist/<entry>/index.js` with INPUT_*
 * variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files.
 */
export async function runAction(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  options: RunOptions = {}
): Promise<ActionResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'action-run-'))
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    state: options.stateFile ?? path.join(dir, 'state')
  }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  if (!options.stateFile) writeFileSync(files.state, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF_NAME: 'main',
    GITHUB_WORKFLOW: 'deploy',
    RUNNER_TEMP: dir,
    ...options.env
  }
  // GitHub keeps input names as given, upper-cased, spaces to underscores (hyphens stay).
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  // For the post step, GitHub exposes the saved state as STATE_* variables.
  if (entry === 'post') Object.assign(env, stateEnv(readKeyValueFile(files.state)))

  const child = spawn(process.execPath, [path.join(ROOT, 'dist', entry, 'index.js')], {
    env,
    cwd: ROOT
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  options.onSpawn?.(child)
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000)
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, sig) => resolve([code, sig]))
  )
  try {
    await options.during?.(child, () => stdout)
  } catch (error) {
    child.kill('SIGKILL')
    await closed
    clearTimeout(timer)
    if (!options.stateFile) rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const [exitCode, signal] = await closed
  clearTimeout(timer)
  const result: ActionResult = {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: readKeyValueFile(files.output),
    summary: readFileSync(files.summary, 'utf8'),
    state: readKeyValueFile(files.state),
    annotations: stdout.split('\n').filter((l) => /^::(error|warning)/.test(l))
  }
  if (!options.stateFile) rmSync(dir, { recursive: true, force: true })
  return result
}

function stateEnv(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
}

/** Reads the `name<<DELIMITER … DELIMITER` file format of GITHUB_OUTPUT / GITHUB_STATE. */
export function readKeyValueFile(file: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const body: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i] as string)
      values[name as string] = body.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}
