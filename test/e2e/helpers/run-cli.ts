import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { CloudInfo } from '../../localcloud/harness.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')
export const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')

export interface CliResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** The local cloud as an openrc file would set it: the CLI reads the OS_* variables. */
export function cloudEnv(info: CloudInfo): Record<string, string> {
  return {
    OS_AUTH_URL: info.authUrl,
    OS_REGION_NAME: info.region,
    OS_APPLICATION_CREDENTIAL_ID: info.appCredId,
    OS_APPLICATION_CREDENTIAL_SECRET: info.appCredSecret
  }
}

/**
 * Runs the committed CLI bundle as a user would (`node dist/cli/index.js <args>`), outside
 * GitHub: no GITHUB_* or INPUT_* variables at all.
 */
export async function runCli(
  args: string[],
  options: {
    env?: Record<string, string>
    timeoutMs?: number
    onSpawn?: (c: ChildProcess) => void
  } = {}
): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    cwd: ROOT
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  options.onSpawn?.(child)
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, sig) => resolve([code, sig]))
  )
  clearTimeout(timer)
  return { exitCode, signal, stdout, stderr }
}

/** The CLI's --json result. */
export interface CliJson {
  mode: string
  result: 'ok' | 'failed' | 'bad-input' | 'cloud-error'
  exitCode: number
  outputs: Record<string, string | number | boolean>
  warnings: { title?: string; message: string }[]
  error?: string
  summary: string
}

export function parseJson(result: CliResult): CliJson {
  return JSON.parse(result.stdout) as CliJson
}
