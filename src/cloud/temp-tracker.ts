import type { CommandContext } from '../commands/context.js'
import type { TroveClient } from '../openstack/index.js'
import { STATE_KEYS } from './leftovers.js'

/**
 * Remembers the temporary instance from the moment its name is chosen — before the create is
 * sent, since a run can be killed while the create is in flight — so the finally block, a
 * cancellation signal and the post step can all find and delete it.
 */
export class TempInstanceTracker {
  name: string | undefined
  id: string | undefined
  done = false
  private readonly context: CommandContext

  constructor(context: CommandContext) {
    this.context = context
  }

  planned(name: string): void {
    this.name = name
    this.context.saveState(STATE_KEYS.tempInstance, JSON.stringify({ name }))
  }

  created(id: string): void {
    this.id = id
    this.context.saveState(STATE_KEYS.tempInstance, JSON.stringify({ name: this.name, id }))
  }

  /** Deleted and confirmed gone, or kept on purpose: the post step has nothing to do. */
  finished(): void {
    this.done = true
    this.context.saveState(STATE_KEYS.tempInstanceDone, 'true')
  }

  /**
   * On cancellation: ask for the delete at once (there are only seconds before the runner kills
   * us); the post step confirms it is gone.
   */
  async deleteNow(trove: TroveClient): Promise<void> {
    if (this.done || !this.name) return
    const ids = this.id
      ? [this.id]
      : (await trove.listInstances()).filter((i) => i.name === this.name).map((i) => i.id)
    for (const id of ids) {
      try {
        await trove.deleteInstance(id)
        this.context.logger.warning(
          `Cancelled: asked to delete temporary instance ${this.name} (${id}); the post step confirms it`
        )
      } catch (error) {
        this.context.logger.warning(
          `Cancelled: could not delete ${this.name} (${id}) yet: ${(error as Error).message}`
        )
      }
    }
  }
}
