import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** How much of the stored copy passes between two collections of the young generation. */
export const COLLECT_EVERY_BYTES = 2 * 1024 * 1024

/** Every how many collections one is a full one. */
export const FULL_EVERY = 8

export type Collection = 'minor' | 'major'
type Collect = (type: Collection) => void

/**
 * Garbage collections at a steady pace while a copy streams through the process.
 *
 * A copy crosses the process as Buffers that each live for milliseconds: the download or the
 * dump, the cipher's output, the decompressor's or compressor's output, the upload's parts. V8
 * frees dead Buffers in a collection, and starts one by itself only once Buffer memory has
 * grown by about 64 MB since the last. At a copy's pace that 64 MB of dead Buffers was the
 * largest part of the process: a 1 GB restore peaked at 150–165 MB, and at 115–125 MB with a
 * collection every 2 MiB of the stored copy, in the same time (`npm run bench:restore`).
 *
 * Most of those Buffers die young, and a collection of the young generation (a scavenge) frees
 * them for a fraction of a full collection's work: with a full collection every 2 MiB, V8's
 * helper threads spent about 6 s of CPU on a 1 GB mirror, against 0.5 s with scavenges. The
 * few that outlive two scavenges (a chunk waiting in a queue) are old by then: every
 * FULL_EVERY-th collection is a full one, for them.
 *
 * V8 offers the collection only behind its `--expose-gc` flag, and the runner starts an action
 * with no flags: so the flag is set here, once, and V8 installs the function in the fresh
 * context made after it.
 *
 * The same place turns V8's incremental marking off. A copy keeps a small old generation
 * (about 12 MB) beside a young generation grown to its full size, and V8 began marking the old
 * generation again right after each full collection: a 1 GB mirror made about 100 full
 * collections of V8's own, ~2 s of CPU on its helper threads (`node --trace-gc` and
 * `--trace-incremental-marking` show them; /proc/PID/task/TID/stat, the CPU per thread). With
 * incremental marking off, V8 collects the old generation only once it reaches its limit, and
 * the paced full collections keep it below: the mirror took 8.7–8.9 s instead of 10.1–10.3 s.
 */
export class GarbagePacer {
  private sinceCollection = 0
  private collections = 0
  private readonly every: number
  private readonly collect: Collect

  constructor(every = COLLECT_EVERY_BYTES, collect: Collect = collector()) {
    this.every = every
    this.collect = collect
  }

  /** Counts bytes that passed; collects once `every` bytes have passed since the last time. */
  passed(bytes: number): void {
    this.sinceCollection += bytes
    if (this.sinceCollection < this.every) return
    this.sinceCollection = 0
    this.collections++
    this.collect(this.collections % FULL_EVERY === 0 ? 'major' : 'minor')
  }
}

let exposed: Collect | undefined

function collector(): Collect {
  if (!exposed) {
    setFlagsFromString('--expose-gc')
    setFlagsFromString('--no-incremental-marking')
    const gc = runInNewContext('gc') as (options: { type: Collection; execution: 'sync' }) => void
    exposed = (type) => gc({ type, execution: 'sync' })
  }
  return exposed
}
