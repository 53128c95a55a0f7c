import type { CommandContext } from './context.js'
import type { Mode } from '../inputs/mode.js'

export type Command = (context: CommandContext) => Promise<void>

/**
 * The modes built so far, loaded on demand: ncc splits each into its own chunk, so a report does
 * not pay for loading the database drivers that verify needs.
 */
export const COMMANDS: Record<Mode, Command> = {
  backup: async (c) => (await import('./backup/index.js')).backup(c),
  report: async (c) => (await import('./report/index.js')).report(c),
  verify: async (c) => (await import('./verify/index.js')).verify(c),
  restore: async (c) => (await import('./restore.js')).restore(c),
  sweep: async (c) => (await import('./sweep.js')).sweep(c),
  mirror: async (c) => (await import('./mirror/index.js')).mirror(c),
  list: async (c) => (await import('./list.js')).list(c)
}
