import { availableParallelism } from 'node:os'
import { Transform, type TransformCallback } from 'node:stream'
import zlib from 'node:zlib'

/** zlib's zstd arrived in Node 22.15 / 23.8; the action runs on Node 24, the CLI may not. */
export function zstdAvailable(): boolean {
  return typeof (zlib as { createZstdCompress?: unknown }).createZstdCompress === 'function'
}

// gzip's output in large chunks: fewer, bigger writes through the pipeline (the default 16 KiB
// chunk costs measurable CPU at hundreds of MB/s).
const CHUNK = 256 * 1024

/** The uncompressed size of each zstd frame. */
const FRAME_BYTES = 1024 * 1024

/**
 * Frames compressed at once, each on a thread of libuv's pool (four threads unless
 * UV_THREADPOOL_SIZE says otherwise; one stays free for file and DNS work).
 */
const LANES = Math.max(1, Math.min(availableParallelism(), 3))

export function compressor(algorithm: 'zstd' | 'gzip', level: number): Transform {
  if (algorithm === 'gzip') return zlib.createGzip({ level, chunkSize: CHUNK })
  return new ZstdFrames(level)
}

/**
 * One zstd stream that compresses one whole frame at a time: each block is written with
 * ZSTD_e_end, which ends it as a frame, after which zstd starts the next frame on the same
 * context. Given the whole block in one call, zstd knows the frame's size and sizes its tables to
 * it; and the context (a few MB) is made once per lane, not once per frame.
 */
class FrameLane {
  private readonly stream: zlib.ZstdCompress
  private failed: ((error: unknown) => void) | undefined

  constructor(level: number, frameBytes: number) {
    const options: zlib.ZstdOptions & {
      writableHighWaterMark: number
      readableObjectMode: boolean
      readableHighWaterMark: number
    } = {
      // Output buffers of half a frame. zlib starts the next frame in what is left of an output
      // buffer, so a buffer lives until it is full: sized for a whole frame, one held about two
      // frames of a dump (which compresses about 2:1), long enough to outlive two scavenges.
      // It then waited in V8's old generation for the next full collection (garbage.ts), and
      // the mirror's peak RSS showed it: 127–128 MB against 118–120 MB with half-frame buffers
      // (`npm run bench:mirror`). A frame that compresses less takes one more trip through the
      // pool for each buffer it fills.
      chunkSize: Math.ceil(frameBytes / 2),
      writableHighWaterMark: 4 * frameBytes,
      // Every write is a whole frame: zstd ends it within the write.
      flush: zlib.constants.ZSTD_e_end,
      // The output chunks as zlib made them: a byte stream's read() joins all that is buffered
      // into one new Buffer, a copy of every compressed byte. A frame is a few chunks at most;
      // the mark is far above that, so the stream never waits for `compress` to read.
      readableObjectMode: true,
      readableHighWaterMark: 16,
      params: {
        [zlib.constants.ZSTD_c_compressionLevel]: level,
        [zlib.constants.ZSTD_c_checksumFlag]: 1
      }
    }
    this.stream = zlib.createZstdCompress(options)
    this.stream.on('error', (error) => this.failed?.(error))
  }

  /** The frame of `input`, as the chunks zlib produced. */
  compress(input: Buffer): Promise<Buffer[]> {
    return new Promise((resolve, reject) => {
      this.failed = reject
      // A failed write calls back with its error before the stream emits it: the frame is not
      // whole then, and what was read of it must not be passed on.
      this.stream.write(input, (error) => {
        if (error) return reject(error)
        const output: Buffer[] = []
        for (let chunk: Buffer | null; (chunk = this.stream.read() as Buffer | null) !== null;)
          output.push(chunk)
        resolve(output)
      })
    })
  }

  close(): void {
    this.stream.destroy()
  }
}

interface FrameJob {
  input: Buffer
  done: Promise<void>
  settled: boolean
  output: Buffer[]
  error?: unknown
}

/**
 * zstd as a series of independent frames of FRAME_BYTES each, up to `lanes` compressed at the
 * same time on libuv's thread pool, passed on in order. A zstd file may hold any number of
 * frames one after another, and decompressors read them as one stream (`zstd -d`, Node's
 * createZstdDecompress). One stream fed a chunk at a time keeps one core busy at most and pays a
 * round trip through the pool per chunk. Each frame carries its own content checksum.
 */
export class ZstdFrames extends Transform {
  private readonly frameBytes: number
  private readonly lanes: FrameLane[]
  // Input buffers come back when their frame is done, so there are never more than lanes + 1.
  private readonly spare: Buffer[] = []
  private block: Buffer
  private filled = 0
  private readonly jobs: FrameJob[] = []
  private frames = 0

  constructor(level: number, frameBytes = FRAME_BYTES, lanes = LANES) {
    super({ highWaterMark: 1024 * 1024 })
    this.frameBytes = frameBytes
    this.lanes = Array.from({ length: lanes }, () => new FrameLane(level, frameBytes))
    this.block = Buffer.allocUnsafeSlow(frameBytes)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.absorb(chunk).then(() => callback(), callback)
  }

  override _flush(callback: TransformCallback): void {
    this.finish().then(() => callback(), callback)
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    for (const lane of this.lanes) lane.close()
    callback(error)
  }

  private async absorb(chunk: Buffer): Promise<void> {
    let offset = 0
    while (offset < chunk.length) {
      const n = Math.min(chunk.length - offset, this.frameBytes - this.filled)
      chunk.copy(this.block, this.filled, offset, offset + n)
      this.filled += n
      offset += n
      if (this.filled === this.frameBytes) await this.start()
    }
    this.passFinished()
  }

  private async finish(): Promise<void> {
    // An empty input is still one (empty) frame: a valid zstd file.
    if (this.filled > 0 || this.frames === 0) await this.start()
    while (this.jobs.length > 0) await this.passOldest()
    // The lanes close in _destroy, which the stream calls itself once it has ended.
  }

  /**
   * Starts compressing the filled block once fewer than `lanes` frames are in flight. Frame k
   * goes to lane k % lanes, whose previous frame (k − lanes) is then the oldest, already passed.
   */
  private async start(): Promise<void> {
    while (this.jobs.length >= this.lanes.length) await this.passOldest()
    const input = this.block
    const lane = this.lanes[this.frames % this.lanes.length] as FrameLane
    const job: FrameJob = { input, done: Promise.resolve(), settled: false, output: [] }
    job.done = lane.compress(input.subarray(0, this.filled)).then(
      (output) => {
        job.output = output
        job.settled = true
      },
      (error: unknown) => {
        job.error = error
        job.settled = true
      }
    )
    this.jobs.push(job)
    this.frames++
    this.block = this.spare.pop() ?? Buffer.allocUnsafeSlow(this.frameBytes)
    this.filled = 0
  }

  /** Waits for the oldest frame and passes it on. */
  private async passOldest(): Promise<void> {
    await (this.jobs[0] as FrameJob).done
    this.pass()
  }

  /** Passes on the frames already done, in order, without waiting. */
  private passFinished(): void {
    while (this.jobs[0]?.settled) this.pass()
  }

  private pass(): void {
    const job = this.jobs.shift() as FrameJob
    if (job.error) throw job.error
    this.spare.push(job.input)
    for (const chunk of job.output) this.push(chunk)
  }
}
