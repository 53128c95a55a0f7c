import { describe, expect, test } from '@jest/globals'
import {
  type DrillCopyInputs,
  readMirrorInputs,
  type RestoreCopyInputs
} from '../../../src/inputs/mirror.js'
import { readAgeIdentities, readTargetUrl } from '../../../src/inputs/target-url.js'
import { fakeInputs } from '../helpers/inputs.js'

const IDENTITY = 'AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX'

describe('target-url', () => {
  test('PostgreSQL: host, default port, user, decoded password (masked both ways), database', () => {
    const source = fakeInputs({
      'target-url': 'postgresql://rest%40rer:p%2Fw%3Dcanary@db.example.com/shop_copy'
    })
    expect(readTargetUrl(source)).toEqual({
      kind: 'url',
      engine: 'postgresql',
      host: 'db.example.com',
      port: 5432,
      user: 'rest@rer',
      password: 'p/w=canary',
      database: 'shop_copy'
    })
    expect(source.masked).toEqual(expect.arrayContaining(['p/w=canary', 'p%2Fw%3Dcanary']))
  })

  test.each([
    ['mysql://u:p@10.0.0.5', 'mariadb', 3306, ''],
    ['mariadb://u:p@10.0.0.5:3307/shop', 'mariadb', 3307, 'shop'],
    ['postgres://u@[::1]:6543/', 'postgresql', 6543, '']
  ])('%s', (url, engine, port, database) => {
    expect(readTargetUrl(fakeInputs({ 'target-url': url }))).toMatchObject({
      engine,
      port,
      database
    })
  })

  test.each([
    ['', /is required/],
    ['db.example.com', /is not a URL|scheme/],
    ['http://u:p@db/x', /use postgresql:\/\//],
    ['postgresql://db/x', /names no user/],
    ['postgresql://u:p@db/x?sslmode=require', /db-tls and db-ca/],
    ['postgresql://u:p@db/a/b', /letters, digits/],
    ['postgresql://u:p@db/%zz', /broken %-escape/]
  ])('%j is refused, and the message never repeats it', (url, message) => {
    const run = () => readTargetUrl(fakeInputs({ 'target-url': url }))
    expect(run).toThrow(message)
    try {
      run()
    } catch (error) {
      if (url) expect((error as Error).message).not.toContain(url)
    }
  })
})

describe('age-identity', () => {
  test('a key file as age-keygen writes it: comments skipped, every key masked', () => {
    const source = fakeInputs({
      'age-identity': `# created: 2026-12-01T00:00:00Z\n# public key: age1xyz\n${IDENTITY}\n`
    })
    expect(readAgeIdentities(source)).toEqual([IDENTITY])
    expect(source.masked).toContain(IDENTITY)
  })

  test('a public key or a broken key is refused without echoing it', () => {
    const pub = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'
    expect(() => readAgeIdentities(fakeInputs({ 'age-identity': pub }))).toThrow(
      /holds a public key/
    )
    const broken = 'AGE-SECRET-KEY-1CANARYQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'
    const source = fakeInputs({ 'age-identity': broken })
    expect(() => readAgeIdentities(source)).toThrow(/is not an age secret key/)
    expect(source.masked).toContain(broken)
    try {
      readAgeIdentities(source)
    } catch (error) {
      expect((error as Error).message).not.toContain('CANARY')
    }
  })
})

describe('mirror-action restore and drill', () => {
  const base = {
    'mirror-action': 'restore',
    's3-uri': 's3://offsite/db',
    'target-url': 'postgresql://u:pw-canary@db.example.com/shop_copy',
    'age-identity': IDENTITY
  }

  test('restore reads the target, the identities and overwrite (default false)', () => {
    const inputs = readMirrorInputs(fakeInputs(base)) as RestoreCopyInputs
    expect(inputs).toMatchObject({
      action: 'restore',
      objectKey: '',
      identities: [IDENTITY],
      overwrite: false,
      dbTls: 'prefer',
      target: { host: 'db.example.com', database: 'shop_copy' }
    })
  })

  test('drill adds the checks and the freshness limit', () => {
    const inputs = readMirrorInputs(
      fakeInputs({
        ...base,
        'mirror-action': 'drill',
        'max-age': '2d',
        grace: '1h',
        'row-count-tolerance': '2'
      })
    ) as DrillCopyInputs
    expect(inputs).toMatchObject({
      action: 'drill',
      maxAgeMs: 2 * 86_400_000,
      graceMs: 3_600_000,
      tolerancePercent: 2
    })
  })

  test('the secrets are masked before another input is refused', () => {
    const source = fakeInputs({ ...base, 's3-uri': 'nope' })
    expect(() => readMirrorInputs(source)).toThrow(/Input "s3-uri"/)
    expect(source.masked).toEqual(expect.arrayContaining(['pw-canary', IDENTITY]))
  })
})
