import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import type { DbTarget, TlsMode } from '../../../src/database/types.js'
import { TEST_CA_PEM } from '../helpers/test-ca.js'

// The drivers are replaced by recorders: what matters here is the TLS configuration each one
// is handed, and how a refusal comes back. The real handshakes run in test/e2e (verify mode).
const pgConfigs: Record<string, unknown>[] = []
let pgFailures: Error[] = []
jest.unstable_mockModule('pg', () => {
  class Client {
    constructor(config: Record<string, unknown>) {
      pgConfigs.push(config)
    }
    on(): void {}
    async connect(): Promise<void> {
      const failure = pgFailures.shift()
      if (failure) throw failure
    }
    async end(): Promise<void> {}
  }
  return { default: { Client } }
})
const mysqlConfigs: Record<string, unknown>[] = []
let mysqlFailures: Error[] = []
jest.unstable_mockModule('mysql2/promise', () => ({
  createConnection: async (config: Record<string, unknown>) => {
    mysqlConfigs.push(config)
    const failure = mysqlFailures.shift()
    if (failure) throw failure
    return { on() {}, query: async () => [[], []], end: async () => {}, destroy() {} }
  }
}))

const { pgConnector } = await import('../../../src/database/pg-connection.js')
const { mariadbConnector } = await import('../../../src/database/mariadb-connection.js')
const { TlsChoice } = await import('../../../src/database/session.js')
const { unverifiedWarning } = await import('../../../src/database/tls.js')

const open = { connectTimeoutMs: 1000, statementTimeoutMs: 1000 }
const ca = { pem: TEST_CA_PEM, label: 'ca.pem: CN=unit test CA' }

function target(engine: DbTarget['engine'], tls: TlsMode): DbTarget {
  return {
    engine,
    host: '10.0.0.5',
    port: engine === 'postgresql' ? 5432 : 3306,
    user: 'app',
    password: 'pw',
    databases: [],
    tls,
    ...((tls === 'verify-ca' || tls === 'verify-full') && { ca })
  }
}

/** A TLS error as Node raises it. */
function tlsError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code })
}

beforeEach(() => {
  pgConfigs.length = 0
  mysqlConfigs.length = 0
  pgFailures = []
  mysqlFailures = []
})

describe('the TLS options each driver receives', () => {
  test.each<[TlsMode, unknown]>([
    ['disable', false],
    ['prefer', { rejectUnauthorized: false }],
    ['require', { rejectUnauthorized: false }],
    ['verify-full', { ca: TEST_CA_PEM, rejectUnauthorized: true }]
  ])('pg, %s', async (mode, ssl) => {
    await pgConnector(target('postgresql', mode)).open(open)
    expect(pgConfigs).toEqual([expect.objectContaining({ host: '10.0.0.5', ssl })])
  })

  test('pg, verify-ca: the chain is checked against db-ca alone, the host name is not', async () => {
    await pgConnector(target('postgresql', 'verify-ca')).open(open)
    const ssl = pgConfigs[0]?.ssl as Record<string, unknown>
    expect(ssl).toEqual({
      ca: TEST_CA_PEM,
      rejectUnauthorized: true,
      checkServerIdentity: expect.any(Function)
    })
    expect((ssl.checkServerIdentity as () => unknown)()).toBeUndefined()
  })

  test.each<[TlsMode, unknown]>([
    ['prefer', { rejectUnauthorized: false }],
    ['require', { rejectUnauthorized: false }],
    ['verify-ca', { ca: TEST_CA_PEM, rejectUnauthorized: true, verifyIdentity: false }],
    ['verify-full', { ca: TEST_CA_PEM, rejectUnauthorized: true, verifyIdentity: true }]
  ])('mysql2, %s', async (mode, ssl) => {
    await mariadbConnector(target('mariadb', mode)).open(open)
    expect(mysqlConfigs).toEqual([expect.objectContaining({ host: '10.0.0.5', ssl })])
  })

  test('mysql2, disable: no ssl option at all', async () => {
    await mariadbConnector(target('mariadb', 'disable')).open(open)
    expect(mysqlConfigs[0]).not.toHaveProperty('ssl')
  })
})

describe('falling back to plain', () => {
  const noTlsPg = () => new Error('The server does not support SSL connections')
  const noTlsMaria = () =>
    Object.assign(new Error('Server does not support secure connection'), {
      code: 'HANDSHAKE_NO_SSL_SUPPORT'
    })

  test('prefer: plain once the server says it has no TLS, then plain for later sessions', async () => {
    pgFailures = [noTlsPg()]
    const connector = pgConnector(target('postgresql', 'prefer'))
    await connector.open(open)
    await connector.open(open)
    expect(pgConfigs.map((c) => c.ssl)).toEqual([{ rejectUnauthorized: false }, false, false])
    expect(connector.tlsState()).toBe('no TLS (the server does not offer it)')
  })

  test.each<TlsMode>(['require', 'verify-ca', 'verify-full'])(
    '%s never goes plain, and says which setting needs TLS',
    async (mode) => {
      pgFailures = [noTlsPg()]
      mysqlFailures = [noTlsMaria()]
      await expect(pgConnector(target('postgresql', mode)).open(open)).rejects.toThrow(
        `The server does not support SSL connections: the server at 10.0.0.5 offers no TLS, which db-tls: ${mode} needs`
      )
      await expect(mariadbConnector(target('mariadb', mode)).open(open)).rejects.toThrow(
        `Server does not support secure connection: the server at 10.0.0.5 offers no TLS, which db-tls: ${mode} needs`
      )
      expect(pgConfigs).toHaveLength(1)
      expect(mysqlConfigs).toHaveLength(1)
    }
  )

  test('prefer does not go plain after a certificate or login failure', async () => {
    pgFailures = [new Error('password authentication failed for user "app"')]
    await expect(pgConnector(target('postgresql', 'prefer')).open(open)).rejects.toThrow(
      /^password authentication failed/
    )
    expect(pgConfigs).toHaveLength(1)
  })
})

describe('certificate failures name db-ca and db-tls', () => {
  test.each(['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'])(
    'a chain that does not reach db-ca (%s)',
    async (code) => {
      pgFailures = [tlsError('unable to verify the first certificate', code)]
      mysqlFailures = [tlsError('unable to verify the first certificate', code)]
      const message =
        `the certificate of 10.0.0.5 is not signed by db-ca (ca.pem: CN=unit test CA): ` +
        `unable to verify the first certificate (${code}). db-ca must hold the CA certificate ` +
        `that signed the instance's certificate (db-tls: verify-full)`
      await expect(pgConnector(target('postgresql', 'verify-full')).open(open)).rejects.toThrow(
        message
      )
      await expect(mariadbConnector(target('mariadb', 'verify-full')).open(open)).rejects.toThrow(
        message
      )
    }
  )

  test('a certificate for another address under verify-full', async () => {
    pgFailures = [
      tlsError(
        "Hostname/IP does not match certificate's altnames: IP: 10.0.0.5 is not in the cert's list: 10.0.0.9",
        'ERR_TLS_CERT_ALTNAME_INVALID'
      )
    ]
    await expect(pgConnector(target('postgresql', 'verify-full')).open(open)).rejects.toThrow(
      /^the certificate of 10\.0\.0\.5 chains to db-ca but is not for this address: .*db-tls: verify-full needs a certificate naming 10\.0\.0\.5; db-tls: verify-ca checks the chain only$/
    )
  })

  test('other errors pass through as the driver said them', async () => {
    mysqlFailures = [Object.assign(new Error('Access denied'), { code: 'ER_ACCESS_DENIED_ERROR' })]
    await expect(mariadbConnector(target('mariadb', 'verify-full')).open(open)).rejects.toThrow(
      /^Access denied$/
    )
  })
})

describe('what the connect check reports', () => {
  test.each<[TlsMode, string]>([
    ['disable', 'TLS off'],
    ['prefer', 'TLS, certificate not verified'],
    ['require', 'TLS, certificate not verified'],
    ['verify-ca', 'TLS, certificate verified (chain to db-ca; host name not checked)'],
    ['verify-full', 'TLS, certificate verified (chain to db-ca and host name)']
  ])('%s → %s', (mode, state) => {
    expect(new TlsChoice(mode).state()).toBe(state)
  })
})

describe('production connections that are not verified', () => {
  test.each<TlsMode>(['disable', 'prefer', 'require'])(
    '%s warns, naming the inputs to set',
    (mode) => {
      expect(
        unverifiedWarning(mode, 'mirror source: live dumps the production instance shop')
      ).toBe(
        `mirror source: live dumps the production instance shop with db-tls: ${mode}, which does not verify the server's certificate: ` +
          'set db-tls: verify-full and db-ca (the CA certificate your cloud provider publishes for its database instances)'
      )
    }
  )

  test.each<TlsMode>(['verify-ca', 'verify-full'])('%s does not warn', (mode) => {
    expect(unverifiedWarning(mode, 'x')).toBeUndefined()
  })
})
