import { appendFileSync, closeSync, existsSync, openSync, readSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/**
 * The GitHub Actions runner's protocol, as far as the action uses it: inputs from `INPUT_*`,
 * outputs and state appended to the files `GITHUB_OUTPUT` and `GITHUB_STATE` name, workflow
 * commands (`::warning::`, `::add-mask::`, `::group::`) on stdout, the job summary appended to
 * `GITHUB_STEP_SUMMARY`.
 *
 * It writes exactly what @actions/core writes for the same calls (test/unit/host/action holds
 * the two side by side). It is ours because @actions/core's entry module imports its OIDC token
 * client, and with it an HTTP client and undici, on every step: about 21 MB of memory and 0.1 s
 * of start-up (bundled, measured on these machines) for a call the action never makes.
 */

/** An input's value, trimmed; '' when it is not set. Spaces in the name become underscores. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** A number or boolean is written as its text (`3`, `true`), as @actions/core writes it. */
export function setOutput(name: string, value: string | number | boolean): void {
  writeKeyValue('OUTPUT', 'set-output', name, String(value))
}

/** Kept for the post step, which reads it back as `STATE_<name>`. */
export function saveState(name: string, value: string): void {
  writeKeyValue('STATE', 'save-state', name, value)
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

/** The runner replaces the value with *** wherever it appears in the log from now on. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

/** A plain log line, written as it is: the caller makes outside text safe (format/text.ts). */
export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string, properties: { title?: string } = {}): void {
  issueCommand('warning', properties, message)
}

export function error(message: string): void {
  issueCommand('error', {}, message)
}

/** An error annotation, and the step ends failed. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Folds the lines `fn` logs under `name`. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name)
  try {
    return await fn()
  } finally {
    issueCommand('endgroup', {}, '')
  }
}

/**
 * Appends markdown to the job summary, followed by a line end. Without GITHUB_STEP_SUMMARY (a
 * runner without job summaries, or a local run) there is no summary, and nothing is written.
 */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return
  await appendFile(file, markdown + EOL, { encoding: 'utf8' })
}

/**
 * `name<<delimiter`, the value, `delimiter`: a multi-line value cannot end early, because the
 * delimiter is random and neither the name nor the value may contain it. Without the file (an
 * old runner) the value goes out as the deprecated stdout command, as @actions/core does.
 */
function writeKeyValue(file: 'OUTPUT' | 'STATE', command: string, name: string, value: string) {
  const path = process.env[`GITHUB_${file}`]
  if (!path) {
    if (file === 'OUTPUT') process.stdout.write(EOL)
    issueCommand(command, { name }, value)
    return
  }
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  const delimiter = `ghadelimiter_${randomUuid()}`
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: the ${file.toLowerCase()} contains its delimiter`)
  }
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, {
    encoding: 'utf8'
  })
}

/**
 * `::command key=value,key=value::message`. The message cannot break out of its line (% CR LF
 * are escaped); a property value cannot break out of its property either (: and , too).
 */
function issueCommand(command: string, properties: Record<string, string>, message: string) {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * A random (version 4) UUID, as crypto.randomUUID() makes one, from the kernel's random source
 * where there is one: loading node:crypto for 16 random bytes costs 5–7 ms of every step's
 * start-up on these machines, reading /dev/urandom a tenth of a millisecond. Windows has no
 * /dev/urandom; it takes node:crypto's.
 */
export function randomUuid(): string {
  if (process.platform === 'win32') return process.getBuiltinModule('node:crypto').randomUUID()
  const bytes = Buffer.alloc(16)
  const fd = openSync('/dev/urandom', 'r')
  try {
    if (readSync(fd, bytes, 0, 16, null) !== 16) throw new Error('/dev/urandom gave too few bytes')
  } finally {
    closeSync(fd)
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40 // version 4
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80 // the RFC 9562 variant
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
