import { InputError } from '../errors.js'

/**
 * What a child process gets from the runner's environment: what a shell and the database
 * clients need to run, and nothing else — the cloud's credentials (`OS_*`), the object store's
 * (`AWS_*`), this action's inputs (`INPUT_*`, `DBAAS_BACKUP_*`) and GitHub's tokens stay out.
 */
const BASE_NAMES = ['PATH', 'HOME', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'RUNNER_TEMP', 'TERM']
const BASE_PREFIXES = ['LC_']

/** Names a user may never pass on: credentials and tokens of the cloud, the store and GitHub. */
const NEVER = /^(OS_|AWS_|INPUT_|DBAAS_BACKUP_|ACTIONS_)|^GITHUB_TOKEN$/i
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Checks the extra names of `command-env` (an input error names the input and the rule). */
export function checkToolEnvNames(names: readonly string[]): void {
  for (const name of names) {
    if (!NAME.test(name))
      throw new InputError('command-env', `"${name}" is not an environment variable name`)
    if (NEVER.test(name))
      throw new InputError(
        'command-env',
        `"${name}" is never passed on: OS_*, AWS_*, INPUT_*, DBAAS_BACKUP_*, ACTIONS_* and GITHUB_TOKEN hold credentials`
      )
  }
}

/** The allow-listed part of `env`, plus the `extra` names a user listed (if set). */
export function toolEnv(
  env: NodeJS.ProcessEnv,
  extra: readonly string[] = []
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue
    const allowed =
      BASE_NAMES.includes(name) ||
      BASE_PREFIXES.some((p) => name.startsWith(p)) ||
      (extra.includes(name) && !NEVER.test(name))
    if (allowed) out[name] = value
  }
  return out
}
