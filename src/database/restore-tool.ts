import type { ChildProcess } from 'node:child_process'
import type { Writable } from 'node:stream'
import { type ClientTool, findClientTool, startClientTool } from './client-tool.js'
import { mariadbClientTls } from './client-tls.js'
import { parseServerVersion, parseToolRelease } from './tool-version.js'
import type { DbTarget, Engine } from './types.js'

export type RestoreTool = ClientTool

export interface RunningRestore {
  /** The dump goes in here. */
  stdin: Writable
  /** Resolves when the tool exits 0; rejects with its error output otherwise. */
  finished: Promise<void>
  child: ChildProcess
}

/** pg_restore, or MariaDB's client (mariadb, else the older name mysql), with its version. */
export function findRestoreTool(engine: Engine): Promise<RestoreTool> {
  return engine === 'postgresql'
    ? findClientTool(
        ['pg_restore'],
        'pg_restore is not installed on the runner: `sudo apt-get install -y postgresql-client`'
      )
    : findClientTool(
        ['mariadb', 'mysql'],
        'the mariadb client is not installed on the runner: `sudo apt-get install -y mariadb-client`'
      )
}

/** What the copy says about how it was made (from its manifest). */
export interface DumpOrigin {
  /** The dump tool's `--version` text. */
  toolVersion: string
  /** The version of the server that was dumped. */
  serverVersion: string
}

export interface Compatibility {
  /** Why the restore cannot work, with the fix; undefined when it can. */
  problem?: string
  warnings: string[]
}

/**
 * Checked before any download. PostgreSQL: pg_restore reads only archives of its own major
 * version or older ("unsupported version in file header"), and a dump of a newer server carries
 * SQL an older server may not know. MariaDB: an older client may not read a newer dump tool's
 * output (mariadb-dump from 10.11.8 opens with a sandbox-mode line older clients reject), and a
 * dump of a newer server may use syntax an older one lacks.
 */
export function restoreCompatibility(
  engine: Engine,
  tool: RestoreTool,
  origin: DumpOrigin,
  targetVersion: string
): Compatibility {
  const dumpTool = parseToolRelease(origin.toolVersion)
  const dumped = parseServerVersion(origin.serverVersion)
  const target = parseServerVersion(targetVersion)
  const warnings: string[] = []
  if (engine === 'postgresql') {
    const [toolMajor = 0] = tool.release
    const [dumpMajor = 0] = dumpTool
    const [dumpedMajor = 0] = dumped
    const [targetMajor = 0] = target
    if (dumpMajor > toolMajor) {
      return {
        problem:
          `pg_restore ${toolMajor} cannot read a dump made by pg_dump ${dumpMajor}. Install the matching client on the runner before this step: ` +
          `\`sudo apt-get install -y postgresql-common && sudo /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y && sudo apt-get install -y postgresql-client-${dumpMajor}\`, ` +
          `or put /usr/lib/postgresql/${dumpMajor}/bin first on PATH`,
        warnings
      }
    }
    if (dumpedMajor > targetMajor) {
      return {
        problem:
          `the copy is of a PostgreSQL ${dumpedMajor} server and the target runs PostgreSQL ${targetMajor}: restore into a server of version ${dumpedMajor} or newer ` +
          `(for a service container: image postgres:${dumpedMajor})`,
        warnings
      }
    }
    if (targetMajor > toolMajor) {
      warnings.push(
        `pg_restore ${toolMajor} is older than the PostgreSQL ${targetMajor} target; it works, but postgresql-client-${targetMajor} is the better match`
      )
    }
    return { warnings }
  }
  const older = (a: number[], b: number[]): boolean => {
    const [aMajor = 0, aMinor = 0, aPatch = 0] = a
    const [bMajor = 0, bMinor = 0, bPatch = 0] = b
    if (aMajor !== bMajor) return aMajor < bMajor
    if (aMinor !== bMinor) return aMinor < bMinor
    return aPatch < bPatch
  }
  if (older(tool.release, dumpTool.slice(0, 3))) {
    const [major = 0, minor = 0] = dumpTool
    return {
      problem:
        `the ${tool.command} client ${tool.release.join('.')} is older than the mariadb-dump ${dumpTool.join('.')} that made the copy and may not read it. ` +
        `Install a client of at least ${major}.${minor} before this step (MariaDB's repository: ` +
        `\`curl -LsS https://r.mariadb.com/downloads/mariadb_repo_setup | sudo bash -s -- --mariadb-server-version=${major}.${minor} && sudo apt-get install -y mariadb-client\`)`,
      warnings
    }
  }
  if (older(target.slice(0, 2), dumped.slice(0, 2))) {
    warnings.push(
      `the copy is of a MariaDB ${origin.serverVersion} server and the target runs ${targetVersion}: syntax newer than the target may fail; restore into MariaDB ${dumped.slice(0, 2).join('.')} or newer`
    )
  }
  return { warnings }
}

/** The command line of the restore: no secret on it (the password goes in the environment). */
export function restoreArgs(
  engine: Engine,
  target: DbTarget,
  database: string,
  caPath?: string
): string[] {
  if (engine === 'postgresql') {
    // No file: the archive comes on stdin. The target's roles are not the source's, so
    // ownership and grants are left to the target's user.
    return [
      '--no-password',
      `--host=${target.host}`,
      `--port=${target.port}`,
      `--username=${target.user}`,
      `--dbname=${database}`,
      '--no-owner',
      '--no-acl',
      '--exit-on-error'
    ]
  }
  return [
    '--no-defaults',
    `--host=${target.host}`,
    `--port=${target.port}`,
    `--user=${target.user}`,
    ...mariadbClientTls(target, caPath),
    // The dump may hold any bytes (blobs are --hex-blob, but comments and strings need not be
    // text); the dump's own `CREATE DATABASE … ; USE …` picks the database.
    '--binary-mode',
    `--database=${database}`
  ]
}

/** Starts the restore tool; write the dump to its stdin. Stderr's tail is kept for the error. */
export function startRestore(
  tool: RestoreTool,
  engine: Engine,
  target: DbTarget,
  database: string
): RunningRestore {
  const { child, finished } = startClientTool(
    tool,
    engine,
    target,
    (caPath) => restoreArgs(engine, target, database, caPath),
    ['pipe', 'ignore', 'pipe']
  )
  // A tool that exits early closes its stdin: the pipeline reports that; its exit says why.
  child.stdin?.on('error', () => undefined)
  return { stdin: child.stdin as Writable, finished, child }
}
