import { expect, test } from '@jest/globals'
import { mapPool } from '../../../../src/commands/report/pool.js'

test('never has more than the limit in flight and keeps the input order', async () => {
  let inFlight = 0
  let peak = 0
  const result = await mapPool([5, 1, 4, 2, 3, 0, 2], 3, async (n) => {
    inFlight++
    peak = Math.max(peak, inFlight)
    await new Promise((r) => setTimeout(r, n * 2))
    inFlight--
    return n * 10
  })
  expect(result).toEqual([50, 10, 40, 20, 30, 0, 20])
  expect(peak).toBe(3)
})

test('an empty list makes no call; the first failure rejects', async () => {
  await expect(mapPool([], 4, async () => 1)).resolves.toEqual([])
  await expect(
    mapPool([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('boom')
      return n
    })
  ).rejects.toThrow('boom')
})
