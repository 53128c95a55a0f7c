import { formatElapsed, type TroveClient } from '../openstack/index.js'
import { isTempInstanceName } from './marker.js'
import { deleteAndConfirm, findInstancesByName, type WaitDeps } from './waits.js'

/**
 * What the main step leaves for the post step (core.saveState; the CLI keeps it in memory), as
 * JSON values under fixed keys. The clean-up after a cancelled run undoes only what these record.
 */
export const STATE_KEYS = {
  /** `{ "name": string, "id"?: string }` of a temporary instance that may exist. */
  tempInstance: 'temp-instance',
  /** `true` once the main step confirmed the temporary instance is gone (or kept it on purpose). */
  tempInstanceDone: 'temp-instance-done'
} as const

export interface TempInstanceState {
  name: string
  id?: string
}

/** How long a clean-up after cancellation waits for a delete to be confirmed. */
export const LEFTOVER_DELETE_TIMEOUT_MS = 15 * 60_000

export function parseTempInstanceState(raw: string): TempInstanceState | undefined {
  if (!raw) return undefined
  try {
    const value = JSON.parse(raw) as Partial<TempInstanceState>
    if (typeof value.name !== 'string' || value.name === '') return undefined
    return typeof value.id === 'string' ? { name: value.name, id: value.id } : { name: value.name }
  } catch {
    return undefined
  }
}

/** The temporary instance a run still owes a delete, from what it saved; undefined: nothing. */
export function pendingTempInstance(
  read: (key: string) => string | undefined
): TempInstanceState | undefined {
  if (read(STATE_KEYS.tempInstanceDone) === 'true') return undefined
  return parseTempInstanceState(read(STATE_KEYS.tempInstance) ?? '')
}

/**
 * Writes the state from the moment the name is chosen — before the create is sent, since a run
 * can be killed while the create is in flight — so a cancellation hook and the post step find it.
 */
export class TempInstanceRecord {
  name: string | undefined
  id: string | undefined
  done = false
  private readonly saveState: (key: string, value: string) => void

  constructor(saveState: (key: string, value: string) => void) {
    this.saveState = saveState
  }

  planned(name: string): void {
    this.name = name
    this.saveState(STATE_KEYS.tempInstance, JSON.stringify({ name }))
  }

  created(id: string): void {
    this.id = id
    this.saveState(STATE_KEYS.tempInstance, JSON.stringify({ name: this.name, id }))
  }

  /** Deleted and confirmed gone, or kept on purpose: the post step has nothing to do. */
  finished(): void {
    this.done = true
    this.saveState(STATE_KEYS.tempInstanceDone, 'true')
  }
}

/**
 * The instances a saved state may delete. Only a name with our marker is ever considered. A
 * recorded id is deleted only while the instance still carries the recorded name: a saved id
 * alone is no proof (state can be forged, and ids are shown to every project member). Without
 * an id (the run was stopped while the create was in flight) the marker name is looked up.
 */
export async function recordedInstances(
  trove: TroveClient,
  state: TempInstanceState,
  deps: Pick<WaitDeps, 'logger'>,
  prefix = ''
): Promise<{ id: string; name: string }[]> {
  if (!isTempInstanceName(state.name)) {
    deps.logger.warning(
      `${prefix}the saved instance name "${state.name}" is not one of ours; not touching it`
    )
    return []
  }
  if (!state.id) return findInstancesByName(trove, state.name)
  const current = await trove.findInstanceById(state.id)
  if (!current) return []
  if (current.name !== state.name) {
    deps.logger.warning(
      `${prefix}instance ${state.id} is named "${current.name}", not "${state.name}" as this run recorded; not touching it`
    )
    return []
  }
  return [{ id: current.id, name: current.name }]
}

/**
 * Deletes what a cancelled or killed run recorded and waits until it is gone (the post step; the
 * CLI after Ctrl-C). Idempotent: an instance that is already gone is fine. Throws when a delete
 * is refused or not confirmed in time; the caller says what to do then.
 */
export async function deleteLeftover(
  trove: TroveClient,
  state: TempInstanceState,
  deps: WaitDeps,
  prefix = ''
): Promise<void> {
  // "post: temporary instance …" in the post step; "Temporary instance …" in a terminal.
  const line = (text: string): string =>
    prefix ? `${prefix}${text}` : `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`
  const found = await recordedInstances(trove, state, deps, prefix)
  if (found.length === 0 && isTempInstanceName(state.name)) {
    deps.logger.info(line(`temporary instance ${state.name} is gone or was never created`))
  }
  for (const instance of found) {
    deps.logger.info(
      line(
        `deleting temporary instance ${instance.name} (${instance.id}) left by the main step; waiting up to ${formatElapsed(LEFTOVER_DELETE_TIMEOUT_MS)}`
      )
    )
    await deleteAndConfirm(trove, instance, LEFTOVER_DELETE_TIMEOUT_MS, deps)
    deps.logger.info(line(`temporary instance ${instance.name} (${instance.id}) is gone`))
  }
}
