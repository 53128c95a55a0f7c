import * as core from '@actions/core'

/** The post step: nothing to undo yet. */
export async function post(): Promise<void> {
  core.debug('post: no state saved')
}
