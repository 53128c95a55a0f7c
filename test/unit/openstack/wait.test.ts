import { describe, expect, test } from '@jest/globals'
import { type Logger, waitFor, WaitError } from '../../../src/openstack/index.js'
import { FakeClock } from '../helpers/fake-cloud.js'

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: () => undefined,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`)
  }
}

function sequence(statuses: string[]): () => Promise<string> {
  let i = 0
  return async () => statuses[Math.min(i++, statuses.length - 1)] as string
}

const base = {
  describe: (s: string) => s,
  isDone: (s: string) => s === 'COMPLETED',
  failure: (s: string) => (s === 'FAILED' ? 'ended in FAILED' : undefined)
}

describe('waitFor', () => {
  test('logs each status change with elapsed time and returns the elapsed time', async () => {
    const clock = new FakeClock()
    const log = recorder()
    const result = await waitFor({
      ...base,
      what: 'backup b1',
      poll: sequence(['NEW', 'BUILDING', 'BUILDING', 'COMPLETED']),
      timeoutMs: 600_000,
      logger: log,
      sleep: clock.sleep,
      now: clock.now
    })
    expect(result.value).toBe('COMPLETED')
    expect(log.lines).toEqual([
      'backup b1: NEW (after 0s)',
      'backup b1: BUILDING (after 2s)',
      'backup b1: COMPLETED (after 10s)'
    ])
    expect(result.elapsedMs).toBe(9500)
  })

  test('polls fast first, then slower, up to the cap', async () => {
    const clock = new FakeClock()
    const statuses = Array.from({ length: 12 }, () => 'BUILDING').concat('COMPLETED')
    await waitFor({
      ...base,
      what: 'x',
      poll: sequence(statuses),
      timeoutMs: 3_600_000,
      logger: recorder(),
      sleep: clock.sleep,
      now: clock.now,
      initialIntervalMs: 1000,
      maxIntervalMs: 10_000
    })
    expect(clock.sleeps.slice(0, 4)).toEqual([1000, 1500, 2250, 3375])
    expect(Math.max(...clock.sleeps)).toBe(10_000)
  })

  test('stops at once on a failure status, with the message', async () => {
    const clock = new FakeClock()
    const poll = sequence(['BUILDING', 'FAILED', 'COMPLETED'])
    await expect(
      waitFor({
        ...base,
        what: 'backup b1',
        poll,
        timeoutMs: 600_000,
        logger: recorder(),
        sleep: clock.sleep,
        now: clock.now
      })
    ).rejects.toThrow('backup b1 ended in FAILED (after 2s)')
  })

  test('gives up at the deadline, never sleeping past it', async () => {
    const clock = new FakeClock()
    const error = await waitFor({
      ...base,
      what: 'instance i1',
      poll: sequence(['BUILD']),
      timeoutMs: 10_000,
      logger: recorder(),
      sleep: clock.sleep,
      now: clock.now
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WaitError)
    expect((error as WaitError).reason).toBe('timeout')
    expect((error as Error).message).toBe(
      'instance i1 is still BUILD after 10s: gave up at the timeout of 10s'
    )
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(10_000)
  })

  test("a wait given what is left of a step's timeout names the step's timeout", async () => {
    const clock = new FakeClock()
    const error = await waitFor({
      ...base,
      what: 'backup b1',
      poll: sequence(['BUILDING']),
      timeoutMs: 8_600,
      stepTimeoutMs: 10_000,
      logger: recorder(),
      sleep: clock.sleep,
      now: clock.now
    }).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      'backup b1 is still BUILDING after 9s: gave up at the timeout of 10s'
    )
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(8_600)
  })

  test('prints a heartbeat while the status does not change', async () => {
    const clock = new FakeClock()
    const log = recorder()
    const statuses = Array.from({ length: 20 }, () => 'BUILDING').concat('COMPLETED')
    await waitFor({
      ...base,
      what: 'b',
      poll: sequence(statuses),
      timeoutMs: 3_600_000,
      logger: log,
      sleep: clock.sleep,
      now: clock.now,
      heartbeatMs: 60_000
    })
    expect(log.lines.some((l) => /^b: still BUILDING after \dm\d\ds$/.test(l))).toBe(true)
  })
})
