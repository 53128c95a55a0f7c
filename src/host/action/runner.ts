import { randomUUID } from 'node:crypto'
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/**
 * The part of the Actions runtime this action uses: inputs, outputs, state, masks, annotations,
 * groups and the job summary — the runner's documented workflow commands and environment files,
 * written exactly as @actions/core writes them. Importing @actions/core itself would parse its
 * OIDC client (an HTTP client with its own copy of undici) and @actions/exec at every start,
 * code no mode ever runs; this file keeps the step's start-up to our own code.
 */

/** What @actions/core calls AnnotationProperties; we only ever set the title. */
export interface AnnotationProperties {
  title?: string
}

/** An input as GitHub passes it: `INPUT_<NAME>` (spaces as `_`, upper case), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** Registers a secret: the runner masks it in every later log line. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', keyValueMessage(name, value))
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, commandValue(value))
}

/** Saves a value for the post step, which reads it back as `STATE_<name>` (getState). */
export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) return issueFileCommand('STATE', keyValueMessage(name, value))
  issueCommand('save-state', { name }, commandValue(value))
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || ''
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issueCommand('error', {}, message)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', properties.title ? { title: properties.title } : {}, message)
}

/** Runs `fn` inside a collapsible group of the log. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name)
  try {
    return await fn()
  } finally {
    issueCommand('endgroup', {}, '')
  }
}

/** Appends markdown (and a line end) to the job summary file, GITHUB_STEP_SUMMARY. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
    )
  }
  try {
    await access(file, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
    )
  }
  await appendFile(file, markdown + EOL, { encoding: 'utf8' })
}

function commandValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/** `::name key=value,…::message`, with the runner's escapes. */
function issueCommand(command: string, properties: Record<string, string>, message: string): void {
  let line = `::${command}`
  const props = Object.entries(properties).filter(([, v]) => v)
  if (props.length > 0) line += ' ' + props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',')
  process.stdout.write(`${line}::${escapeData(message)}${EOL}`)
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** One line in an environment file such as GITHUB_OUTPUT. */
function issueFileCommand(command: 'OUTPUT' | 'STATE', message: string): void {
  const file = process.env[`GITHUB_${command}`]
  if (!file) throw new Error(`Unable to find environment variable for file command ${command}`)
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  appendFileSync(file, `${message}${EOL}`, { encoding: 'utf8' })
}

/** `name<<delimiter` … `delimiter`, with a random delimiter no value can contain by chance. */
function keyValueMessage(name: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  const converted = commandValue(value)
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  }
  if (converted.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  }
  return `${name}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`
}
