import nock from 'nock'
import { nodeTransport } from '../../../src/openstack/transport.js'
import {
  HttpClient,
  type HttpOptions,
  OpenStackSession,
  type SessionConfig,
  silentLogger,
  TroveClient
} from '../../../src/openstack/index.js'

export const AUTH = 'https://keystone.test:5000/v3'
export const TROVE = 'https://trove.test:8779'
export const PROJECT = '0a1b2c3d4e5f'
export const TROVE_BASE = `/v1.0/${PROJECT}`

/** A clock the code under test advances by sleeping, so no test waits for real. */
export class FakeClock {
  nowMs = Date.parse('2026-11-25T12:00:00Z')
  sleeps: number[] = []
  now = (): number => this.nowMs
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms)
    this.nowMs += ms
  }
}

export function tokenBody(
  options: { expiresAt?: Date; projectId?: string; region?: string } = {}
): object {
  const expires = options.expiresAt ?? new Date(Date.parse('2026-11-25T13:00:00Z'))
  return {
    token: {
      methods: ['application_credential'],
      expires_at: expires.toISOString().replace('Z', '000Z'),
      issued_at: '2026-11-25T12:00:00.000000Z',
      project: {
        id: options.projectId ?? PROJECT,
        name: 'demo',
        domain: { id: 'default', name: 'Default' }
      },
      user: { id: 'u1', name: 'robot' },
      catalog: [
        {
          type: 'database',
          name: 'trove',
          endpoints: [
            {
              interface: 'public',
              region: options.region ?? 'pukki_dbaas',
              region_id: options.region ?? 'pukki_dbaas',
              url: `${TROVE}/v1.0/${options.projectId ?? PROJECT}`
            },
            {
              interface: 'internal',
              region: 'pukki_dbaas',
              region_id: 'pukki_dbaas',
              url: 'http://internal.test/v1.0/x'
            }
          ]
        },
        {
          type: 'identity',
          name: 'keystone',
          endpoints: [{ interface: 'public', region_id: 'pukki_dbaas', url: AUTH }]
        }
      ]
    }
  }
}

/** Keystone answers `times` token requests with the given token value(s). */
export function mockKeystone(values: string[] = ['tok-1'], expiresAt?: Date): nock.Scope {
  const scope = nock('https://keystone.test:5000')
  for (const value of values) {
    scope
      .post('/v3/auth/tokens')
      .reply(201, tokenBody(expiresAt ? { expiresAt } : {}), { 'X-Subject-Token': value })
  }
  return scope
}

export const appCredConfig: SessionConfig = {
  authUrl: AUTH,
  credentials: { method: 'application_credential', id: 'ac-id', secret: 'ac-secret' },
  interface: 'public',
  region: 'pukki_dbaas'
}

export function makeClient(
  clock = new FakeClock(),
  config: SessionConfig = appCredConfig,
  http: Partial<HttpOptions> = {}
): { trove: TroveClient; session: OpenStackSession; clock: FakeClock; httpClient: HttpClient } {
  const httpClient = new HttpClient({
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    logger: silentLogger,
    timeoutMs: 2000,
    transport: nodeTransport,
    ...http
  })
  const session = new OpenStackSession(httpClient, config)
  return { trove: new TroveClient(session), session, clock, httpClient }
}

export function backupJson(
  id: string,
  overrides: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    id,
    name: `backup-${id}`,
    description: null,
    status: 'COMPLETED',
    instance_id: 'inst-1',
    parent_id: null,
    size: 0.12,
    locationRef: `https://object.test/database_backups/${id}.xbstream.gz.enc`,
    created: '2026-11-25T01:00:00',
    updated: '2026-11-25T01:05:00',
    datastore: { type: 'postgresql', version: '17.2', version_id: 'v-17' },
    ...overrides
  }
}

export function instanceJson(
  id: string,
  overrides: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    id,
    name: `db-${id}`,
    status: 'ACTIVE',
    operating_status: 'HEALTHY',
    datastore: { type: 'postgresql', version: '17.2' },
    flavor: { id: 'd4a2cb9c-0000-4000-8000-000000000001', links: [] },
    volume: { size: 10, used: 0.3 },
    ip: ['195.148.0.10'],
    addresses: [{ address: '195.148.0.10', type: 'public' }],
    access: { is_public: true, allowed_cidrs: ['193.166.0.0/24'] },
    region: 'regionOne',
    created: '2026-11-01T10:00:00',
    updated: '2026-11-01T10:05:00',
    links: [],
    ...overrides
  }
}
