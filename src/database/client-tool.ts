import { type ChildProcess, execFile, spawn, type StdioOptions } from 'node:child_process'
import { promisify } from 'node:util'
import { CheckFailure } from '../errors.js'
import { caFile, isVerified } from './tls.js'
import { toolEnv } from './tool-env.js'
import { parseToolRelease } from './tool-version.js'
import type { DbTarget, Engine } from './types.js'

const run = promisify(execFile)

/** A database client program on the runner (pg_dump, pg_restore, mariadb-dump, mariadb). */
export interface ClientTool {
  command: string
  /** Its `--version` text. */
  version: string
  /** Major version (PostgreSQL: 15; MariaDB: 10.11 as [10, 11]). */
  release: number[]
}

/** The first of `candidates` on PATH, with its version; `missing` (the install hint) if none. */
export async function findClientTool(candidates: string[], missing: string): Promise<ClientTool> {
  for (const command of candidates) {
    try {
      const { stdout } = await run(command, ['--version'])
      return { command, version: stdout.trim(), release: parseToolRelease(stdout) }
    } catch {
      // try the next name
    }
  }
  throw new CheckFailure(missing)
}

export interface RunningClientTool {
  child: ChildProcess
  /** Resolves when the tool exits 0; rejects with its (redacted) error output otherwise. */
  finished: Promise<void>
}

/**
 * Starts a client tool against `target`: the password and TLS settings through the tool's own
 * environment variables (never on the command line), and nothing else of ours — no cloud or store
 * credentials, no inputs (tool-env.ts). A verified TLS mode gets a copy of the checked CA file,
 * removed when the tool exits, so the tool trusts exactly what our own connections trust. The
 * tail of stderr, with the password blanked, becomes the error; `hint` may add what it means.
 * `launcher`: a program that runs the tool, with its own arguments first (outputBuffering).
 */
export function startClientTool(
  tool: ClientTool,
  engine: Engine,
  target: DbTarget,
  args: (caPath: string | undefined) => string[],
  stdio: StdioOptions,
  hint: (stderr: string) => string = () => '',
  launcher: string[] = []
): RunningClientTool {
  const env: NodeJS.ProcessEnv = toolEnv(process.env)
  const ca = isVerified(target.tls) && target.ca ? caFile(target.ca) : undefined
  if (engine === 'postgresql') {
    env.PGPASSWORD = target.password
    // db-tls uses libpq's names: the tool checks exactly what our own connections check.
    env.PGSSLMODE = target.tls
    if (ca) env.PGSSLROOTCERT = ca.path
    else delete env.PGSSLROOTCERT
    env.PGCONNECT_TIMEOUT = '30'
  } else {
    env.MYSQL_PWD = target.password
  }
  let child: ChildProcess
  try {
    const [command, ...launcherArgs] = [...launcher, tool.command]
    child = spawn(command as string, [...launcherArgs, ...args(ca?.path)], { env, stdio })
  } catch (error) {
    ca?.remove()
    throw error
  }
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8192)
  })
  const finished = new Promise<void>((resolve, reject) => {
    child.once('error', (error) => {
      ca?.remove()
      reject(new CheckFailure(`${tool.command} could not start: ${error.message}`))
    })
    child.once('close', (code, signal) => {
      ca?.remove()
      if (code === 0) return resolve()
      const text = target.password
        ? stderr.split(target.password).join('***').trim()
        : stderr.trim()
      reject(
        new CheckFailure(
          `${tool.command} failed (${signal ?? `exit code ${code}`})${hint(text)}: ${text.slice(-2000) || 'no error output'}`
        )
      )
    })
  })
  // Kept from an unhandled rejection when the pipeline fails first; callers await it.
  finished.catch(() => undefined)
  return { child, finished }
}

/** Output written in blocks of this size when the runner has `stdbuf`. */
const OUTPUT_BUFFER = '1M'

let buffering: Promise<string[]> | undefined

/**
 * How to run a tool whose stdout is a long stream for us to read: under coreutils' `stdbuf`,
 * when the runner has it, so the tool's stdio writes blocks of OUTPUT_BUFFER. Without it,
 * pg_dump writes to a pipe in 4 KiB pieces (glibc sizes the buffer by the pipe's st_blksize):
 * 190,000 writes for 800 MB, each a wake-up and a read for Node, which cost more CPU than
 * the compression of the same bytes. A runner without `stdbuf` runs the tool as it is.
 */
export function outputBuffering(): Promise<string[]> {
  buffering ??= run('stdbuf', ['--version']).then(
    () => ['stdbuf', `--output=${OUTPUT_BUFFER}`],
    () => []
  )
  return buffering
}
