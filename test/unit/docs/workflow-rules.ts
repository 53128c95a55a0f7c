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
  // Restore and drill read the store and write to target-url: no instance, no cloud.
  if (mode === 'mirror' && ['restore', 'drill'].includes(String(inputs['mirror-action'])))
    return ['target-url']
  return REQUIRED[mode] ?? []
}

/** Whether a step talks to the cloud: a restore or drill of an off-site copy does not. */
export function needsCloud(inputs: Record<string, unknown>): boolean {
  if (inputs.mode === 'report' && inputs['report-files'] !== undefined) return false
  return !(
    inputs.mode === 'mirror' && ['restore', 'drill'].includes(String(inputs['mirror-action']))
  )
}
