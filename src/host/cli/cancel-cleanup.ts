import { deleteLeftover, pendingTempInstance } from '../../cloud/leftovers.js'
import { isTempInstanceName } from '../../cloud/marker.js'
import type { CommandContext } from '../../commands/context.js'
import { describeError } from '../../errors.js'

/**
 * What the action's post step does, for a CLI run that was interrupted: the mode's own hook
 * only asks for the delete (a runner has seconds), and a cloud refuses to delete an instance
 * still in BUILD. A terminal can wait, so confirm the temporary instance is gone — only one
 * recorded by this run, carrying the drill marker and the recorded name.
 */
export async function cleanupAfterCancel(
  state: Map<string, string>,
  context: CommandContext
): Promise<void> {
  const temp = pendingTempInstance((key) => state.get(key))
  if (!temp || !isTempInstanceName(temp.name)) return
  try {
    context.logger.warning(
      `Confirming that temporary instance ${temp.name} is deleted (if this process is killed, run \`dbaas-backup sweep\`)`
    )
    await deleteLeftover(context.cloud().trove, temp, context)
  } catch (error) {
    context.logger.warning(
      `Could not delete temporary instance ${temp.name}: ${describeError(error)}. ` +
        'Delete it by hand or run `dbaas-backup sweep`.'
    )
  }
}
