import * as actionsExec from '@actions/exec'
import type { Verdict } from './recorder.js'
import { caFile, isVerified } from '../database/tls.js'
import type { DbTarget } from '../database/types.js'

/** The shape of @actions/exec's `exec` that we use; tests pass their own. */
export type ExecFn = (
  commandLine: string,
  args: string[],
  options: {
    env: Record<string, string>
    ignoreReturnCode: boolean
    silent: boolean
    listeners: { stdline: (line: string) => void; errline: (line: string) => void }
  }
) => Promise<number>

/**
 * The connection as environment variables: the clients' own (psql, pg_dump, mariadb read them
 * without flags) plus engine-neutral DB_* for scripts that serve both. `caFile`: the db-ca as a
 * file, for the verifying modes (PGSSLROOTCERT; DB_SSL_CA for a mariadb client's --ssl-ca,
 * which has no variable of its own).
 */
export function commandEnv(
  target: DbTarget,
  database: string | undefined,
  caFile?: string
): Record<string, string> {
  const common: Record<string, string> = {
    DB_ENGINE: target.engine,
    DB_HOST: target.host,
    DB_PORT: String(target.port),
    DB_USER: target.user,
    DB_PASSWORD: target.password,
    DB_NAME: database ?? '',
    DB_SSL_MODE: target.tls,
    ...(caFile !== undefined && { DB_SSL_CA: caFile })
  }
  if (target.engine === 'postgresql') {
    return {
      PGHOST: target.host,
      PGPORT: String(target.port),
      PGUSER: target.user,
      PGPASSWORD: target.password,
      PGDATABASE: database ?? 'postgres',
      // db-tls uses libpq's names, so the command's psql checks what our connections did.
      PGSSLMODE: target.tls,
      ...(caFile !== undefined && { PGSSLROOTCERT: caFile }),
      ...common
    }
  }
  return {
    MYSQL_HOST: target.host,
    MYSQL_TCP_PORT: String(target.port),
    MYSQL_USER: target.user,
    MYSQL_PWD: target.password,
    MYSQL_DATABASE: database ?? '',
    ...common
  }
}

/** Where the command's output goes: the host's log, line by line, made safe and redacted there. */
export type CommandLog = (line: string) => void

/**
 * Runs the user's command with bash; a non-zero exit code fails the check. Its environment is
 * the allow-listed base (database/tool-env.ts: PATH, HOME, LANG, TZ, TMPDIR, … and the names of
 * `command-env`) plus the restored copy's connection. Its output goes through the host's log,
 * never straight to stdout: database values in it cannot start a workflow command, and the CLI
 * redacts secrets from it.
 */
export async function checkCommand(
  command: string,
  target: DbTarget,
  database: string | undefined,
  baseEnv: Record<string, string>,
  log: CommandLog,
  exec: ExecFn = actionsExec.exec
): Promise<Verdict> {
  const ca = isVerified(target.tls) && target.ca ? caFile(target.ca) : undefined
  const env = { ...baseEnv, ...commandEnv(target, database, ca?.path) }
  const code = await exec('bash', ['-c', command], {
    env,
    ignoreReturnCode: true,
    silent: true,
    listeners: { stdline: log, errline: log }
  }).finally(() => ca?.remove())
  return code === 0
    ? { passed: true, detail: 'exit code 0' }
    : { passed: false, detail: `exit code ${code}` }
}
