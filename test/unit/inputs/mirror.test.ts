import { describe, expect, test } from '@jest/globals'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readMirrorInputs, type UploadInputs } from '../../../src/inputs/mirror.js'
import { parseSize } from '../../../src/format/bytes.js'
import { fakeInputs } from '../helpers/inputs.js'

const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'
const good = {
  instance: 'shop-db',
  'db-user': 'app',
  'db-password': 'pw-canary',
  's3-uri': 's3://offsite/db',
  encryption: 'none'
}

describe('readMirrorInputs', () => {
  test('defaults: restored source, zstd level 3, 8 MiB parts, Swift’s 1000-part cap, no retention', () => {
    const inputs = readMirrorInputs(fakeInputs(good)) as UploadInputs
    expect(inputs).toMatchObject({
      action: 'upload',
      source: 'restored',
      compression: 'zstd',
      compressionLevel: 3,
      partSize: 8 * 1024 * 1024,
      maxParts: 1000,
      concurrency: 4,
      recipients: [],
      retention: {},
      location: { bucket: 'offsite', prefix: 'db/' },
      s3: { region: 'us-east-1', forcePathStyle: false, endpoint: '' }
    })
    expect(inputs.bandwidthLimit).toBeUndefined()
    expect(inputs.s3.credentials).toBeUndefined()
  })

  test('keys from inputs are masked; path-style by default with an endpoint', () => {
    const source = fakeInputs({
      ...good,
      's3-endpoint': 'https://a3s.fi',
      's3-access-key-id': 'AKIDCANARY',
      's3-secret-access-key': 'secret-canary',
      'age-recipients': RECIPIENT,
      encryption: 'age',
      'bandwidth-limit': '50MB/s',
      'keep-last': '4',
      'keep-days': '30'
    })
    const inputs = readMirrorInputs(source) as UploadInputs
    expect(source.masked).toEqual(
      expect.arrayContaining(['pw-canary', 'AKIDCANARY', 'secret-canary'])
    )
    expect(inputs.s3).toMatchObject({
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDCANARY' }
    })
    expect(inputs.recipients).toEqual([RECIPIENT])
    expect(inputs.bandwidthLimit).toBe(50_000_000)
    expect(inputs.retention).toEqual({ keepLast: 4, keepDays: 30 })
  })

  test('the region comes from AWS_REGION when not given', () => {
    const inputs = readMirrorInputs(fakeInputs(good, { AWS_REGION: 'eu-north-1' }))
    expect(inputs.s3.region).toBe('eu-north-1')
  })

  test.each([
    [{ 's3-uri': '' }, /Input "s3-uri": is required/],
    [{ 's3-uri': 'gs://x/y' }, /Input "s3-uri"/],
    [{ 's3-endpoint': 'http://store:8080' }, /Input "s3-endpoint": .*must be https/],
    [{ 's3-access-key-id': 'AKID' }, /Input "s3-secret-access-key"/],
    [{ source: 'replica' }, /Input "source"/],
    [{ source: 'live', instance: '' }, /Input "instance"/],
    [{ 'db-password': '' }, /Input "db-password"/],
    [{ compression: 'xz' }, /Input "compression"/],
    [{ 'compression-level': '22' }, /Input "compression-level"/],
    [{ compression: 'gzip', 'compression-level': '12' }, /Input "compression-level".*1 to 9/],
    [{ 'age-recipients': 'age1notakey' }, /Input "age-recipients"/],
    [
      { encryption: '' },
      /Input "age-recipients": is empty, so the off-site copy would be stored unencrypted.*encryption: none/
    ],
    [{ encryption: 'rot13' }, /Input "encryption": "rot13" is not allowed; use age or none/],
    [{ 'age-recipients': RECIPIENT }, /Input "encryption": is none, but age-recipients names keys/],
    [
      { 'age-recipients': `${RECIPIENT}\n${RECIPIENT}` },
      /Input "age-recipients": names age1\S+ twice/
    ],
    [{ 's3-uri': 's3://offsite/copies?versionId=1' }, /Input "s3-uri": .* has a \? or #/],
    [{ 'keep-days': '1e-9' }, /Input "keep-days": "1e-9" is not a whole number of days/],
    [{ 'keep-days': '0x10' }, /Input "keep-days": "0x10" is not a whole number of days/],
    [{ 'upload-concurrency': '1e1' }, /Input "upload-concurrency": "1e1" is not a whole number/],
    [{ 'part-size': '4MiB' }, /Input "part-size"/],
    [{ 'part-size': 'big' }, /Input "part-size"/],
    [{ 'max-parts': '0' }, /Input "max-parts"/],
    [{ 'upload-concurrency': '100' }, /Input "upload-concurrency"/],
    [{ 'bandwidth-limit': '1KB' }, /Input "bandwidth-limit"/],
    [{ 'keep-last': '0' }, /Input "keep-last"/],
    [{ 'keep-days': '-1' }, /Input "keep-days"/],
    [{ 'mirror-action': 'download' }, /Input "mirror-action"/],
    [{ 'keep-daily': '-1' }, /Input "keep-daily": "-1" is not a whole number from 0 to 100000/],
    [{ 'keep-weekly': '1.5' }, /Input "keep-weekly": "1.5" is not a whole number/],
    [{ 'keep-monthly': '1e2' }, /Input "keep-monthly": "1e2" is not a whole number/],
    [{ 'keep-daily': '7d' }, /Input "keep-daily"/],
    [{ 'keep-weekly': '100001' }, /Input "keep-weekly"/],
    [{ 'exclude-tables': '--help' }, /Input "exclude-tables": "--help" is not a table/],
    [{ 'exclude-tables': 'public.*' }, /Input "exclude-tables": "public.\*" is not/],
    [{ 'exclude-tables': '"Orders"' }, /Input "exclude-tables"/],
    [{ 'exclude-tables': 'a.b.c' }, /Input "exclude-tables"/],
    [{ 'exclude-tables': 'logs;rm' }, /Input "exclude-tables"/],
    [{ 'exclude-tables': 'logs logs' }, /Input "exclude-tables": names logs twice/],
    [{ schemas: '-n' }, /Input "schemas": "-n" is not a plain name/],
    [{ schemas: 'app.x' }, /Input "schemas"/],
    [{ schemas: "it's" }, /Input "schemas"/],
    [{ databases: 'host=evil' }, /Input "databases": "host=evil" is not a plain name/],
    [{ databases: '--all-databases' }, /Input "databases"/],
    [{ databases: 'x'.repeat(64) }, /Input "databases": .* at most 63 characters/]
  ])('rejects %o', (extra, message) => {
    expect(() => readMirrorInputs(fakeInputs({ ...good, ...extra }))).toThrow(message)
  })

  test('tiered retention: whole numbers, 0 turns a tier off', () => {
    const inputs = readMirrorInputs(
      fakeInputs({ ...good, 'keep-daily': '7', 'keep-weekly': '0', 'keep-monthly': '12' })
    ) as UploadInputs
    expect(inputs.retention).toEqual({ keepDaily: 7, keepMonthly: 12 })
  })

  test('what is dumped: plain names, one list per input', () => {
    const inputs = readMirrorInputs(
      fakeInputs({
        ...good,
        databases: 'shop',
        schemas: 'app, Billing',
        'exclude-tables': 'audit_log\napp.sessions, app.big$tmp'
      })
    ) as UploadInputs
    expect(inputs).toMatchObject({
      databases: ['shop'],
      schemas: ['app', 'Billing'],
      excludeTables: ['audit_log', 'app.sessions', 'app.big$tmp']
    })
  })

  test('an age secret key in age-recipients is masked and never echoed', () => {
    const secret = 'AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX'
    const source = fakeInputs({ ...good, 'age-recipients': secret })
    expect(() => readMirrorInputs(source)).toThrow(/secret key/)
    expect(() => readMirrorInputs(source)).not.toThrow(new RegExp(secret))
    expect(source.masked).toContain(secret)
  })

  test('verify needs only the store (and an object key under the prefix)', () => {
    expect(
      readMirrorInputs(fakeInputs({ 'mirror-action': 'verify', 's3-uri': 's3://offsite/db' }))
    ).toMatchObject({
      action: 'verify',
      objectKey: ''
    })
    expect(() =>
      readMirrorInputs(
        fakeInputs({
          'mirror-action': 'verify',
          's3-uri': 's3://offsite/db',
          'object-key': 'other/x'
        })
      )
    ).toThrow(/Input "object-key"/)
  })
})

describe('parseSize', () => {
  test.each([
    ['16MiB', 16 * 1024 * 1024],
    ['64MB', 64_000_000],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['8388608', 8_388_608],
    ['50MB/s', 50_000_000],
    ['10 kib', 10_240]
  ])('%s', (text, bytes) => expect(parseSize(text)).toBe(bytes))

  test.each(['', 'MB', '5 parsecs', '-1MB'])('rejects %s', (text) =>
    expect(parseSize(text)).toBeUndefined()
  )
})

describe('mirror-action: drill, evidence-path', () => {
  const drill = {
    's3-uri': 's3://offsite/db',
    'mirror-action': 'drill',
    'target-url': 'postgresql://drill:pw@127.0.0.1:5432/drill_shop'
  }

  test('is read for the drill, and left to the default when not given', () => {
    const file = path.join(tmpdir(), 'drill-evidence', 'copy.json')
    expect(readMirrorInputs(fakeInputs({ ...drill, 'evidence-path': file }))).toMatchObject({
      action: 'drill',
      evidencePath: file
    })
    expect(readMirrorInputs(fakeInputs(drill))).not.toHaveProperty('evidencePath')
  })

  test('a folder is refused before anything runs', () => {
    expect(() => readMirrorInputs(fakeInputs({ ...drill, 'evidence-path': tmpdir() }))).toThrow(
      /Input "evidence-path": ".*" is a directory; name the evidence JSON file/
    )
  })
})

describe('mirror-action: restore, target: new-instance', () => {
  const restore = {
    's3-uri': 's3://offsite/db',
    'mirror-action': 'restore',
    target: 'new-instance',
    'db-user': 'app',
    'db-password': 'pw-canary',
    'allowed-cidrs': '203.0.113.7/32'
  }

  test('reads the new instance: its login (password masked), name and sizes', () => {
    const source = fakeInputs({
      ...restore,
      'restore-name': 'shop-db-dr',
      flavor: 'standard.large',
      'volume-size': '20',
      'datastore-version': '15'
    })
    expect(readMirrorInputs(source)).toMatchObject({
      action: 'restore',
      target: {
        kind: 'new-instance',
        restoreName: 'shop-db-dr',
        dbUser: 'app',
        dbPassword: 'pw-canary',
        flavor: 'standard.large',
        volumeSizeGb: 20,
        datastoreVersion: '15',
        allowedCidrs: ['203.0.113.7/32']
      }
    })
    expect(source.masked).toContain('pw-canary')
  })

  test('url stays the default: target-url is then required', () => {
    expect(() => readMirrorInputs(fakeInputs({ ...restore, target: '' }))).toThrow(
      /Input "target-url": is required/
    )
  })

  test.each([
    [{ target: 'cloud' }, /Input "target": "cloud" is not allowed; use one of: url, new-instance/],
    [
      { 'target-url': 'postgresql://u:url-secret@db.example.com/x' },
      /Input "target": is new-instance, but target-url is also given/
    ],
    [{ 'mirror-action': 'drill' }, /Input "target": new-instance is for mirror-action: restore/],
    [{ 'db-user': '' }, /Input "db-user": is required with target: new-instance/],
    [{ 'db-password': '' }, /Input "db-password": is required/],
    [{ 'restore-name': 'a\nb' }, /Input "restore-name": holds a control character/],
    [{ 'volume-size': '0' }, /Input "volume-size"/],
    [{ 'allowed-cidrs': '0.0.0.0/0' }, /Input "allowed-cidrs"/]
  ])('%p is refused, naming the input', (override: Record<string, string>, message) => {
    const source = fakeInputs({ ...restore, ...override })
    expect(() => readMirrorInputs(source)).toThrow(message)
    // The password is masked before any refusal could print it; so is a target-url given too.
    if (override['db-password'] !== '') expect(source.masked).toContain('pw-canary')
    if ('target-url' in override) expect(source.masked).toContain(override['target-url'])
  })
})
