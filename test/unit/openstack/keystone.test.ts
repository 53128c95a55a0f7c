import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import {
  authRequestBody,
  type Credentials,
  findEndpoint,
  issueToken,
  readToken,
  troveBaseUrl
} from '../../../src/openstack/index.js'
import { FakeClock, makeClient, PROJECT, tokenBody } from '../helpers/fake-cloud.js'

describe('authRequestBody', () => {
  test.each<[string, Credentials, object]>([
    [
      'application credential by id, without scope',
      { method: 'application_credential', id: 'ac', secret: 's' },
      {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { id: 'ac', secret: 's' }
          }
        }
      }
    ],
    [
      'application credential by name, with its user',
      {
        method: 'application_credential',
        name: 'deploy',
        secret: 's',
        user: { name: 'alice', domain: { name: 'Default' } }
      },
      {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: {
              name: 'deploy',
              secret: 's',
              user: { name: 'alice', domain: { name: 'Default' } }
            }
          }
        }
      }
    ],
    [
      'password, user and project by id',
      { method: 'password', user: { id: 'u1' }, password: 'pw', project: { id: 'p1' } },
      {
        auth: {
          identity: { methods: ['password'], password: { user: { id: 'u1', password: 'pw' } } },
          scope: { project: { id: 'p1' } }
        }
      }
    ],
    [
      'password, names with domains',
      {
        method: 'password',
        user: { name: 'alice', domain: { name: 'Default' } },
        password: 'pw',
        project: { name: 'project_2001234', domain: { id: 'default' } }
      },
      {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'alice', domain: { name: 'Default' }, password: 'pw' } }
          },
          scope: { project: { name: 'project_2001234', domain: { id: 'default' } } }
        }
      }
    ]
  ])('%s', (_name, credentials, expected) => {
    expect(authRequestBody(credentials)).toEqual(expected)
  })
})

describe('issueToken', () => {
  test('reads the token from X-Subject-Token and the catalog from the body', async () => {
    nock('https://keystone.test:5000')
      .post(
        '/v3/auth/tokens',
        (body) =>
          body.auth.identity.application_credential.id === 'ac-id' && body.auth.scope === undefined
      )
      .reply(201, tokenBody(), { 'X-Subject-Token': 'secret-token' })
    const { httpClient } = makeClient()
    const token = await issueToken(httpClient, 'https://keystone.test:5000/v3/', {
      method: 'application_credential',
      id: 'ac-id',
      secret: 'x'
    })
    expect(token.value).toBe('secret-token')
    expect(token.projectId).toBe(PROJECT)
    expect(token.expiresAt.toISOString()).toBe('2026-11-25T13:00:00.000Z')
    expect(token.catalog.map((s) => s.type)).toEqual(['database', 'identity'])
  })

  test('bad credentials: a 401 that says so', async () => {
    nock('https://keystone.test:5000')
      .post('/v3/auth/tokens')
      .reply(401, {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.'
        }
      })
    const { httpClient } = makeClient()
    await expect(
      issueToken(httpClient, 'https://keystone.test:5000/v3', {
        method: 'application_credential',
        id: 'a',
        secret: 'b'
      })
    ).rejects.toThrow(
      /Keystone: authenticate: POST .* answered 401 error: The request you have made requires authentication/
    )
  })

  test('retries the token request after a 503 (issuing a token changes nothing)', async () => {
    nock('https://keystone.test:5000')
      .post('/v3/auth/tokens')
      .reply(503, 'down')
      .post('/v3/auth/tokens')
      .reply(201, tokenBody(), { 'X-Subject-Token': 't' })
    const { httpClient } = makeClient(new FakeClock())
    await expect(
      issueToken(httpClient, 'https://keystone.test:5000/v3', {
        method: 'application_credential',
        id: 'a',
        secret: 'b'
      })
    ).resolves.toBeDefined()
  })

  test('a missing X-Subject-Token is a clear error', async () => {
    nock('https://keystone.test:5000').post('/v3/auth/tokens').reply(201, tokenBody())
    const { httpClient } = makeClient()
    await expect(
      issueToken(httpClient, 'https://keystone.test:5000/v3', {
        method: 'application_credential',
        id: 'a',
        secret: 'b'
      })
    ).rejects.toThrow(/X-Subject-Token/)
  })

  test('an unscoped token is refused with advice', () => {
    expect(() => readToken({ token: { expires_at: '2026-11-25T13:00:00Z' } }, 't')).toThrow(
      /not scoped to a project/
    )
  })
})

describe('findEndpoint', () => {
  const catalog = readToken(tokenBody(), 't').catalog
  test('matches type, interface and region', () => {
    expect(findEndpoint(catalog, 'database', 'public', 'pukki_dbaas')).toBe(
      `https://trove.test:8779/v1.0/${PROJECT}`
    )
    expect(findEndpoint(catalog, 'database', 'internal', undefined)).toBe(
      'http://internal.test/v1.0/x'
    )
  })
  test('a wrong region lists what the catalog offers', () => {
    expect(() => findEndpoint(catalog, 'database', 'public', 'regionOne')).toThrow(
      'no public endpoint for service type "database" in region "regionOne"; the catalog offers: public@pukki_dbaas, internal@pukki_dbaas'
    )
  })
  test('a catalog without the service says so', () => {
    expect(() => findEndpoint(catalog, 'object-store', 'public', undefined)).toThrow(
      /no "object-store" service at all/
    )
  })
})

describe('troveBaseUrl', () => {
  test.each([
    [`https://t:8779/v1.0/${PROJECT}`, `https://t:8779/v1.0/${PROJECT}`],
    [`https://t:8779/v1.0/${PROJECT}/`, `https://t:8779/v1.0/${PROJECT}`],
    ['https://t:8779/v1.0', `https://t:8779/v1.0/${PROJECT}`],
    ['https://t:8779', `https://t:8779/v1.0/${PROJECT}`]
  ])('%s', (endpoint, expected) => {
    expect(troveBaseUrl(endpoint, PROJECT)).toBe(expected)
  })
})
