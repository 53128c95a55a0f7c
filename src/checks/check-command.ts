import * as actionsExec from '@actions/exec'
import type { Verdict } from './recorder.js'
import { caFile, isVerified } from '../database/tls.js'
import type { DbTarget } from '../database/types.js'

/** The shape of @actions/exec's `exec` that we use; tests pass their own. */
export type ExecFn = (
  commandLine: string,
  args: string[],
  options: { env: Record<string, string>; ignoreReturnCode: boolean }
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

/**
 * What a `run:` step would not get: this action's inputs (INPUT_*, e.g. the cloud's application
 * credential secret) and the runtime tokens GitHub hands to actions only.
 */
const NOT_INHERITED =
  /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_RUNTIME_URL|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_CACHE_URL|ACTIONS_RESULTS_URL)$/i

/** The runner's environment as a `run:` step sees it. */
export function inheritedEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (e): e is [string, string] => e[1] !== undefined && !NOT_INHERITED.test(e[0])
    )
  )
}

/** Runs the user's command with bash; a non-zero exit code fails the check. */
export async function checkCommand(
  command: string,
  target: DbTarget,
  database: string | undefined,
  exec: ExecFn = actionsExec.exec
): Promise<Verdict> {
  const ca = isVerified(target.tls) && target.ca ? caFile(target.ca) : undefined
  const env = { ...inheritedEnv(), ...commandEnv(target, database, ca?.path) }
  const code = await exec('bash', ['-c', command], { env, ignoreReturnCode: true }).finally(() =>
    ca?.remove()
  )
  return code === 0
    ? { passed: true, detail: 'exit code 0' }
    : { passed: false, detail: `exit code ${code}` }
}
