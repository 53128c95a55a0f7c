import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import {
  appCredConfig,
  FakeClock,
  instanceJson,
  makeClient,
  mockKeystone,
  TROVE,
  TROVE_BASE
} from '../helpers/fake-cloud.js'

describe('OpenStackSession', () => {
  test('authenticates once and reuses the token for every call', async () => {
    const keystone = mockKeystone(['tok-1'])
    nock(TROVE, { reqheaders: { 'x-auth-token': 'tok-1' } })
      .get(`${TROVE_BASE}/instances/a`)
      .times(3)
      .reply(200, { instance: instanceJson('a') })
    const { trove } = makeClient()
    for (let i = 0; i < 3; i++) await trove.getInstance('a')
    expect(keystone.isDone()).toBe(true)
  })

  test('concurrent first calls share one authentication', async () => {
    mockKeystone(['tok-1'])
    nock(TROVE)
      .get(`${TROVE_BASE}/instances/a`)
      .times(3)
      .reply(200, { instance: instanceJson('a') })
    const { trove } = makeClient()
    await Promise.all([trove.getInstance('a'), trove.getInstance('a'), trove.getInstance('a')])
  })

  test('renews the token shortly before it expires', async () => {
    const clock = new FakeClock()
    mockKeystone(['tok-1'], new Date(clock.nowMs + 60 * 60_000))
    mockKeystone(['tok-2'], new Date(clock.nowMs + 120 * 60_000))
    nock(TROVE, { reqheaders: { 'x-auth-token': 'tok-1' } })
      .get(`${TROVE_BASE}/instances/a`)
      .reply(200, { instance: instanceJson('a') })
    nock(TROVE, { reqheaders: { 'x-auth-token': 'tok-2' } })
      .get(`${TROVE_BASE}/instances/a`)
      .reply(200, { instance: instanceJson('a') })
    const { trove } = makeClient(clock)
    await trove.getInstance('a')
    clock.nowMs += 56 * 60_000 // within the 5 minute renewal margin
    await trove.getInstance('a')
  })

  test('a token shorter-lived than the renewal margin is still reused (renews at half its life)', async () => {
    const clock = new FakeClock()
    const keystone = mockKeystone(['short'], new Date(clock.nowMs + 2 * 60_000))
    nock(TROVE)
      .get(`${TROVE_BASE}/instances/a`)
      .times(2)
      .reply(200, { instance: instanceJson('a') })
    const { trove } = makeClient(clock)
    await trove.getInstance('a')
    clock.nowMs += 30_000
    await trove.getInstance('a')
    expect(keystone.isDone()).toBe(true)
  })

  test('re-authenticates once on a 401 and repeats the call', async () => {
    mockKeystone(['tok-old', 'tok-new'])
    nock(TROVE, { reqheaders: { 'x-auth-token': 'tok-old' } })
      .get(`${TROVE_BASE}/instances/a`)
      .reply(401, {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.'
        }
      })
    nock(TROVE, { reqheaders: { 'x-auth-token': 'tok-new' } })
      .get(`${TROVE_BASE}/instances/a`)
      .reply(200, { instance: instanceJson('a') })
    const { trove } = makeClient()
    await expect(trove.getInstance('a')).resolves.toMatchObject({ id: 'a' })
  })

  test('a second 401 explains expiry or access rules (denied rules look like expired tokens)', async () => {
    mockKeystone(['t1', 't2'])
    nock(TROVE)
      .post(`${TROVE_BASE}/backups`)
      .times(2)
      .reply(401, {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.'
        }
      })
    const { trove } = makeClient()
    await expect(trove.createBackup({ name: 'n', instanceId: 'i' })).rejects.toThrow(
      /rejected twice: the application credential may have expired or been deleted, or its access rules do not allow POST \/backups/
    )
  })

  test('uses the database-endpoint override instead of the catalog', async () => {
    mockKeystone(['t'])
    nock('https://override.test')
      .get(`${TROVE_BASE}/instances/a`)
      .reply(200, { instance: instanceJson('a') })
    const { trove } = makeClient(new FakeClock(), {
      ...appCredConfig,
      databaseEndpoint: 'https://override.test/v1.0'
    })
    await expect(trove.getInstance('a')).resolves.toMatchObject({ id: 'a' })
  })

  test('refuses a plain-http catalog endpoint before the token is sent there', async () => {
    mockKeystone(['t'])
    // No interceptor for internal.test: any request there would fail the test differently.
    const { trove } = makeClient(new FakeClock(), { ...appCredConfig, interface: 'internal' })
    await expect(trove.getInstance('a')).rejects.toThrow(
      /catalog names http:\/\/internal\.test\/v1\.0\/x .*not https.*allow-insecure-http: true/
    )
  })

  test('accepts a plain-http catalog endpoint with allow-insecure-http (test clouds)', async () => {
    mockKeystone(['t'])
    nock('http://internal.test')
      .get('/v1.0/x/v1.0/0a1b2c3d4e5f/instances/a')
      .reply(200, { instance: instanceJson('a') })
    const { trove } = makeClient(new FakeClock(), {
      ...appCredConfig,
      interface: 'internal',
      allowInsecureHttp: true
    })
    await expect(trove.getInstance('a')).resolves.toMatchObject({ id: 'a' })
  })
})
