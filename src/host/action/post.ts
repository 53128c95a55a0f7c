import * as runner from './runner.js'
import { deleteLeftover, pendingTempInstance } from '../../cloud/leftovers.js'
import { isTempInstanceName } from '../../cloud/marker.js'
import { describeError } from '../../errors.js'
import { createsTemporaryInstances } from '../../inputs/mode.js'
import { actionContext, actionInputSource } from './context.js'

/**
 * The post step (post-if: always()). When the main step was cancelled or killed before it could
 * confirm that its temporary instance is gone, delete it now. Undoes only what the main step
 * recorded, and only an instance carrying our marker and the recorded name. Idempotent: a gone
 * instance is fine.
 */
export async function post(): Promise<void> {
  // Only verify and mirror create temporary instances; any other mode has nothing to undo.
  if (!createsTemporaryInstances(actionInputSource())) {
    runner.debug('post: this mode creates no temporary instance; nothing to do')
    return
  }
  const state = pendingTempInstance((key) => runner.getState(key))
  if (!state) {
    runner.debug('post: nothing to clean up')
    return
  }
  if (!isTempInstanceName(state.name)) {
    runner.warning(
      `post: the saved instance name "${state.name}" is not one of ours; not touching it`
    )
    return
  }
  try {
    const context = actionContext([])
    await deleteLeftover(context.cloud().trove, state, context, 'post: ')
  } catch (error) {
    // A leaked instance costs money and holds a copy of production data: fail loudly.
    runner.setFailed(
      `post: could not delete temporary instance ${state.name}${state.id ? ` (${state.id})` : ''}: ${describeError(error)}. ` +
        'Delete it by hand or run the action with mode: sweep.'
    )
  }
}
