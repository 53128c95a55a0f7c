/** S3's limits on multipart parts (AWS; Swift's s3api has the same minimum). */
export const MIN_PART_BYTES = 5 * 1024 * 1024
export const MAX_PART_BYTES = 5 * 1024 * 1024 * 1024

/**
 * The size of part `index` (0-based) of a stream whose length is not known in advance.
 *
 * The first half of the allowed parts use `base`; after that the size doubles every tenth of the
 * allowed parts. A dump of the expected size never leaves the first half, so memory stays at
 * `base × (concurrency + 1)`; a much larger one still fits under `maxParts` instead of failing at
 * the store's part limit (1,000 on Swift) hours into the upload.
 */
export function partSizeFor(index: number, base: number, maxParts: number): number {
  const half = Math.floor(maxParts / 2)
  if (index < half) return base
  const step = Math.max(1, Math.floor(maxParts / 10))
  const tier = Math.floor((index - half) / step) + 1
  return Math.min(base * 2 ** tier, MAX_PART_BYTES)
}

/** How many bytes fit in `maxParts` parts with the growth of `partSizeFor`. */
export function capacityBytes(base: number, maxParts: number): number {
  let total = 0
  for (let i = 0; i < maxParts; i++) total += partSizeFor(i, base, maxParts)
  return total
}

/**
 * The base part size: the requested one, raised only when twice the expected size (a hint, e.g.
 * the volume size) would not fit in `maxParts` parts even with the growth of `partSizeFor`.
 * Rounded up to a whole MiB.
 */
export function choosePartSize(requested: number, maxParts: number, expectedBytes = 0): number {
  // What one byte of base holds over all parts (the sum of the growth factors).
  let factor = 0
  for (let i = 0; i < maxParts; i++) factor += partSizeFor(i, 1, maxParts)
  const needed = Math.ceil((2 * expectedBytes) / factor)
  const size = Math.max(requested, needed, MIN_PART_BYTES)
  const mib = 1024 * 1024
  return Math.min(Math.ceil(size / mib) * mib, MAX_PART_BYTES)
}

/**
 * How many parts may be in flight while parts of `partBytes` are sent: `concurrency` parts of
 * the base size, i.e. the same bytes in memory when parts have grown (at least one).
 */
export function partsInFlight(concurrency: number, base: number, partBytes: number): number {
  return Math.min(
    concurrency,
    Math.max(1, Math.floor((concurrency * base) / Math.max(1, partBytes)))
  )
}
