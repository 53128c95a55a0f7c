import { InputError } from '../errors.js'
import type { ReportTarget } from '../inputs/report.js'
import { type Instance, type TroveClient, UUID_PATTERN } from '../openstack/index.js'

/**
 * An instance named by id or by name. A UUID is looked up directly; a name is matched against
 * every instance of the project (all pages). Unknown or ambiguous names list what exists.
 */
export async function resolveInstance(
  trove: TroveClient,
  ref: string,
  input = 'instance'
): Promise<Instance> {
  if (UUID_PATTERN.test(ref)) {
    const found = await trove.findInstanceById(ref)
    if (found) return found
  }
  const all = await trove.listInstances()
  const matches = all.filter((i) => i.name === ref || i.id === ref)
  if (matches.length === 1) return matches[0] as Instance
  if (matches.length > 1) {
    throw new InputError(
      input,
      `"${ref}" names ${matches.length} instances (${matches.map((i) => i.id).join(', ')}); use the id instead`
    )
  }
  throw new InputError(input, `no instance "${ref}" in this project; ${instancesHint(all)}`)
}

export interface Targets {
  instances: Instance[]
  /** How many instances the project has, when it was listed. */
  projectInstances?: number
}

/**
 * The instances a report covers, in a stable order. A list is matched against one listing of
 * the project: ids and names exactly, `*` and `?` as globs over names. Every entry must match.
 */
export async function resolveTargets(trove: TroveClient, target: ReportTarget): Promise<Targets> {
  if (target.kind === 'one') {
    return { instances: [await resolveInstance(trove, target.ref, 'instance')] }
  }
  const all = await trove.listInstances()
  if (target.kind === 'all') return { instances: byName(all), projectInstances: all.length }
  const chosen = new Map<string, Instance>()
  for (const ref of target.refs) {
    for (const instance of match(all, ref)) chosen.set(instance.id, instance)
  }
  return { instances: byName([...chosen.values()]), projectInstances: all.length }
}

function match(all: Instance[], ref: string): Instance[] {
  if (/[*?]/.test(ref)) {
    const pattern = globToRegExp(ref)
    const found = all.filter((i) => pattern.test(i.name))
    if (found.length === 0) throw new InputError('instances', `"${ref}" ${known(all)}`)
    return found
  }
  const byId = all.filter((i) => i.id === ref)
  if (byId.length > 0) return byId
  const byName = all.filter((i) => i.name === ref)
  if (byName.length > 1) {
    throw new InputError(
      'instances',
      `"${ref}" names ${byName.length} instances (${byName.map((i) => i.id).join(', ')}); use the id instead`
    )
  }
  if (byName.length === 0) throw new InputError('instances', `"${ref}" ${known(all)}`)
  return byName
}

function known(all: Instance[]): string {
  return `matches no instance; ${instancesHint(all)}`
}

/** What exists, for an error about a reference that matched nothing. */
function instancesHint(all: Instance[]): string {
  if (all.length === 0) return 'the project has no instances'
  const names = all.map((i) => i.name).sort()
  return `instances: ${names.slice(0, 30).join(', ')}${names.length > 30 ? `, … (${names.length} in all)` : ''}`
}

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${body}$`)
}

/** Code-point order: stable across runners, and no ICU collator to load (it costs ~10 ms). */
function byName(instances: Instance[]): Instance[] {
  const key = (i: Instance): string => `${i.name}\u0000${i.id}`
  return [...instances].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
