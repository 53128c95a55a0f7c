// Runs a committed bundle as GitHub does — INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY
// and GITHUB_STATE files — for scripts run by plain `node` (the demo and benchmarks).

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface BundleRun {
  exitCode: number | null
  log: string
  outputs: Record<string, string>
  summary: string
  seconds: number
}

export async function runBundle(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  opts: { echo?: boolean } = {}
): Promise<BundleRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-run-'))
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    state: path.join(dir, 'state')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF_NAME: 'main',
    RUNNER_TEMP: dir
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const started = Date.now()
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', entry, 'index.js')], { env })
  let log = ''
  const collect = (chunk: Buffer): void => {
    log += chunk.toString()
    if (opts.echo) process.stdout.write(chunk)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const result: BundleRun = {
    exitCode,
    log,
    outputs: parseKeyValues(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    seconds: (Date.now() - started) / 1000
  }
  rmSync(dir, { recursive: true, force: true })
  return result
}

function parseKeyValues(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^=<]+)<<(.+)$/.exec(lines[i] as string)
    if (!match) continue
    const body: string[] = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) body.push(lines[i] as string)
    values[match[1] as string] = body.join('\n')
  }
  return values
}
