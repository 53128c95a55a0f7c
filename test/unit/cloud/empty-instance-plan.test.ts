import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { planEmptyInstance } from '../../../src/cloud/empty-instance-plan.js'
import { InputError } from '../../../src/errors.js'
import type { NewInstanceSettings } from '../../../src/inputs/restore.js'
import { makeClient, mockKeystone, TROVE, TROVE_BASE } from '../helpers/fake-cloud.js'

const SMALL = 'd4a2cb9c-aaaa-4000-8000-000000000001'
const LARGE = 'd4a2cb9c-aaaa-4000-8000-000000000002'

const settings: NewInstanceSettings = {
  flavor: '',
  volumeType: '',
  datastoreVersion: '',
  network: '',
  allowedCidrs: ['203.0.113.7/32'],
  runnerIpUrl: 'https://api.ipify.org',
  allowInsecureHttp: false,
  restoreTimeoutMs: 60_000,
  deleteTimeoutMs: 60_000
}

function cloud(type: string, versions: [string, boolean][]): void {
  mockKeystone()
  nock(TROVE)
    .get(`${TROVE_BASE}/datastores/${type}/versions`)
    .reply(200, {
      versions: versions.map(([name, active], i) => ({
        id: `v-${i}`,
        name,
        datastore: `ds-${type}`,
        active: active ? 1 : 0
      }))
    })
    .get(`${TROVE_BASE}/flavors`)
    .reply(200, {
      flavors: [
        { id: null, str_id: SMALL, name: 'standard.small', ram: 2000, vcpus: 2 },
        { id: null, str_id: LARGE, name: 'standard.large', ram: 8000, vcpus: 4 }
      ]
    })
}

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(InputError)
  return error as InputError
}

describe('a new, empty instance for an off-site copy', () => {
  test('defaults from the source: its flavor, its volume, the version its server reported', async () => {
    cloud('postgresql', [
      ['14', true],
      ['15', true],
      ['16', true]
    ])
    const plan = await planEmptyInstance(makeClient().trove, settings, {
      type: 'postgresql',
      serverVersion: '15.4',
      flavorId: LARGE,
      volumeSizeGb: 20,
      minimumGb: 3
    })
    expect(plan).toEqual({
      flavorRef: LARGE,
      volume: { size: 20 },
      datastore: { type: 'postgresql', version: '15' }
    })
  })

  test('MariaDB: 10.11.6-MariaDB is Trove’s 10.11, not 10.1; the recorded Trove version wins', async () => {
    cloud('mariadb', [
      ['10.1', true],
      ['10.11', true]
    ])
    const fromServer = await planEmptyInstance(makeClient().trove, settings, {
      type: 'mariadb',
      serverVersion: '10.11.6-MariaDB',
      flavorId: SMALL,
      minimumGb: 1
    })
    expect(fromServer.datastore.version).toBe('10.11')
    cloud('mariadb', [
      ['10.1', true],
      ['10.11', true]
    ])
    const recorded = await planEmptyInstance(makeClient().trove, settings, {
      type: 'mariadb',
      serverVersion: '10.11.6-MariaDB',
      datastoreVersion: '10.1',
      flavorId: SMALL,
      minimumGb: 1
    })
    expect(recorded.datastore.version).toBe('10.1')
  })

  test('10.11.6-MariaDB never becomes 10.1, even where 10.1 is all the cloud offers', async () => {
    cloud('mariadb', [['10.1', true]])
    const error = await failure(
      planEmptyInstance(makeClient().trove, settings, {
        type: 'mariadb',
        serverVersion: '10.11.6-MariaDB',
        flavorId: SMALL,
        minimumGb: 1
      })
    )
    expect(error.input).toBe('datastore-version')
    expect(error.message).toMatch(/the data is from mariadb 10\.11\.6-MariaDB.*offered: 10\.1\)/)
  })

  test('the inputs override every default; the volume is at least what the data needs', async () => {
    cloud('postgresql', [['15', true]])
    const plan = await planEmptyInstance(
      makeClient().trove,
      {
        ...settings,
        flavor: 'standard.small',
        volumeSizeGb: 8,
        volumeType: 'ssd',
        network: 'net-1'
      },
      { type: 'postgresql', serverVersion: '15.4', flavorId: LARGE, minimumGb: 3 }
    )
    expect(plan).toEqual({
      flavorRef: SMALL,
      volume: { size: 8, type: 'ssd' },
      datastore: { type: 'postgresql', version: '15' },
      nics: [{ networkId: 'net-1' }]
    })
    cloud('postgresql', [['15', true]])
    const noFlavor = await planEmptyInstance(makeClient().trove, settings, {
      type: 'postgresql',
      serverVersion: '15.4',
      flavorId: SMALL,
      minimumGb: 5
    })
    expect(noFlavor.volume.size).toBe(5)
  })

  test.each([
    [
      'a version the cloud does not offer (or offers no more)',
      { datastoreVersion: '14' },
      { serverVersion: '15.4', flavorId: SMALL },
      'datastore-version',
      /"14" is not offered by this cloud \(offered: 15, 16\)/
    ],
    [
      'a copy of a version the cloud lacks',
      {},
      { serverVersion: '17.1', flavorId: SMALL },
      'datastore-version',
      /is required: the data is from postgresql 17\.1.*offered: 15, 16/
    ],
    [
      'an unknown flavor',
      { flavor: 'huge' },
      { serverVersion: '15.4' },
      'flavor',
      /no flavor "huge"; flavors: standard\.small, standard\.large/
    ],
    [
      'a source flavor that this cloud lacks',
      {},
      { serverVersion: '15.4', flavorId: 'other-cloud-flavor' },
      'flavor',
      /is required: the source's flavor other-cloud-flavor is not offered/
    ],
    [
      'no flavor at all (an old manifest)',
      {},
      { serverVersion: '15.4' },
      'flavor',
      /is required \(flavors: standard\.small, standard\.large\)/
    ],
    [
      'a volume smaller than the data',
      { volumeSizeGb: 2 },
      { serverVersion: '15.4', flavorId: SMALL },
      'volume-size',
      /2 GB is too small for the data \(4 GB at least\)/
    ]
  ])('%s names its input', async (_name, override, defaults, input, message) => {
    cloud('postgresql', [
      ['14', false],
      ['15', true],
      ['16', true]
    ])
    const error = await failure(
      planEmptyInstance(
        makeClient().trove,
        { ...settings, ...override },
        { type: 'postgresql', minimumGb: 4, ...defaults }
      )
    )
    expect(error.input).toBe(input)
    expect(error.message).toMatch(message)
  })
})
