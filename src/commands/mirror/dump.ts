import type { ChildProcess } from 'node:child_process'
import type { Readable } from 'node:stream'
import {
  type ClientTool,
  findClientTool,
  outputBuffering,
  startClientTool
} from '../../database/client-tool.js'
import type { DbTarget, Engine } from '../../database/types.js'
import type { DumpSelection } from '../../inputs/dump-selection.js'
import { mariadbClientTls } from '../../database/client-tls.js'
import { parseToolRelease } from '../../database/tool-version.js'

export interface DumpTool extends ClientTool {
  /** What runs the tool so its output comes in large writes (client-tool.ts outputBuffering). */
  launcher: string[]
}

export interface RunningDump {
  stdout: Readable
  /** Resolves when the tool exits 0; rejects with its error output otherwise. */
  finished: Promise<void>
  child: ChildProcess
}

/** Finds the dump tool on PATH and its version. */
export async function findDumpTool(engine: Engine): Promise<DumpTool> {
  const [tool, launcher] = await Promise.all([findTool(engine), outputBuffering()])
  return { ...tool, launcher }
}

function findTool(engine: Engine): Promise<ClientTool> {
  return engine === 'postgresql'
    ? findClientTool(
        ['pg_dump'],
        'pg_dump is not installed on the runner: `sudo apt-get install -y postgresql-client` (GitHub’s ubuntu runners have it)'
      )
    : findClientTool(
        ['mariadb-dump', 'mysqldump'],
        'mariadb-dump is not installed on the runner: `sudo apt-get install -y mariadb-client`'
      )
}

export { parseToolRelease }

/**
 * pg_dump refuses a server newer than itself ("server version mismatch"); an older mariadb-dump
 * mostly works but may miss newer syntax. Returns the fix, or undefined when the tool is fine.
 */
export function toolTooOld(
  engine: Engine,
  tool: DumpTool,
  serverVersion: string
): string | undefined {
  const server = serverVersion
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number)
  if (engine === 'postgresql') {
    const [toolMajor = 0] = tool.release
    const [serverMajor = 0] = server
    if (serverMajor <= toolMajor) return undefined
    return (
      `pg_dump ${toolMajor} cannot dump a PostgreSQL ${serverMajor} server (pg_dump must be at least the server's major version). ` +
      `Install the matching client on the runner before this step: ` +
      `\`sudo apt-get install -y postgresql-common && sudo /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y && sudo apt-get install -y postgresql-client-${serverMajor}\` ` +
      `(Debian/Ubuntu's pg_dump wrapper then picks version ${serverMajor}), or put /usr/lib/postgresql/${serverMajor}/bin first on PATH`
    )
  }
  const [tMajor = 0, tMinor = 0] = tool.release
  const [sMajor = 0, sMinor = 0] = server
  if (tMajor > sMajor || (tMajor === sMajor && tMinor >= sMinor)) return undefined
  return (
    `mariadb-dump ${tool.release.join('.')} is older than the MariaDB ${serverVersion} server. ` +
    `Install a client of at least ${sMajor}.${sMinor} before this step (MariaDB's repository: ` +
    `\`curl -LsS https://r.mariadb.com/downloads/mariadb_repo_setup | sudo bash -s -- --mariadb-server-version=${sMajor}.${sMinor} && sudo apt-get install -y mariadb-client\`)`
  )
}

/**
 * The command line of the dump: no secret on it (the password goes in the environment), and one
 * argument per name. The names were checked as plain identifiers (inputs/dump-selection.ts),
 * so none can turn into an option or a connection string; `selection.databases` is the final
 * list (db-info.ts), never empty.
 * `caFile`: the db-ca as a file, for verify-ca and verify-full.
 */
export function dumpArgs(
  engine: Engine,
  target: DbTarget,
  selection: DumpSelection,
  caFile?: string,
  snapshot?: string
): string[] {
  if (engine === 'postgresql') {
    // -Z0: we compress ourselves, with zstd, which is several times faster than pg_dump's gzip.
    return [
      '--format=custom',
      '--compress=0',
      '--no-password',
      `--host=${target.host}`,
      `--port=${target.port}`,
      `--username=${target.user}`,
      // A schema that does not exist fails the dump instead of dumping nothing.
      ...(selection.schemas.length > 0 ? ['--strict-names'] : []),
      ...selection.schemas.map((schema) => `--schema=${quotedPattern(schema)}`),
      ...selection.excludeTables.map((item) => `--exclude-table=${tablePattern(item)}`),
      `--dbname=${selection.databases[0] as string}`,
      // The snapshot the row counts of the manifest were taken in (database/dump-snapshot.ts).
      ...(snapshot ? [`--snapshot=${snapshot}`] : [])
    ]
  }
  return [
    '--no-defaults',
    `--host=${target.host}`,
    `--port=${target.port}`,
    `--user=${target.user}`,
    ...mariadbClientTls(target, caFile),
    '--single-transaction',
    '--quick',
    '--triggers',
    '--hex-blob',
    ...selection.excludeTables.flatMap((item) =>
      item.includes('.')
        ? [`--ignore-table=${item}`]
        : // A bare table is left out of every database dumped (mariadb-dump wants db.table).
          selection.databases.map((db) => `--ignore-table=${db}.${item}`)
    ),
    '--databases',
    ...selection.databases
  ]
}

/**
 * pg_dump reads -n/-T as patterns (psql's rules): unquoted names are folded to lower case and
 * `*`, `?` and `.` are special. A name in double quotes is matched exactly, as stored.
 */
function quotedPattern(name: string): string {
  return `"${name}"`
}

/** `schema.table` exactly; a bare `table` in every schema (`*` is the only pattern we write). */
export function tablePattern(item: string): string {
  const [first, second] = item.split('.') as [string, string | undefined]
  return second === undefined
    ? `*.${quotedPattern(first)}`
    : `${quotedPattern(first)}.${quotedPattern(second)}`
}

/** Starts the dump; its stdout is the dump. Stderr is kept (the tail) for the error message. */
export function startDump(
  tool: DumpTool,
  engine: Engine,
  target: DbTarget,
  selection: DumpSelection,
  snapshot?: string
): RunningDump {
  const { child, finished } = startClientTool(
    tool,
    engine,
    target,
    (caPath) => dumpArgs(engine, target, selection, caPath, snapshot),
    ['ignore', 'pipe', 'pipe'],
    (stderr) =>
      /server version mismatch/i.test(stderr)
        ? ' — the dump tool is older than the server; install the client of the server version'
        : '',
    tool.launcher
  )
  return { stdout: child.stdout as Readable, finished, child }
}
