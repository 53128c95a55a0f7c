import zlib from 'node:zlib'
import type { Transform } from 'node:stream'

/** zlib's zstd arrived in Node 22.15 / 23.8; the action runs on Node 24, the CLI may not. */
export function zstdAvailable(): boolean {
  return typeof (zlib as { createZstdCompress?: unknown }).createZstdCompress === 'function'
}

// Large zlib chunks mean fewer, bigger writes through the pipeline (the default 16 KiB chunk
// costs measurable CPU at hundreds of MB/s).
const CHUNK = 256 * 1024

export function compressor(algorithm: 'zstd' | 'gzip', level: number): Transform {
  if (algorithm === 'gzip') return zlib.createGzip({ level, chunkSize: CHUNK })
  return zlib.createZstdCompress({
    chunkSize: CHUNK,
    params: {
      [zlib.constants.ZSTD_c_compressionLevel]: level,
      [zlib.constants.ZSTD_c_checksumFlag]: 1
    }
  })
}
