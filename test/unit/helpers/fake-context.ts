import type { Cloud } from '../../../src/cloud/connect.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { FakeClock, makeClient } from './fake-cloud.js'
import { fakeInputs } from './inputs.js'

export interface Recorded {
  context: CommandContext
  outputs: Record<string, string | number | boolean>
  warnings: { message: string; title?: string }[]
  summary: string[]
  logs: string[]
  groups: string[]
  /** How many times the command opened the cloud connection. */
  cloudCalls: () => number
  clock: FakeClock
  /** What the command saved for a post step. */
  state: Map<string, string>
  /** Runs the cancel hooks the command registered, as a host does on SIGINT/SIGTERM. */
  cancel: (signal?: string) => Promise<void>
}

/** A CommandContext that records everything; the cloud is the nock-mocked test cloud. */
export function fakeContext(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Recorded {
  const clock = new FakeClock()
  let cloud: Cloud | undefined
  let cloudCalls = 0
  const cancelHooks = new Set<(signal: string) => Promise<void>>()
  const recorded: Omit<Recorded, 'context'> = {
    outputs: {},
    warnings: [],
    summary: [],
    logs: [],
    groups: [],
    cloudCalls: () => cloudCalls,
    clock,
    state: new Map(),
    cancel: async (signal = 'SIGINT') => {
      for (const hook of [...cancelHooks]) await hook(signal)
    }
  }
  const source = fakeInputs(inputs, env)
  const context: CommandContext = {
    inputs: source,
    // The action's spelling: the unit tests assert the action's texts.
    spell: source.spell,
    logger: {
      debug: () => undefined,
      info: (m) => recorded.logs.push(m),
      warning: (m) => recorded.logs.push(`warning: ${m}`)
    },
    cloud: () => {
      cloudCalls++
      if (!cloud) {
        const { trove, session } = makeClient(clock)
        cloud = { trove, session }
      }
      return cloud
    },
    setOutput: (name, value) => void (recorded.outputs[name] = value),
    warn: (message, title) =>
      void recorded.warnings.push(title === undefined ? { message } : { message, title }),
    summary: (markdown) => void recorded.summary.push(markdown),
    saveState: (key, value) => void recorded.state.set(key, value),
    onCancel: (hook) => {
      cancelHooks.add(hook)
      return () => void cancelHooks.delete(hook)
    },
    group: async (name, fn) => {
      recorded.groups.push(name)
      return fn()
    },
    run: {
      repository: 'acme/shop',
      runId: '1',
      runAttempt: '1',
      runUrl: '',
      sha: '',
      ref: 'main',
      workflow: 'report'
    },
    now: clock.now,
    sleep: clock.sleep
  }
  return { context, ...recorded }
}
