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
}

/** A CommandContext that records everything; the cloud is the nock-mocked test cloud. */
export function fakeContext(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Recorded {
  const clock = new FakeClock()
  let cloud: Cloud | undefined
  let cloudCalls = 0
  const recorded: Omit<Recorded, 'context'> = {
    outputs: {},
    warnings: [],
    summary: [],
    logs: [],
    groups: [],
    cloudCalls: () => cloudCalls,
    clock
  }
  const context: CommandContext = {
    inputs: fakeInputs(inputs, env),
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
    saveState: () => undefined,
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
