import * as core from '@actions/core'
import { actionContext } from './context.js'
import { describeError } from '../../errors.js'
import { parseTempInstanceState, STATE_KEYS } from '../../cloud/leftovers.js'
import {
  deleteAndConfirm,
  findInstancesByName,
  isTempInstanceName
} from '../../cloud/temporary-instance.js'

/**
 * The post step (post-if: always()). When the main step was cancelled or killed before it could
 * confirm that its temporary instance is gone, delete it now. Undoes only what the main step
 * recorded, and only an instance carrying our marker. Idempotent: a gone instance is fine.
 */
export async function post(): Promise<void> {
  const state = parseTempInstanceState(core.getState(STATE_KEYS.tempInstance))
  if (!state || core.getState(STATE_KEYS.tempInstanceDone) === 'true') {
    core.debug('post: nothing to clean up')
    return
  }
  if (!isTempInstanceName(state.name)) {
    core.warning(
      `post: the saved instance name "${state.name}" is not one of ours; not touching it`
    )
    return
  }
  try {
    const context = actionContext([])
    const { trove } = context.cloud()
    const ids = state.id
      ? [state.id]
      : (await findInstancesByName(trove, state.name)).map((i) => i.id)
    if (ids.length === 0) {
      core.info(`post: temporary instance ${state.name} was never created`)
      return
    }
    for (const id of ids) {
      core.info(`post: deleting temporary instance ${state.name} (${id}) left by the main step`)
      await deleteAndConfirm(trove, { id, name: state.name }, 15 * 60_000, context)
      core.info(`post: temporary instance ${state.name} (${id}) is gone`)
    }
  } catch (error) {
    // A leaked instance costs money and holds a copy of production data: fail loudly.
    core.setFailed(
      `post: could not delete temporary instance ${state.name}${state.id ? ` (${state.id})` : ''}: ${describeError(error)}. ` +
        'Delete it by hand or run the action with mode: sweep.'
    )
  }
}
