// What a step of this action needs, for the checks of the example workflows and of the README.

/** Inputs a mode cannot run without; `a|b` means either. */
export const REQUIRED: Record<string, string[]> = {
  backup: ['instance'],
  verify: ['instance|backup-id', 'db-user', 'db-password'],
  restore: ['instance|backup-id', 'restore-name'],
  report: ['instance|instances|report-files'],
  mirror: ['instance'],
  sweep: [],
  list: []
}

/** The needs of one step's `with:`; using a stored copy needs the store, not the instance. */
export function needsOf(inputs: Record<string, unknown>): string[] {
  const mode = String(inputs.mode)
  if (mode === 'mirror' && inputs['mirror-action'] === 'verify') return []
  // A restore into a new instance needs the login to create on it (and the cloud).
  if (inputs['mirror-action'] === 'restore' && inputs.target === 'new-instance')
    return ['db-user', 'db-password']
  // Restore and drill read the store and write to target-url: no instance, no cloud.
  if (mode === 'mirror' && ['restore', 'drill'].includes(String(inputs['mirror-action'])))
    return ['target-url']
  return REQUIRED[mode] ?? []
}

/**
 * The `run:` scripts that paste a `${{ … }}` expression into the shell. The runner substitutes
 * expressions before the shell starts, so an output or a name holding `"; curl …` would run as a
 * command (template injection); values belong in `env:` and reach the script as variables.
 */
export function runScriptsWithExpressions(steps: { run?: unknown }[]): string[] {
  return steps
    .map((s) => s.run)
    .filter((run): run is string => typeof run === 'string' && run.includes('${{'))
}

/**
 * The GITHUB_TOKEN permissions a step needs beyond `contents: read`: notify: issue writes
 * issues, the verified-drill gate reads the runs of the drill workflow.
 */
export function permissionsOf(inputs: Record<string, unknown>): Record<string, 'read' | 'write'> {
  const needs: Record<string, 'read' | 'write'> = {}
  if (inputs.notify === 'issue') needs.issues = 'write'
  if (inputs['require-verified-within'] !== undefined) needs.actions = 'read'
  return needs
}

/** Whether a step talks to the cloud: a restore (but into a new instance) or drill of an off-site copy does not. */
export function needsCloud(inputs: Record<string, unknown>): boolean {
  if (inputs.mode === 'report' && inputs['report-files'] !== undefined) return false
  if (inputs.target === 'new-instance') return true
  return !(
    inputs.mode === 'mirror' && ['restore', 'drill'].includes(String(inputs['mirror-action']))
  )
}
