import type { CommandContext } from '../../commands/context.js'
import { describeError } from '../../errors.js'
import { parseTempInstanceState, STATE_KEYS } from '../../cloud/leftovers.js'
import {
  deleteAndConfirm,
  findInstancesByName,
  isTempInstanceName
} from '../../cloud/temporary-instance.js'

/**
 * What the action's post step does, for a CLI run that was interrupted: verify's own handler
 * only asks for the delete (a runner has seconds), and a cloud refuses to delete an instance
 * still in BUILD. A terminal can wait, so confirm the temporary instance is gone — only one
 * recorded by this run, and only one carrying the drill marker.
 */
export async function cleanupAfterCancel(
  state: Map<string, string>,
  context: CommandContext
): Promise<void> {
  const temp = parseTempInstanceState(state.get(STATE_KEYS.tempInstance) ?? '')
  if (
    !temp ||
    state.get(STATE_KEYS.tempInstanceDone) === 'true' ||
    !isTempInstanceName(temp.name)
  ) {
    return
  }
  const log = context.logger
  try {
    const { trove } = context.cloud()
    const ids = temp.id ? [temp.id] : (await findInstancesByName(trove, temp.name)).map((i) => i.id)
    for (const id of ids) {
      log.warning(
        `Waiting until temporary instance ${temp.name} (${id}) is deleted (up to 15 min; if this ` +
          'process is killed, run `dbaas-backup sweep`)'
      )
      await deleteAndConfirm(trove, { id, name: temp.name }, 15 * 60_000, context)
      log.info(`Temporary instance ${temp.name} (${id}) is gone`)
    }
  } catch (error) {
    log.warning(
      `Could not delete temporary instance ${temp.name}: ${describeError(error)}. ` +
        'Delete it by hand or run `dbaas-backup sweep`.'
    )
  }
}
