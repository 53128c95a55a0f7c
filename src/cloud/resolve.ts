import { InputError } from '../inputs/input-error.js'
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
  const names = all.map((i) => i.name).sort()
  const shown =
    names.slice(0, 30).join(', ') + (names.length > 30 ? `, … (${names.length} in all)` : '')
  throw new InputError(
    input,
    `no instance "${ref}" in this project; ${names.length > 0 ? `instances: ${shown}` : 'the project has no instances'}`
  )
}
