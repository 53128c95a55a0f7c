// Each cloud process hands its instances addresses 127.<A>.x.y, and <A> must be its own:
// two clouds running at once (jest runs test files side by side) with the same <A> would
// start two servers on one address and port, and one would fail. A block is claimed with a
// lock file under the system's temp dir that names the claiming process (link(2) fails
// when it exists); a lock whose process is gone is stale and taken over. The lock goes with the
// cloud's clean-up (release) or, after a crash, with the next claim that finds it stale.
// (A lock file is linked into place whole, so it always names its owner.)

import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface AddressBlock {
  /** the second octet, <A> in 127.<A>.x.y */
  octet: number
  release(): void
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid a lock names, or undefined when the lock is gone. */
function ownerOf(lock: string): number | undefined {
  try {
    return Number(readFileSync(lock, 'utf8').trim())
  } catch {
    return undefined
  }
}

/** Claims a free octet in [first, last], starting from one picked by this process's pid. */
export function claimAddressBlock(first: number, last: number): AddressBlock {
  const count = last - first + 1
  const dir = os.tmpdir()
  for (let i = 0; i < count; i++) {
    const octet = first + ((process.pid + i) % count)
    const lock = path.join(dir, `localcloud-127.${octet}.lock`)
    for (let attempt = 0; attempt < 2; attempt++) {
      // Written first, then linked into place: a lock never exists without its owner's pid.
      const mine = `${lock}.${process.pid}`
      writeFileSync(mine, String(process.pid))
      try {
        linkSync(mine, lock)
        return { octet, release: () => rmSync(lock, { force: true }) }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
        const owner = ownerOf(lock)
        if (owner === undefined) continue // released meanwhile: try to claim it again
        // Another live cloud holds it: try the next octet.
        if (Number.isInteger(owner) && owner > 0 && alive(owner)) break
        rmSync(lock, { force: true })
      } finally {
        rmSync(mine, { force: true })
      }
    }
  }
  throw new Error(`no free address block 127.${first}-${last}.x.y: every one is claimed`)
}
