import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readMirrorInputs } from '../../../src/inputs/mirror.js'
import { readDrillInputs } from '../../../src/inputs/restore.js'
import { fakeInputs } from '../helpers/inputs.js'
import { TEST_CA_PEM } from '../helpers/test-ca.js'

const drill = { instance: 'shop-db', 'db-user': 'app', 'db-password': 'pw-canary' }
const upload = { ...drill, 's3-uri': 's3://offsite/shop', encryption: 'none' }

let dir: string
let caFile: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'db-tls-test-'))
  caFile = path.join(dir, 'ca.pem')
  writeFileSync(caFile, `# the provider's CA\n${TEST_CA_PEM}`)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('db-tls and db-ca (verify and mirror read them alike)', () => {
  test.each([
    ['verify', (v: Record<string, string>) => readDrillInputs(fakeInputs({ ...drill, ...v }))],
    ['mirror', (v: Record<string, string>) => readMirrorInputs(fakeInputs({ ...upload, ...v }))]
  ] as const)('%s: the default is prefer, with no CA and no warning', (_mode, read) => {
    expect(read({})).toMatchObject({ dbTls: 'prefer', dbTlsWarnings: [] })
    expect(read({})).not.toHaveProperty('dbCa')
  })

  test.each(['disable', 'prefer', 'require', 'Require'])('%s needs no db-ca', (mode) => {
    const inputs = readDrillInputs(fakeInputs({ ...drill, 'db-tls': mode }))
    expect(inputs.dbTls).toBe(mode.toLowerCase())
    expect(inputs.dbCa).toBeUndefined()
  })

  test('off still works, as disable, with a deprecation warning', () => {
    const inputs = readDrillInputs(fakeInputs({ ...drill, 'db-tls': 'off' }))
    expect(inputs.dbTls).toBe('disable')
    expect(inputs.dbTlsWarnings).toEqual([expect.stringMatching(/off is deprecated.*disable/)])
  })

  test.each(['verify-ca', 'verify-full'])('%s takes db-ca as a file path', (mode) => {
    const inputs = readDrillInputs(fakeInputs({ ...drill, 'db-tls': mode, 'db-ca': caFile }))
    expect(inputs.dbTls).toBe(mode)
    // Only the certificate is kept (the comment line is not), and the label names the file.
    expect(inputs.dbCa).toEqual({
      pem: TEST_CA_PEM,
      label: `${caFile}: CN=unit test CA`
    })
  })

  test('db-ca as the PEM text itself; the label never holds the PEM', () => {
    const two = `${TEST_CA_PEM}${TEST_CA_PEM}`
    const inputs = readMirrorInputs(
      fakeInputs({ ...upload, 'db-tls': 'verify-full', 'db-ca': two })
    )
    expect(inputs).toMatchObject({ action: 'upload', dbTls: 'verify-full' })
    const { dbCa } = inputs as { dbCa: { pem: string; label: string } }
    expect(dbCa.label).toBe('PEM text: CN=unit test CA and 1 more')
    expect(dbCa.pem).toBe(two)
  })

  test.each<[Record<string, string>, RegExp]>([
    [
      { 'db-tls': 'maybe' },
      /^Input "db-tls": "maybe" is not allowed; use one of: disable, prefer, require, verify-ca, verify-full$/
    ],
    [{ 'db-tls': 'verify' }, /^Input "db-tls": "verify" is not allowed/],
    [{ 'db-tls': 'verify-full' }, /^Input "db-ca": is required with db-tls: verify-full: the CA/],
    [{ 'db-tls': 'verify-ca' }, /^Input "db-ca": is required with db-tls: verify-ca/],
    [
      { 'db-ca': TEST_CA_PEM },
      /^Input "db-ca": is used only with db-tls: verify-ca or verify-full, and db-tls is prefer/
    ],
    [
      { 'db-tls': 'require', 'db-ca': TEST_CA_PEM },
      /and db-tls is require: set db-tls: verify-full/
    ],
    [
      { 'db-tls': 'verify-full', 'db-ca': '/no/such/ca.pem' },
      /^Input "db-ca": cannot read \/no\/such\/ca.pem \(ENOENT\): give a PEM file path or the PEM text/
    ],
    [
      { 'db-tls': 'verify-full', 'db-ca': '-----BEGIN CERTIFICATE-----\nnot base64\n' },
      /^Input "db-ca": PEM text holds no PEM certificate/
    ],
    [
      {
        'db-tls': 'verify-full',
        'db-ca': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'
      },
      /^Input "db-ca": PEM text: certificate 1 is not a valid certificate$/
    ]
  ])('%j is refused', (values, message) => {
    expect(() => readDrillInputs(fakeInputs({ ...drill, ...values }))).toThrow(message)
    expect(() => readMirrorInputs(fakeInputs({ ...upload, ...values }))).toThrow(message)
  })

  test('a file that is not PEM, a directory and a huge file are refused by name', () => {
    const notPem = path.join(dir, 'ca.der')
    writeFileSync(notPem, Buffer.from([0x30, 0x82, 0x01, 0x86]))
    const huge = path.join(dir, 'huge.pem')
    writeFileSync(huge, Buffer.alloc(1024 * 1024 + 1, 0x41))
    const read = (ca: string) =>
      readDrillInputs(fakeInputs({ ...drill, 'db-tls': 'verify-ca', 'db-ca': ca }))
    expect(() => read(notPem)).toThrow(`Input "db-ca": ${notPem} holds no PEM certificate`)
    expect(() => read(dir)).toThrow(`Input "db-ca": cannot read ${dir} (EISDIR)`)
    expect(() => read(huge)).toThrow(`Input "db-ca": file ${huge} is 1048577 bytes`)
  })

  test('a private key is refused, masked, and not echoed', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nnot-a-real-key-canary\n-----END PRIVATE KEY-----'
    const source = fakeInputs({ ...drill, 'db-tls': 'verify-full', 'db-ca': key })
    let message = ''
    try {
      readDrillInputs(source)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe(
      'Input "db-ca": PEM text holds a private key: give the CA certificate only (-----BEGIN CERTIFICATE-----)'
    )
    expect(source.masked).toContain(key)
  })

  test('mirror-action: verify reads no db-tls (it connects to no database)', () => {
    const inputs = readMirrorInputs(
      fakeInputs({
        's3-uri': 's3://offsite/shop',
        'mirror-action': 'verify',
        'db-tls': 'verify-full'
      })
    )
    expect(inputs.action).toBe('verify')
  })
})
