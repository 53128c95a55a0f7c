// The local cloud's HTTP API through plain fetch, as the product will see it:
// Keystone auth variants, Trove routes and their quirks, fault controls, the
// request log, and one real flow (instance → backup → restore on real servers).

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { waitUntil } from '../helpers/wait-until.ts'
import { startCloud, type RunningCloud } from './harness.ts'

jest.setTimeout(120_000)

const NAIVE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/
const FLAVOR = 'd4a2cb9c-0000-4000-8000-000000000002'

let cloud: RunningCloud
let token: string

type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

interface Reply {
  status: number
  headers: Headers
  body: J
  text: string
}

async function send(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init)
  const text = await res.text()
  let body: J = {}
  try {
    body = text ? (JSON.parse(text) as J) : {}
  } catch {
    // not JSON (e.g. webob's 415 page)
  }
  return { status: res.status, headers: res.headers, body, text }
}

function auth(body: unknown): Promise<Reply> {
  return send(`${cloud.info.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })
}

const appCredById = () => ({
  auth: {
    identity: {
      methods: ['application_credential'],
      application_credential: { id: cloud.info.appCredId, secret: cloud.info.appCredSecret }
    }
  }
})

async function newToken(): Promise<string> {
  const r = await auth(appCredById())
  expect(r.status).toBe(201)
  return r.headers.get('x-subject-token') as string
}

/** A Trove call on the catalog endpoint; `body` is sent as JSON with the right Content-Type. */
function trove(method: string, path: string, body?: unknown, tok = token): Promise<Reply> {
  const headers: Record<string, string> = { 'X-Auth-Token': tok, Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  return send(cloud.info.troveUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body)
  })
}

const instanceBody = (extra: J = {}) => ({
  instance: {
    name: 'db1',
    flavorRef: FLAVOR,
    volume: { size: 1 },
    datastore: { type: 'postgresql', version: '15' },
    // the test's own address (127.0.0.1) among them: it connects with psql
    access: { is_public: true, allowed_cidrs: ['127.0.0.0/22'] },
    ...extra
  }
})

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
  token = await newToken()
})

afterAll(async () => {
  await cloud?.stop()
})

beforeEach(async () => {
  await cloud.admin.reset()
})

describe('keystone', () => {
  test('version discovery', async () => {
    const r = await send(cloud.info.authUrl)
    expect(r.status).toBe(200)
    expect(r.body.version.id).toMatch(/^v3/)
  })

  test('application credential by id: token header, expiry with microseconds, catalog', async () => {
    const r = await auth(appCredById())
    expect(r.status).toBe(201)
    expect(r.headers.get('x-subject-token')).toBeTruthy()
    const t = r.body.token
    expect(t.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    expect(t.project.id).toBe(cloud.info.projectId)
    expect(t.application_credential.id).toBe(cloud.info.appCredId)
    const db = t.catalog.find((s: J) => s.type === 'database')
    expect(db.endpoints).toEqual(
      ['public', 'internal', 'admin'].map((iface) =>
        expect.objectContaining({
          interface: iface,
          region_id: 'RegionOne',
          url: cloud.info.troveUrl
        })
      )
    )
    // Keystone names each request; trove-api does not.
    expect(r.headers.get('x-openstack-request-id')).toMatch(/^req-/)
    expect(t.catalog.find((s: J) => s.type === 'object-store').endpoints[0].url).toBe(
      cloud.info.swiftUrl
    )
  })

  test('application credential by name with the owner (id, or name + domain)', async () => {
    const { appCredName: name, appCredSecret: secret, userId, username } = cloud.info
    const ac = (user: J) => ({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { name, secret, user }
        }
      }
    })
    expect((await auth(ac({ id: userId }))).status).toBe(201)
    expect((await auth(ac({ name: username, domain: { name: 'Default' } }))).status).toBe(201)
    expect((await auth(ac({ name: username }))).status).toBe(400)
  })

  test('application credential with a scope, or a wrong secret → 401 error body', async () => {
    const scoped = appCredById() as J
    scoped.auth.scope = { project: { id: cloud.info.projectId } }
    const r = await auth(scoped)
    expect(r.status).toBe(401)
    expect(r.body.error).toEqual({
      code: 401,
      title: 'Unauthorized',
      message: expect.stringContaining('cannot request a scope'),
      identity: {}
    })
    expect(r.headers.get('www-authenticate')).toBe(
      `Keystone uri="${cloud.info.authUrl.replace(/\/v3$/, '')}"`
    )
    const bad = appCredById() as J
    bad.auth.identity.application_credential.secret = 'nope'
    const r2 = await auth(bad)
    expect(r2.status).toBe(401)
    expect(r2.body.error.code).toBe(401)
  })

  test('password: user id + project id, user name + project name with domains', async () => {
    const i = cloud.info
    const pw = (user: J, project: J) => ({
      auth: {
        identity: { methods: ['password'], password: { user } },
        scope: { project }
      }
    })
    const r = await auth(pw({ id: i.userId, password: i.password }, { id: i.projectId }))
    expect(r.status).toBe(201)
    expect(r.body.token.catalog.length).toBeGreaterThan(0)
    const byName = pw(
      { name: i.username, domain: { name: i.userDomainName }, password: i.password },
      { name: i.projectName, domain: { id: i.projectDomainId } }
    )
    expect((await auth(byName)).status).toBe(201)
    const wrong = pw({ id: i.userId, password: 'wrong' }, { id: i.projectId })
    expect((await auth(wrong)).status).toBe(401)
    const noDomain = pw({ name: i.username, password: i.password }, { id: i.projectId })
    expect((await auth(noDomain)).status).toBe(400)
  })
})

describe('trove auth', () => {
  test('missing or unknown token → keystonemiddleware 401 with WWW-Authenticate', async () => {
    const r = await send(`${cloud.info.troveUrl}/backups`)
    expect(r.status).toBe(401)
    expect(r.body.error.message).toBe('The request you have made requires authentication.')
    expect(r.headers.get('www-authenticate')).toMatch(/^Keystone uri=/)
    expect((await trove('GET', '/backups', undefined, 'bogus')).status).toBe(401)
  })

  test("tenant id in the path must be the token project → 403, webob's body", async () => {
    const url = cloud.info.troveUrl.replace(cloud.info.projectId, 'someoneelse')
    const r = await send(`${url}/backups`, { headers: { 'X-Auth-Token': token } })
    expect(r.status).toBe(403)
    expect(r.body).toEqual({
      message: `Access was denied to this resource.<br /><br />\nUser with tenant id ${cloud.info.projectId} cannot access this resource.\n\n`,
      code: '403 Forbidden',
      title: 'Forbidden'
    })
    expect(r.headers.get('x-openstack-request-id')).toBeNull()
  })

  test('expire-tokens and a short token lifetime both end in 401; a new token works', async () => {
    const t = await newToken()
    expect((await trove('GET', '/backups', undefined, t)).status).toBe(200)
    await cloud.admin.expireTokens()
    expect((await trove('GET', '/backups', undefined, t)).status).toBe(401)
    // Long enough that the first call is surely inside it, even on a loaded machine.
    await cloud.admin.config({ tokenTtlSeconds: 3 })
    const issued = await auth(appCredById())
    const short = issued.headers.get('x-subject-token') as string
    const expiresAt = Date.parse(issued.body.token.expires_at)
    expect((await trove('GET', '/backups', undefined, short)).status).toBe(200)
    await waitUntil(() => trove('GET', '/backups', undefined, short), {
      what: 'the 3 s token to be refused (401)',
      until: (r) => r.status === 401,
      intervalMs: 200
    })
    // Refused once it expired, not before.
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt)
    await cloud.admin.config({ tokenTtlSeconds: 3600 })
    token = await newToken()
  })
})

describe('datastores, flavors, limits', () => {
  test('datastores list active versions; 14 exists but is inactive', async () => {
    const r = await trove('GET', '/datastores')
    expect(r.status).toBe(200)
    const pg = r.body.datastores.find((d: J) => d.name === 'postgresql')
    expect(pg.versions.map((v: J) => v.name)).toEqual(['15'])
    expect(pg.versions[0].version).toMatch(/^15\.\d+/)
    expect(pg.versions[0].datastore).toBeUndefined()
    const maria = r.body.datastores.find((d: J) => d.name === 'mariadb')
    expect(maria.versions[0].name).toBe('10.11')
    const vs = await trove('GET', '/datastores/postgresql/versions')
    expect(vs.body.versions[0].datastore).toBe(pg.id)
    expect((await trove('GET', '/datastores/postgresql/versions/14')).status).toBe(200)
    expect((await trove('GET', '/datastores/nosuch/versions')).status).toBe(404)
  })

  test('single datastore, version by UUID, single flavor, version discovery', async () => {
    const ds = await trove('GET', '/datastores/postgresql')
    expect(ds.body.datastore.name).toBe('postgresql')
    const v15 = ds.body.datastore.versions[0]
    const byId = await trove('GET', `/datastores/versions/${v15.id}`)
    expect(byId.body.version).toEqual(
      expect.objectContaining({ name: '15', datastore: ds.body.datastore.id })
    )
    expect((await trove('GET', `/flavors/${FLAVOR}`)).body.flavor.name).toBe('standard.small')
    const root = await send(cloud.info.troveUrl.replace(/\/v1\.0\/.*$/, '/'))
    expect(root.body.versions[0].id).toBe('v1.0')
  })

  test('flavors have id null and str_id', async () => {
    const r = await trove('GET', '/flavors')
    const small = r.body.flavors.find((f: J) => f.name === 'standard.small')
    expect(small).toEqual(
      expect.objectContaining({ id: null, str_id: FLAVOR, ram: 2000, vcpus: 2 })
    )
  })

  test('limits show quota and rate values', async () => {
    await cloud.admin.config({ quota: { instances: 7 } })
    const r = await trove('GET', '/limits')
    expect(r.body.limits[0]).toEqual(
      expect.objectContaining({ verb: 'ABSOLUTE', max_instances: 7, max_volumes: 50 })
    )
    // trove-api's list, the management API's POST limit last
    expect(r.body.limits.map((l: J) => `${l.verb} ${l.uri ?? ''}`.trim())).toEqual([
      'ABSOLUTE',
      'POST *',
      'PUT *',
      'DELETE *',
      'GET *',
      'POST */mgmt'
    ])
  })
})

describe('backup paging', () => {
  const INST = '0c5c6e37-0000-4000-8000-000000000001'
  const seed = (n: number, instanceId = INST) =>
    cloud.admin.seedBackups(
      instanceId,
      Array.from({ length: n }, (_, i) => ({ ageHours: i + 1, name: `b${i}` }))
    )

  test('45 backups: pages of 20/20/5 by numeric offset, updated DESC, no links on the short page', async () => {
    const ids = await seed(45)
    const p1 = await trove('GET', `/backups?instance_id=${INST}`)
    expect(p1.status).toBe(200)
    expect(p1.body.backups).toHaveLength(20)
    expect(p1.body.backups.map((b: J) => b.id)).toEqual(ids.slice(0, 20)) // youngest first
    const next1 = new URL(p1.body.links[0].href)
    expect(p1.body.links[0].rel).toBe('next')
    expect(next1.protocol).toBe('https:')
    expect(next1.searchParams.get('marker')).toBe('20')
    // the request's own query, the marker changed: no limit it did not send
    expect(next1.searchParams.get('limit')).toBeNull()
    expect(next1.searchParams.get('instance_id')).toBe(INST)
    const p2 = await trove('GET', `/backups?instance_id=${INST}&marker=20`)
    expect(p2.body.backups).toHaveLength(20)
    expect(new URL(p2.body.links[0].href).searchParams.get('marker')).toBe('40')
    const p3 = await trove('GET', `/backups?instance_id=${INST}&marker=40`)
    expect(p3.body.backups).toHaveLength(5)
    expect('links' in p3.body).toBe(false)
    const all = [...p1.body.backups, ...p2.body.backups, ...p3.body.backups]
    expect(new Set(all.map((b: J) => b.id)).size).toBe(45)
    const b = all[0]
    expect(b.created).toMatch(NAIVE_TIME)
    expect(b.updated).toMatch(NAIVE_TIME)
    expect(b).toEqual(
      expect.objectContaining({
        status: 'COMPLETED',
        instance_id: INST,
        parent_id: null,
        project_id: cloud.info.projectId,
        datastore: expect.objectContaining({ type: 'postgresql', version: '15' })
      })
    )
  })

  test('exactly 40: the second page still has a next link, the third is empty without links', async () => {
    await seed(40)
    const p2 = await trove('GET', `/backups?marker=20`)
    expect(p2.body.backups).toHaveLength(20)
    expect(p2.body.links).toHaveLength(1)
    const p3 = await trove('GET', `/backups?marker=40`)
    expect(p3.body).toEqual({ backups: [] })
  })

  test('limit, instance filter, per-instance route, bad marker', async () => {
    await seed(3)
    await seed(2, '0c5c6e37-0000-4000-8000-000000000002')
    const r = await trove('GET', '/backups?limit=100')
    expect(r.body.backups).toHaveLength(5)
    expect(r.body.links).toBeUndefined()
    expect((await trove('GET', `/backups?instance_id=${INST}`)).body.backups).toHaveLength(3)
    expect((await trove('GET', '/backups?datastore=mariadb')).body.backups).toHaveLength(0)
    // The per-instance route loads the instance first: unknown instance → 404.
    const gone = await trove('GET', `/instances/${INST}/backups`)
    expect(gone.status).toBe(404)
    expect(gone.body.itemNotFound.code).toBe(404)
    expect((await trove('GET', '/backups?marker=abc')).status).toBe(500)
  })

  test('per-instance list pages the same way', async () => {
    const [inst] = await cloud.admin.seedInstances(1)
    await cloud.admin.seedBackups(
      inst as string,
      Array.from({ length: 20 }, (_, i) => ({ ageHours: i }))
    )
    const r = await trove('GET', `/instances/${inst}/backups`)
    expect(r.body.backups).toHaveLength(20)
    expect(r.body.links).toHaveLength(1)
  })
})

describe('instance paging', () => {
  test('45 instances: id marker, at most 20 a page, created DESC inside a page', async () => {
    const ids = await cloud.admin.seedInstances(45, { namePrefix: 'load-' })
    const seen: string[] = []
    let marker = ''
    const sizes: number[] = []
    for (;;) {
      const r = await trove('GET', `/instances?limit=50${marker ? `&marker=${marker}` : ''}`)
      expect(r.status).toBe(200)
      const page = r.body.instances as J[]
      sizes.push(page.length)
      expect(page.every((i) => i.status === 'ACTIVE')).toBe(true)
      seen.push(...page.map((i) => i.id))
      if (!r.body.links) break
      marker = new URL(r.body.links[0].href).searchParams.get('marker') as string
      // The marker is the last id of the page in id order.
      expect(marker).toBe([...page.map((i) => i.id)].sort().at(-1))
    }
    expect(sizes).toEqual([20, 20, 5])
    expect(seen.sort()).toEqual([...ids].sort())
    const detail = await trove('GET', '/instances/detail')
    const times = (detail.body.instances as J[]).map((i) => i.created as string)
    expect(times).toEqual([...times].sort().reverse())
  })

  test('instance fields', async () => {
    const [id] = await cloud.admin.seedInstances(1)
    const r = await trove('GET', `/instances/${id}`)
    const i = r.body.instance
    expect(i).toEqual(
      expect.objectContaining({
        id,
        status: 'ACTIVE',
        operating_status: 'HEALTHY',
        region: 'RegionOne',
        datastore: expect.objectContaining({ type: 'postgresql', version: '15' }),
        flavor: expect.objectContaining({ id: expect.any(String) }),
        volume: expect.objectContaining({ size: 5, used: expect.any(Number) }),
        access: { is_public: true, allowed_cidrs: ['192.0.2.1/32'] }
      })
    )
    expect(i.addresses).toEqual([{ address: i.ip[0], type: 'public' }])
    expect(i.ip[0]).toMatch(/^127\.\d+\.\d+\.\d+$/)
    expect(i.ip[0]).not.toBe('127.0.0.1')
    expect(i.created).toMatch(NAIVE_TIME)
    expect((await trove('GET', '/instances/0c5c6e37-0000-4000-8000-00000000dead')).status).toBe(404)
  })
})

describe('quirks', () => {
  test('POST without Content-Type: body ignored → 400; another type → 415', async () => {
    const [inst] = await cloud.admin.seedInstances(1)
    const body = new TextEncoder().encode(JSON.stringify({ backup: { name: 'x', instance: inst } }))
    const r = await send(`${cloud.info.troveUrl}/backups`, {
      method: 'POST',
      headers: { 'X-Auth-Token': token },
      body
    })
    expect(r.status).toBe(400)
    expect(r.body.badRequest.message).toMatch(/^Validation error/)
    const r2 = await send(`${cloud.info.troveUrl}/backups`, {
      method: 'POST',
      headers: { 'X-Auth-Token': token, 'Content-Type': 'text/plain' },
      body
    })
    expect(r2.status).toBe(415)
  })

  test('backup create validation: incremental 0/1, description, instance UUID', async () => {
    const [inst] = await cloud.admin.seedInstances(1)
    const create = (b: J) =>
      trove('POST', '/backups', { backup: { name: 'n', instance: inst, ...b } })
    const notInteger = await create({ incremental: true })
    expect(notInteger.status).toBe(400)
    expect(notInteger.body.badRequest.message).toBe(
      "Validation error: backup['incremental'] True is not of type 'integer'"
    )
    expect((await create({ incremental: 2 })).body.badRequest.message).toBe(
      "Validation error: backup['incremental'] 2 is greater than the maximum of 1"
    )
    const malformed = await send(`${cloud.info.troveUrl}/backups`, {
      method: 'POST',
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
      body: '{not json'
    })
    expect(malformed.status).toBe(400)
    expect(malformed.body).toEqual({
      message: 'Malformed request body<br /><br />\n\n\n',
      code: '400 Bad Request',
      title: 'Bad Request'
    })
    expect((await create({ description: '' })).status).toBe(400)
    expect((await create({ instance: 'not-a-uuid' })).status).toBe(400)
    expect((await create({ name: '---' })).status).toBe(400)
    const ok = await create({ incremental: 1, description: 'run 1' })
    expect(ok.status).toBe(202)
    expect(ok.body.backup).toEqual(
      expect.objectContaining({
        status: 'NEW',
        size: null,
        locationRef: null,
        description: 'run 1'
      })
    )
  })

  test('busy instance (a backup running) → 422; instance reads BACKUP', async () => {
    const [inst] = await cloud.admin.seedInstances(1)
    await cloud.admin.seedBackups(inst as string, [{ ageHours: 0, status: 'BUILDING' }])
    expect((await trove('GET', `/instances/${inst}`)).body.instance.status).toBe('BACKUP')
    const r = await trove('POST', '/backups', { backup: { name: 'n', instance: inst } })
    expect(r.status).toBe(422)
    expect(r.body.unprocessableEntity.message).toContain('(instance status was BACKUP)')
  })

  test('DELETE /backups/{id} → 403 forbidden', async () => {
    const [b] = await cloud.admin.seedBackups('0c5c6e37-0000-4000-8000-000000000001', [
      { ageHours: 1 }
    ])
    const r = await trove('DELETE', `/backups/${b}`)
    expect(r.status).toBe(403)
    expect(r.body.forbidden.code).toBe(403)
  })

  test('quota → 413 overLimit without Retry-After', async () => {
    await cloud.admin.config({ quota: { instances: 0 } })
    const r = await trove('POST', '/instances', instanceBody())
    expect(r.status).toBe(413)
    expect(r.headers.get('retry-after')).toBeNull()
    expect(r.body.overLimit.message).toContain("'instances'")
    expect(r.body.overLimit.retryAfter).toBeUndefined()
  })

  test('rate limit → 413 overLimit with Retry-After and retryAfter', async () => {
    await cloud.admin.config({ rateLimitPerMinute: 3 })
    for (let i = 0; i < 3; i++) expect((await trove('GET', '/flavors')).status).toBe(200)
    const r = await trove('GET', '/flavors')
    expect(r.status).toBe(413)
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(r.body.overLimit.retryAfter).toBe(r.headers.get('retry-after'))
    // Per verb: a POST still passes the limiter (and fails validation).
    expect((await trove('POST', '/backups', {})).status).toBe(400)
  })

  test('CIDRs: 0.0.0.0/0 and prefixes wider than /22 → 400; /22 passes', async () => {
    await cloud.admin.config({ quota: { instances: 0 } }) // valid bodies stop at the quota
    const withCidr = (c: string[]) =>
      trove('POST', '/instances', instanceBody({ access: { is_public: true, allowed_cidrs: c } }))
    expect((await withCidr(['0.0.0.0/0'])).status).toBe(400)
    expect((await withCidr(['10.0.0.0/21'])).status).toBe(400)
    expect((await withCidr(['10.0.0.0/22'])).status).toBe(413)
    expect((await withCidr(['2001:db8::/64'])).status).toBe(400)
  })

  test('restore checks: not completed → 409, too small a volume → 403, no data → 404, inactive → 400', async () => {
    const inst = '0c5c6e37-0000-4000-8000-000000000001'
    const [running, big, small] = await cloud.admin.seedBackups(inst, [
      { ageHours: 1, status: 'BUILDING' },
      { ageHours: 2, sizeGb: 10 },
      { ageHours: 3, sizeGb: 0.5 }
    ])
    const restore = (backupRef: string, size = 5) =>
      trove('POST', '/instances', instanceBody({ volume: { size }, restorePoint: { backupRef } }))
    expect((await restore(running as string)).status).toBe(409)
    const tooBig = await restore(big as string)
    expect(tooBig.status).toBe(403)
    expect(tooBig.body.forbidden.message).toContain('too large')
    expect((await restore(small as string)).status).toBe(404)
    const v14 = await trove(
      'POST',
      '/instances',
      instanceBody({ datastore: { type: 'postgresql', version: '14' } })
    )
    expect(v14.status).toBe(400)
    expect((await restore('nope')).status).toBe(400)
  })

  test('instance create validation', async () => {
    const r = await trove('POST', '/instances', { instance: { name: 'x', flavorRef: FLAVOR } })
    expect(r.status).toBe(400)
    expect(r.body.badRequest.code).toBe(400)
    // An unknown flavor is a bad request, as real trove-api answers it.
    const f = await trove('POST', '/instances', instanceBody({ flavorRef: 'nope' }))
    expect(f.status).toBe(400)
    expect(f.body.badRequest.message).toBe('Resource nope cannot be found.')
  })
})

describe('faults', () => {
  test('500 once, then normal', async () => {
    await cloud.admin.fault({ pathPattern: '/backups$', status: 500, count: 1 })
    const r = await trove('GET', '/backups')
    expect(r.status).toBe(500)
    expect(r.body.instanceFault.code).toBe(500)
    expect((await trove('GET', '/backups')).status).toBe(200)
  })

  test('503 and 429 with Retry-After; method filter; custom body', async () => {
    await cloud.admin.fault({ method: 'POST', pathPattern: '/backups', status: 503, count: 1 })
    await cloud.admin.fault({ pathPattern: '/flavors', status: 429, retryAfter: 7, count: 2 })
    expect((await trove('GET', '/backups')).status).toBe(200) // GET is not matched
    expect((await trove('POST', '/backups', {})).status).toBe(503)
    const r = await trove('GET', '/flavors')
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('7')
    expect((await trove('GET', '/flavors')).status).toBe(429)
    expect((await trove('GET', '/flavors')).status).toBe(200)
    await cloud.admin.fault({ pathPattern: '/limits', status: 502, body: 'Bad Gateway' })
    const gw = await trove('GET', '/limits')
    expect(gw.status).toBe(502)
    expect(gw.text).toBe('Bad Gateway')
  })

  test('faults on Keystone, latency, reset', async () => {
    await cloud.admin.fault({ pathPattern: '^/v3/auth/tokens$', status: 503, count: 1 })
    expect((await auth(appCredById())).status).toBe(503)
    expect((await auth(appCredById())).status).toBe(201)
    await cloud.admin.fault({ pathPattern: '/datastores', latencyMs: 400, count: 1 })
    const t0 = Date.now()
    expect((await trove('GET', '/datastores')).status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(390)
    await cloud.admin.fault({ pathPattern: '.', status: 500, count: 100 })
    await cloud.admin.resetFaults()
    expect((await trove('GET', '/datastores')).status).toBe(200)
  })
})

describe('admin', () => {
  test('reset forgets records and returns the config to the start-up values', async () => {
    const start = await cloud.admin.config({})
    await cloud.admin.config({ backupMs: 12345, quota: { backups: 3 } })
    await cloud.admin.seedInstances(2)
    await cloud.admin.seedBackups('0c5c6e37-0000-4000-8000-000000000001', [{ ageHours: 1 }])
    await cloud.admin.reset()
    expect(await cloud.admin.config({})).toEqual(start)
    expect(await cloud.admin.instances()).toEqual([])
    expect((await trove('GET', '/backups')).body.backups).toEqual([])
  })
})

describe('request log', () => {
  test('records Keystone and Trove requests with query and status; admin calls are not logged', async () => {
    await auth(appCredById())
    await trove('GET', '/backups?limit=5&marker=10')
    await trove('GET', '/instances/0c5c6e37-0000-4000-8000-00000000dead')
    const log = await cloud.admin.requests()
    expect(log).toEqual([
      expect.objectContaining({
        service: 'keystone',
        method: 'POST',
        path: '/v3/auth/tokens',
        status: 201
      }),
      expect.objectContaining({
        service: 'trove',
        method: 'GET',
        path: `/v1.0/${cloud.info.projectId}/backups`,
        query: { limit: '5', marker: '10' },
        status: 200
      }),
      expect.objectContaining({ status: 404 })
    ])
    expect(log[0]?.at).toMatch(/Z$/)
    await cloud.admin.clearRequests()
    expect(await cloud.admin.requests()).toEqual([])
  })
})

describe('real flow on real servers', () => {
  const execFileP = promisify(execFile)
  const psql = async (host: string, sql: string): Promise<string> => {
    const { stdout } = await execFileP(
      '/usr/lib/postgresql/15/bin/psql',
      [
        '-X',
        '-A',
        '-t',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        host,
        '-U',
        'app',
        '-d',
        'appdb',
        '-c',
        sql
      ],
      { env: { ...process.env, PGPASSWORD: 's3cret-pw', PGCONNECT_TIMEOUT: '5' } }
    )
    return stdout.trim()
  }
  const show = async (id: string) => {
    const r = await trove('GET', `/instances/${id}`)
    if (r.status !== 200) throw new Error(`GET instance ${id}: ${r.status} ${r.text}`)
    return r.body.instance as J
  }
  // Builds and backups run on real servers: a minute, for a loaded machine.
  const waitInstance = (id: string, status: string) =>
    waitUntil(() => show(id), {
      what: `instance ${id} ${status} (or ERROR)`,
      until: (i) => i?.status === status || i?.status === 'ERROR',
      timeoutMs: 60_000
    })
  const showBackup = async (id: string) => (await trove('GET', `/backups/${id}`)).body.backup as J
  const waitBackup = (id: string) =>
    waitUntil(() => showBackup(id), {
      what: `backup ${id} done (neither NEW nor BUILDING)`,
      until: (b) => !['NEW', 'BUILDING'].includes(b?.status),
      timeoutMs: 60_000
    })

  test('postgresql: create → ACTIVE/HEALTHY → backup → COMPLETED → restore → ACTIVE elsewhere', async () => {
    await cloud.admin.config({ instanceBuildMs: 200, backupMs: 300, deleteMs: 100 })
    const created = await trove(
      'POST',
      '/instances',
      instanceBody({
        users: [{ name: 'app', password: 's3cret-pw', databases: [{ name: 'appdb' }] }],
        databases: [{ name: 'appdb' }]
      })
    )
    expect(created.status).toBe(200)
    const id = created.body.instance.id as string
    expect(created.body.instance.status).toBe('BUILD')
    expect(created.body.instance.operating_status).toBe('')
    // DELETE during BUILD → 422.
    const early = await trove('DELETE', `/instances/${id}`)
    expect(early.status).toBe(422)
    expect(early.body.unprocessableEntity.message).toContain('Status is BUILD')

    const active = await waitInstance(id, 'ACTIVE')
    expect(active.status).toBe('ACTIVE')
    expect(active.operating_status).toBe('HEALTHY')
    const host = active.addresses[0].address as string
    const admin = (await cloud.admin.instances()).find((i) => i.id === id)
    expect(admin).toEqual(expect.objectContaining({ host, port: 5432, running: true }))
    await psql(host, 'CREATE TABLE t (x int); INSERT INTO t VALUES (42)')

    const b = await trove('POST', '/backups', { backup: { name: 'manual-1', instance: id } })
    expect(b.status).toBe(202)
    const bid = b.body.backup.id as string
    expect((await show(id)).status).toBe('BACKUP')
    const busy = await trove('POST', '/backups', { backup: { name: 'manual-2', instance: id } })
    expect(busy.status).toBe(422)
    const done = await waitBackup(bid)
    expect(done.status).toBe('COMPLETED')
    expect(done.size).toBeGreaterThan(0)
    expect(done.locationRef).toContain(`database_backups/${bid}`)
    expect((await show(id)).status).toBe('ACTIVE')
    // Written after the backup: must not be in the restore.
    await psql(host, 'INSERT INTO t VALUES (43)')

    const r = await trove(
      'POST',
      '/instances',
      instanceBody({ name: 'restored', restorePoint: { backupRef: bid } })
    )
    expect(r.status).toBe(200)
    const rid = r.body.instance.id as string
    const restored = await waitInstance(rid, 'ACTIVE')
    expect(restored.status).toBe('ACTIVE')
    const rhost = restored.addresses[0].address as string
    expect(rhost).not.toBe(host)
    expect(await psql(rhost, 'SELECT x FROM t ORDER BY x')).toBe('42')

    // Delete: SHUTDOWN, then gone; its backups stay listed by instance_id only.
    expect((await trove('DELETE', `/instances/${id}`)).status).toBe(202)
    expect((await show(id)).status).toBe('SHUTDOWN')
    await waitUntil(() => trove('GET', `/instances/${id}`), {
      what: `instance ${id} gone (404)`,
      until: (x) => x.status === 404,
      timeoutMs: 60_000
    })
    expect((await trove('GET', `/backups?instance_id=${id}`)).body.backups).toHaveLength(1)
    expect((await trove('GET', `/instances/${id}/backups`)).status).toBe(404)
    expect((await cloud.admin.instances()).map((i) => i.id)).toEqual([rid])

    // Backup outcomes on the restored instance: FAILED, hold + release.
    await cloud.admin.nextBackup('FAILED')
    const f = await trove('POST', '/backups', { backup: { name: 'will-fail', instance: rid } })
    expect((await waitBackup(f.body.backup.id)).status).toBe('FAILED')
    await cloud.admin.nextBackup('hold')
    const h = await trove('POST', '/backups', { backup: { name: 'held', instance: rid } })
    // NEW until the copy is taken, then BUILDING, where the hold keeps it.
    const held = await waitUntil(() => showBackup(h.body.backup.id), {
      what: `backup ${h.body.backup.id} past NEW`,
      until: (b) => b?.status !== 'NEW'
    })
    expect(held.status).toBe('BUILDING')
    expect(await cloud.admin.releaseBackups()).toBe(1)
    expect((await waitBackup(h.body.backup.id)).status).toBe('COMPLETED')

    // A corrupted object, and an injected failure: the restore ends in ERROR with a fault.
    await cloud.admin.corruptBackup(bid)
    const c = await trove(
      'POST',
      '/instances',
      instanceBody({ name: 'c', restorePoint: { backupRef: bid } })
    )
    const broken = await waitInstance(c.body.instance.id, 'ERROR')
    expect(broken.status).toBe('ERROR')
    expect(broken.fault.message).toContain(bid)
    await cloud.admin.nextRestore('ERROR')
    const e = await trove(
      'POST',
      '/instances',
      instanceBody({ name: 'e', restorePoint: { backupRef: h.body.backup.id } })
    )
    const failed = await waitInstance(e.body.instance.id, 'ERROR')
    expect(failed.fault.message).toBeTruthy()
    // ERROR instances can be deleted.
    expect((await trove('DELETE', `/instances/${e.body.instance.id}`)).status).toBe(202)
  })
})
