// Child-process helpers for the real servers: spawn (optionally as another system
// user), run-to-completion with a readable error, wait with a deadline, stop.
//
// Another user is reached with spawn's uid/gid options rather than `runuser -u`:
// runuser stays as a watching parent that, on SIGTERM, kills its child with SIGKILL
// two seconds later — the server would never get a clean shutdown, and the pid we
// hold would not be the server's.

import { spawn, type ChildProcess } from 'node:child_process'
import { openSync, closeSync, readFileSync, readdirSync, type PathLike } from 'node:fs'
import net from 'node:net'

export interface SystemUser {
  name: string
  uid: number
  gid: number
  home: string
}

/** Reads /etc/passwd (no npm, no `id` subprocess). */
export function systemUser(name: string): SystemUser {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':')
    if (f[0] === name && f.length >= 7) {
      return { name, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '/' }
    }
  }
  throw new Error(`system user ${name} does not exist`)
}

export interface ProcOptions {
  /** system user to run as (the parent is root) */
  user?: string
  cwd?: string
  env?: NodeJS.ProcessEnv
}

function spawnOptions(opts: ProcOptions): {
  cwd?: string
  env: NodeJS.ProcessEnv
  uid?: number
  gid?: number
} {
  const env = { ...process.env, ...opts.env }
  if (opts.user === undefined) return { cwd: opts.cwd, env }
  const u = systemUser(opts.user)
  // Tools look at HOME/USER (psql reads ~/.psqlrc, mariadb ~/.my.cnf): point them at the user.
  return {
    cwd: opts.cwd,
    env: { ...env, HOME: u.home, USER: u.name, LOGNAME: u.name },
    uid: u.uid,
    gid: u.gid
  }
}

/** Keeps the last `limit` characters of a stream, for error messages. */
function tail(limit: number): { add(chunk: Buffer): void; text(): string } {
  let buf = ''
  return {
    add(chunk) {
      buf = (buf + chunk.toString('utf8')).slice(-limit)
    },
    text: () => buf
  }
}

export interface Proc {
  name: string
  pid: number
  child: ChildProcess
  /** settles when the process has exited (never rejects) */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** true until the exit event */
  running(): boolean
  /** last output (stderr + stdout) for error messages */
  output(): string
}

/** Starts a long-running process (a server). Its output is kept in memory (tail). */
export function startProcess(
  name: string,
  cmd: string,
  args: string[],
  opts: ProcOptions = {}
): Proc {
  const child = spawn(cmd, args, { ...spawnOptions(opts), stdio: ['ignore', 'pipe', 'pipe'] })
  const out = tail(16_000)
  child.stdout?.on('data', out.add)
  child.stderr?.on('data', out.add)
  let alive = true
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (err) => {
      out.add(Buffer.from(`\nspawn error: ${err.message}\n`))
      alive = false
      resolve({ code: null, signal: null })
    })
    child.on('exit', (code, signal) => {
      alive = false
      resolve({ code, signal })
    })
  })
  if (child.pid === undefined) alive = false
  return {
    name,
    pid: child.pid ?? -1,
    child,
    exited,
    running: () => alive,
    output: () => out.text()
  }
}

export interface RunOptions extends ProcOptions {
  /** written to stdin, then stdin is closed */
  input?: string
  /** stdin comes from this file (opened by us: the child's user may not be able to read it) */
  stdinFile?: PathLike
  /** stdout goes to this file instead of memory (big outputs, e.g. backups) */
  stdoutFile?: PathLike
  timeoutMs?: number
}

/** Runs a command to completion; returns stdout; throws with the stderr tail on failure. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<string> {
  const inFd = opts.stdinFile === undefined ? undefined : openSync(opts.stdinFile, 'r')
  const outFd = opts.stdoutFile === undefined ? undefined : openSync(opts.stdoutFile, 'w')
  const child = spawn(cmd, args, {
    ...spawnOptions(opts),
    stdio: [inFd ?? 'pipe', outFd ?? 'pipe', 'pipe'],
    timeout: opts.timeoutMs ?? 120_000,
    killSignal: 'SIGKILL'
  })
  for (const fd of [inFd, outFd]) if (fd !== undefined) closeSync(fd)
  const chunks: Buffer[] = []
  const err = tail(4000)
  child.stdout?.on('data', (c: Buffer) => chunks.push(c))
  child.stderr?.on('data', err.add)
  child.stdin?.on('error', () => {}) // the command may exit before reading all input
  child.stdin?.end(opts.input ?? '')
  return new Promise((resolve, reject) => {
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message}`)))
    child.on('close', (code, signal) => {
      const stdout = Buffer.concat(chunks).toString('utf8')
      if (code === 0) return resolve(stdout)
      const why = signal ? `killed by ${signal}` : `exit ${code}`
      const msg = (err.text().trim() || stdout.trim()).slice(-2000)
      reject(new Error(`${cmd.split('/').pop()} failed (${why}): ${msg}`))
    })
  })
}

/** The lines of a server log that say what went wrong (servers log a lot of notes first). */
export function explain(output: string): string {
  const bad = output.split('\n').filter((l) => /error|fatal|could not|failed|denied/i.test(l))
  return (bad.length ? bad.slice(-8).join('\n') : output).slice(-2000)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Polls `check` until it returns true. Fails at the deadline, or at once when a process
 * in `proc` has exited (a server that died will never become ready; its output says why).
 */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  opts: { timeoutMs: number; intervalMs?: number; proc?: Proc | Proc[] }
): Promise<void> {
  const procs = opts.proc === undefined ? [] : [opts.proc].flat()
  const deadline = Date.now() + opts.timeoutMs
  for (;;) {
    const dead = procs.find((p) => !p.running())
    if (dead) throw new Error(`${dead.name} exited before ${what}: ${explain(dead.output())}`)
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return
    if (Date.now() > deadline) {
      const out = procs.map((p) => `\n${p.name}: ${p.output().slice(-1000)}`).join('')
      throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${what}${out}`)
    }
    await sleep(opts.intervalMs ?? 50)
  }
}

/** True when something accepts a TCP connection on host:port. */
export function portOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port })
    const done = (ok: boolean) => {
      s.destroy()
      resolve(ok)
    }
    s.setTimeout(timeoutMs, () => done(false))
    s.once('connect', () => done(true))
    s.once('error', () => done(false))
  })
}

export function waitForPort(host: string, port: number, timeoutMs: number, proc?: Proc) {
  return waitUntil(`${host}:${port} to accept connections`, () => portOpen(host, port), {
    timeoutMs,
    proc
  })
}

/**
 * `count` distinct ports nobody listens on right now: all are held open until every one
 * is chosen, so they differ; a tiny race remains until the servers bind them.
 */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers: net.Server[] = []
  try {
    const ports: number[] = []
    for (let i = 0; i < count; i++) {
      const srv = net.createServer()
      servers.push(srv)
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject)
        srv.listen(0, host, resolve)
      })
      const addr = srv.address()
      if (typeof addr !== 'object' || !addr) throw new Error('no port from the OS')
      ports.push(addr.port)
    }
    return ports
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  }
}

/** Sends `signal`, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopProcess(
  p: Proc,
  opts: { signal?: NodeJS.Signals; graceMs?: number } = {}
): Promise<void> {
  if (!p.running()) return
  p.child.kill(opts.signal ?? 'SIGTERM')
  const timer = setTimeout(() => p.child.kill('SIGKILL'), opts.graceMs ?? 10_000)
  await p.exited
  clearTimeout(timer)
}

/** Pids of live processes whose command line contains `needle` (e.g. a private temp dir). */
export function pidsMatching(needle: string): number[] {
  const pids: number[] = []
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0]
      if (cmdline.includes(needle) && state !== 'Z') pids.push(pid)
    } catch {
      // the process exited while we looked
    }
  }
  return pids
}

/** SIGKILLs every process whose command line contains `needle` and waits until they are gone. */
export async function killMatching(needle: string, timeoutMs = 5000): Promise<void> {
  for (const pid of pidsMatching(needle)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  await waitUntil(`processes of ${needle} to exit`, () => pidsMatching(needle).length === 0, {
    timeoutMs
  })
}
