// Filesystem helpers shared by the servers: directories for a server that runs as its
// own system user (fs.mkdtemp makes 0700 dirs as root), and an artifact integrity check.

import { chmod, chown, lstat, mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import { systemUser } from './proc.ts'

/**
 * Lets every user enter `dir` and its ancestors (adds search permission, o+x, only
 * where it is missing; nothing becomes readable), so a server user can reach its files.
 */
export async function makeReachable(dir: string): Promise<void> {
  let d = path.resolve(dir)
  for (;;) {
    const st = await stat(d)
    if ((st.mode & 0o001) === 0) await chmod(d, (st.mode & 0o7777) | 0o001)
    const parent = path.dirname(d)
    if (parent === d) return
    d = parent
  }
}

/** chown -R to a system user (lchown semantics: symlinks are not followed). */
export async function chownTree(target: string, userName: string): Promise<void> {
  const u = systemUser(userName)
  const walk = async (p: string): Promise<void> => {
    const st = await lstat(p)
    if (st.isSymbolicLink()) return
    await chown(p, u.uid, u.gid)
    if (st.isDirectory()) {
      for (const name of await readdir(p)) await walk(path.join(p, name))
    }
  }
  await walk(target)
}

/** mkdir -p owned by `userName` with `mode` (servers insist on 0700 data dirs). */
export async function mkdirFor(dir: string, userName: string, mode = 0o700): Promise<void> {
  const u = systemUser(userName)
  await mkdir(dir, { recursive: true })
  await chown(dir, u.uid, u.gid)
  await chmod(dir, mode)
}

export async function removeTree(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 })
}

/** Fails with a clear message when the artifact is not an intact gzip stream (e.g. corrupted). */
export async function checkGzip(file: string): Promise<void> {
  const sink = new Writable({ write: (_c, _e, cb) => cb() })
  try {
    await pipeline(createReadStream(file), createGunzip(), sink)
  } catch (err) {
    const why = (err as Error).message
    throw new Error(`backup artifact ${path.basename(file)} is damaged: ${why}`, { cause: err })
  }
}
