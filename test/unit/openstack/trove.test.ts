import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { OpenStackHttpError, OpenStackResponseError } from '../../../src/openstack/index.js'
import {
  backupJson,
  instanceJson,
  makeClient,
  mockKeystone,
  TROVE,
  TROVE_BASE
} from '../helpers/fake-cloud.js'

function trove() {
  mockKeystone(['tok'])
  return makeClient().trove
}

const api = () => nock(TROVE)

describe('instances', () => {
  test('show: fields are typed, timestamps without zone are UTC, public address first', async () => {
    api()
      .get(`${TROVE_BASE}/instances/i1`)
      .reply(200, {
        instance: instanceJson('i1', {
          ip: ['10.0.0.5', '195.148.0.10'],
          addresses: [
            { address: '10.0.0.5', type: 'private' },
            { address: '195.148.0.10', type: 'public' }
          ]
        })
      })
    const instance = await trove().getInstance('i1')
    expect(instance).toMatchObject({
      id: 'i1',
      status: 'ACTIVE',
      operatingStatus: 'HEALTHY',
      datastore: { type: 'postgresql', version: '17.2' },
      volumeSizeGb: 10,
      isPublic: true,
      allowedCidrs: ['193.166.0.0/24'],
      addresses: ['195.148.0.10', '10.0.0.5']
    })
    expect(instance.created?.toISOString()).toBe('2026-11-01T10:00:00.000Z')
  })

  test('show: an instance without datastore or operating_status still reads', async () => {
    api()
      .get(`${TROVE_BASE}/instances/i1`)
      .reply(200, { instance: { id: 'i1', name: 'old', status: 'BUILD' } })
    const instance = await trove().getInstance('i1')
    expect(instance.datastore).toBeUndefined()
    expect(instance.operatingStatus).toBeUndefined()
    expect(instance.addresses).toEqual([])
  })

  test('show: an unexpected shape is a clear error naming the field', async () => {
    api()
      .get(`${TROVE_BASE}/instances/i1`)
      .reply(200, { instance: { id: 'i1', name: 'x' } })
    await expect(trove().getInstance('i1')).rejects.toThrow(
      new OpenStackResponseError(
        "Trove: show instance i1: instance: field 'status' should be a string, got nothing"
      )
    )
  })

  test('findInstanceById: a 404 means gone', async () => {
    api()
      .get(`${TROVE_BASE}/instances/gone`)
      .reply(404, { itemNotFound: { code: 404, message: 'Resource gone cannot be found.' } })
    await expect(trove().findInstanceById('gone')).resolves.toBeUndefined()
  })

  test('list: follows id markers across pages, never the href host', async () => {
    const page1 = Array.from({ length: 20 }, (_, i) => instanceJson(`i${i}`))
    const page2 = [instanceJson('i20'), instanceJson('i21')]
    api()
      .get(`${TROVE_BASE}/instances`)
      .query({ include_clustered: 'False' })
      .reply(200, {
        instances: page1,
        links: [
          { rel: 'next', href: `https://internal-host:8779/v1.0/p/instances?limit=20&marker=i19` }
        ]
      })
      .get(`${TROVE_BASE}/instances`)
      .query({ include_clustered: 'False', marker: 'i19' })
      .reply(200, { instances: page2 })
    const instances = await trove().listInstances()
    expect(instances.map((i) => i.id)).toEqual([...page1, ...page2].map((i) => i.id))
  })

  test('create: restore body with restorePoint, datastore, volume, access, nics, users', async () => {
    let sent: unknown
    api()
      .post(`${TROVE_BASE}/instances`, (body) => {
        sent = body
        return true
      })
      .reply(200, { instance: instanceJson('new', { status: 'BUILD', operating_status: '' }) })
    const created = await trove().createInstance({
      name: 'dbaas-verify-123',
      flavorRef: 'd4a2cb9c-0000-4000-8000-000000000001',
      volume: { size: 10, type: 'standard' },
      datastore: { type: 'postgresql', version: '17.2' },
      restoreBackupId: 'b-1',
      access: { allowedCidrs: ['203.0.113.7/32'] },
      nics: [{ networkId: 'net-1' }],
      users: [{ name: 'app', password: 'pw', databases: ['appdb'] }],
      databases: ['appdb']
    })
    expect(created.status).toBe('BUILD')
    expect(sent).toEqual({
      instance: {
        name: 'dbaas-verify-123',
        flavorRef: 'd4a2cb9c-0000-4000-8000-000000000001',
        volume: { size: 10, type: 'standard' },
        datastore: { type: 'postgresql', version: '17.2' },
        restorePoint: { backupRef: 'b-1' },
        access: { is_public: false, allowed_cidrs: ['203.0.113.7/32'] },
        nics: [{ network_id: 'net-1' }],
        users: [{ name: 'app', password: 'pw', databases: [{ name: 'appdb' }] }],
        databases: [{ name: 'appdb' }]
      }
    })
  })

  test('create is not retried after a 500: a second instance must never appear by accident', async () => {
    const first = api()
      .post(`${TROVE_BASE}/instances`)
      .reply(500, { instanceFault: { code: 500, message: 'boom' } })
    const second = api()
      .post(`${TROVE_BASE}/instances`)
      .reply(200, { instance: instanceJson('x') })
    await expect(
      trove().createInstance({
        name: 'n',
        flavorRef: 'f',
        volume: { size: 1 },
        datastore: { type: 'postgresql', version: '15' }
      })
    ).rejects.toThrow(/answered 500 instanceFault: boom/)
    expect(first.isDone()).toBe(true)
    expect(second.isDone()).toBe(false)
  })

  test('delete: 202, and false when already gone; 422 while building is an error', async () => {
    api()
      .delete(`${TROVE_BASE}/instances/a`)
      .reply(202)
      .delete(`${TROVE_BASE}/instances/b`)
      .reply(404, { itemNotFound: { code: 404, message: 'not found' } })
      .delete(`${TROVE_BASE}/instances/c`)
      .reply(422, {
        unprocessableEntity: { code: 422, message: 'Instance c is not ready. (Status is BUILD).' }
      })
    const client = trove()
    await expect(client.deleteInstance('a')).resolves.toBe(true)
    await expect(client.deleteInstance('b')).resolves.toBe(false)
    const error = await client.deleteInstance('c').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenStackHttpError)
    expect((error as OpenStackHttpError).status).toBe(422)
  })
})

describe('backups', () => {
  test('create sends incremental as the integer 0/1 and leaves out an empty description', async () => {
    const bodies: unknown[] = []
    api()
      .post(`${TROVE_BASE}/backups`, (b) => bodies.push(b) > 0)
      .times(2)
      .reply(202, { backup: backupJson('b1', { status: 'NEW' }) })
    const client = trove()
    await client.createBackup({ name: 'pre-deploy', instanceId: 'i1', description: '' })
    await client.createBackup({
      name: 'inc',
      instanceId: 'i1',
      description: 'run 7',
      incremental: true,
      parentId: 'b0'
    })
    expect(bodies).toEqual([
      { backup: { name: 'pre-deploy', instance: 'i1', incremental: 0 } },
      {
        backup: {
          name: 'inc',
          instance: 'i1',
          incremental: 1,
          description: 'run 7',
          parent_id: 'b0'
        }
      }
    ])
  })

  test('create on a busy instance: the 422 is reported, not retried', async () => {
    api()
      .post(`${TROVE_BASE}/backups`)
      .reply(422, {
        unprocessableEntity: {
          code: 422,
          message: 'The instance i1 status was BACKUP, expected one of ACTIVE.'
        }
      })
    const error = await trove()
      .createBackup({ name: 'n', instanceId: 'i1' })
      .catch((e: unknown) => e)
    expect((error as OpenStackHttpError).status).toBe(422)
    expect((error as Error).message).toContain('status was BACKUP')
  })

  test('show: size in GB, datastore, UTC time stamps', async () => {
    api()
      .get(`${TROVE_BASE}/backups/b1`)
      .reply(200, { backup: backupJson('b1') })
    const backup = await trove().getBackup('b1')
    expect(backup).toMatchObject({
      id: 'b1',
      status: 'COMPLETED',
      sizeGb: 0.12,
      instanceId: 'inst-1',
      datastore: { type: 'postgresql', version: '17.2', versionId: 'v-17' }
    })
    expect(backup.created.toISOString()).toBe('2026-11-25T01:00:00.000Z')
    expect(backup.updated.toISOString()).toBe('2026-11-25T01:05:00.000Z')
  })

  test('list: numeric offset markers; a full last page has a next link, the empty page after it ends the walk', async () => {
    const all = Array.from({ length: 40 }, (_, i) => backupJson(`b${i}`))
    const link = (marker: number) => [
      {
        rel: 'next',
        href: `https://trove-internal/v1.0/p/backups?limit=20&instance_id=i1&marker=${marker}`
      }
    ]
    api()
      .get(`${TROVE_BASE}/backups`)
      .query({ instance_id: 'i1' })
      .reply(200, { backups: all.slice(0, 20), links: link(20) })
      .get(`${TROVE_BASE}/backups`)
      .query({ instance_id: 'i1', marker: '20' })
      .reply(200, { backups: all.slice(20, 40), links: link(40) })
      .get(`${TROVE_BASE}/backups`)
      .query({ instance_id: 'i1', marker: '40' })
      .reply(200, { backups: [] })
    const backups = await trove().listBackups({ instanceId: 'i1' })
    expect(backups).toHaveLength(40)
  })

  test('list: a short page without a links key ends the walk; shifted offsets are deduplicated', async () => {
    api()
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '3' })
      .reply(200, {
        backups: [backupJson('a'), backupJson('b'), backupJson('c')],
        links: [{ rel: 'next', href: 'https://x/backups?limit=3&marker=3' }]
      })
      .get(`${TROVE_BASE}/backups`)
      .query({ limit: '3', marker: '3' })
      .reply(200, { backups: [backupJson('c'), backupJson('d')] })
    const backups = await trove().listBackups({ pageSize: 3 })
    expect(backups.map((b) => b.id)).toEqual(['a', 'b', 'c', 'd'])
  })

  test('list: a malformed backup names its index', async () => {
    api()
      .get(`${TROVE_BASE}/backups`)
      .reply(200, {
        backups: [backupJson('a'), { id: 'b', status: 'COMPLETED', created: 'yesterday' }]
      })
    await expect(trove().listBackups()).rejects.toThrow(
      /backups\[1\]: field 'created' should be an ISO-8601 date-time, got "yesterday"/
    )
  })
})

describe('datastores, flavors, limits', () => {
  test('datastores with their versions, and a version list', async () => {
    api()
      .get(`${TROVE_BASE}/datastores`)
      .reply(200, {
        datastores: [
          {
            id: 'ds-pg',
            name: 'postgresql',
            default_version: 'v17',
            links: [],
            versions: [{ id: 'v17', name: '17.2', links: [] }]
          },
          { id: 'ds-m', name: 'mariadb', links: [], versions: [] }
        ]
      })
      .get(`${TROVE_BASE}/datastores/postgresql/versions`)
      .reply(200, {
        versions: [
          { id: 'v14', name: '14.9', datastore: 'ds-pg', active: 0 },
          { id: 'v17', name: '17.2', datastore: 'ds-pg' }
        ]
      })
    const client = trove()
    const datastores = await client.listDatastores()
    expect(datastores.map((d) => d.name)).toEqual(['postgresql', 'mariadb'])
    expect(datastores[0]?.versions).toEqual([{ id: 'v17', name: '17.2', active: true }])
    const versions = await client.listDatastoreVersions('postgresql')
    expect(versions.map((v) => [v.name, v.active])).toEqual([
      ['14.9', false],
      ['17.2', true]
    ])
  })

  test('flavors: str_id when id is null (UUID flavors, as on CSC)', async () => {
    api()
      .get(`${TROVE_BASE}/flavors`)
      .reply(200, {
        flavors: [
          {
            id: null,
            str_id: 'd4a2cb9c-aaaa-4000-8000-000000000001',
            name: 'standard.small',
            ram: 2000,
            vcpus: 2
          },
          { id: 7, name: 'legacy', ram: 512, vcpus: 1 }
        ]
      })
    const flavors = await trove().listFlavors()
    expect(flavors.map((f) => f.id)).toEqual(['d4a2cb9c-aaaa-4000-8000-000000000001', '7'])
  })

  test('limits: the absolute quota', async () => {
    api()
      .get(`${TROVE_BASE}/limits`)
      .reply(200, {
        limits: [
          { verb: 'ABSOLUTE', max_backups: 1000, max_instances: 5, max_volumes: 50 },
          {
            verb: 'GET',
            value: 200,
            remaining: 199,
            unit: 'MINUTE',
            nextAvailable: '2026-11-25T12:00:00Z'
          }
        ]
      })
    await expect(trove().getLimits()).resolves.toEqual({
      maxInstances: 5,
      maxVolumesGb: 50,
      maxBackups: 1000
    })
  })
})
