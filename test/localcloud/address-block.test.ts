// Address blocks: two clouds at once never share one, and a crashed cloud's block is reused.

import { existsSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { claimAddressBlock } from './servers/address-block.ts'

// Three octets below every cloud's range (10-254), so no cloud starting meanwhile claims
// one of them.
const FIRST = 5
const LAST = 7
const lockOf = (octet: number) => path.join(os.tmpdir(), `localcloud-127.${octet}.lock`)

describe('claimAddressBlock', () => {
  test('claims held at once are all different; a released one is free again', () => {
    const held = [claimAddressBlock(FIRST, LAST)]
    try {
      held.push(claimAddressBlock(FIRST, LAST), claimAddressBlock(FIRST, LAST))
      expect(new Set(held.map((b) => b.octet))).toEqual(new Set([5, 6, 7]))
      expect(() => claimAddressBlock(FIRST, LAST)).toThrow(/no free address block 127\.5-7/)
      const [first] = held.splice(0, 1)
      first?.release()
      expect(existsSync(lockOf(first?.octet as number))).toBe(false)
      const again = claimAddressBlock(FIRST, LAST)
      held.push(again)
      expect(again.octet).toBe(first?.octet)
    } finally {
      for (const b of held) b.release()
    }
  })

  test('a lock whose process is gone is taken over', () => {
    const probe = claimAddressBlock(FIRST, LAST)
    probe.release()
    // pid 2^22 + 1 is above Linux's pid_max: no process has it.
    writeFileSync(lockOf(probe.octet), String(4_194_305))
    const block = claimAddressBlock(FIRST, LAST)
    try {
      expect(block.octet).toBe(probe.octet)
    } finally {
      block.release()
    }
  })
})
