import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { inflateSync } from 'node:zlib'
import { AgeError, decryptStream } from '../../../src/storage/decrypt.js'

// The age project's test vectors (see test/fixtures/age-testkit/README.md): every vector our
// implementation can apply must give the expected outcome, and the plaintext released before a
// failure must be exactly the good part.
const DIR = path.resolve(import.meta.dirname, '../../fixtures/age-testkit')

interface Vector {
  name: string
  fields: [string, string][]
  file: Buffer
}

/** `key: value` lines, an empty line, then the age file (zlib-compressed if the header says so). */
function parseVector(name: string, raw: Buffer): Vector {
  const end = raw.indexOf('\n\n')
  if (end < 0) throw new Error(`${name}: no blank line after the vector's header`)
  const fields = raw
    .toString('utf8', 0, end)
    .split('\n')
    .map((line): [string, string] => {
      const colon = line.indexOf(': ')
      if (colon < 0) throw new Error(`${name}: malformed header line ${line}`)
      return [line.slice(0, colon), line.slice(colon + 2)]
    })
  let file = raw.subarray(end + 2)
  const compressed = fields.find(([k]) => k === 'compressed')?.[1]
  if (compressed === 'zlib') file = inflateSync(file)
  else if (compressed !== undefined) throw new Error(`${name}: unknown compression ${compressed}`)
  return { name, fields, file }
}

const values = (v: Vector, key: string) => v.fields.filter(([k]) => k === key).map(([, x]) => x)

const vectors = readdirSync(DIR)
  .filter((name) => !name.endsWith('.md') && !name.startsWith('.'))
  .sort()
  .map((name) => parseVector(name, readFileSync(path.join(DIR, name))))

const OUTCOME: Record<string, string> = {
  header: 'header failure',
  'no match': 'no match',
  hmac: 'HMAC failure',
  payload: 'payload failure'
}

/** Feeds the file in small uneven pieces, so every parser boundary is crossed. */
function pieces(file: Buffer): Readable {
  const out: Buffer[] = []
  for (let at = 0, step = 7; at < file.length; at += step, step = (step * 5) % 70_001 || 1)
    out.push(file.subarray(at, at + step))
  return Readable.from(out, { objectMode: false })
}

describe('age testkit vectors', () => {
  test('the fixtures are there (a missing folder must not pass silently)', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(60)
    expect(new Set(vectors.map((v) => values(v, 'expect')[0])).size).toBeGreaterThanOrEqual(4)
  })

  test.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    expect(values(vector, 'armored')).toEqual([])
    // Hybrid (post-quantum) identities are a recipient type we do not implement; the X25519 ones
    // alone must give the expected outcome.
    const identities = values(vector, 'identity').filter((i) => i.startsWith('AGE-SECRET-KEY-1'))
    expect(identities.length).toBeGreaterThan(0)
    const hash = createHash('sha256')
    let outcome = 'success'
    try {
      const plain = await decryptStream(pieces(vector.file), identities)
      for await (const chunk of plain) hash.update(chunk as Buffer)
    } catch (error) {
      if (!(error instanceof AgeError)) throw error
      outcome = OUTCOME[error.kind] as string
    }
    expect(outcome).toBe(values(vector, 'expect')[0])
    const payload = values(vector, 'payload')[0]
    if (outcome === 'success' || outcome === 'payload failure')
      expect(hash.digest('hex')).toBe(payload)
  })
})
