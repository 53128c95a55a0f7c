// `node test/localcloud/bench-startup.ts`: how long the local cloud takes to come up
// and to do each operation on real servers, with pacing off (pace 0), so the times
// are the real work. For the record, not a test: prints one line per measurement.

import { startCloud, type RunningCloud } from './harness.ts'

type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const FLAVOR = 'd4a2cb9c-0000-4000-8000-000000000002'

async function main(): Promise<void> {
  let t = Date.now()
  const cloud = await startCloud({ paceMs: 0 })
  report('cloud start (spawn → CloudInfo line)', t)
  try {
    for (const [datastore, version] of [
      ['postgresql', '15'],
      ['mariadb', '10.11']
    ] as const) {
      await benchDatastore(cloud, datastore, version)
    }
  } finally {
    t = Date.now()
    await cloud.stop()
    report('cloud stop (SIGTERM → exit, all cleaned up)', t)
  }
}

async function benchDatastore(cloud: RunningCloud, datastore: string, version: string) {
  const token = await getToken(cloud)
  const call = async (method: string, path: string, body?: unknown): Promise<J> => {
    const res = await fetch(cloud.info.troveUrl + path, {
      method,
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    if (!res.ok && res.status !== 404) throw new Error(`${method} ${path}: ${res.status} ${text}`)
    return { status: res.status, ...(text ? (JSON.parse(text) as J) : {}) }
  }
  const until = async (path: string, done: (r: J) => boolean): Promise<J> => {
    for (;;) {
      const r = await call('GET', path)
      if (done(r)) return r
      await new Promise((res) => setTimeout(res, 25))
    }
  }
  const body = (name: string, extra: J = {}) => ({
    instance: {
      name,
      flavorRef: FLAVOR,
      volume: { size: 1 },
      datastore: { type: datastore, version },
      access: { is_public: true, allowed_cidrs: ['203.0.113.7/32'] },
      users: [{ name: 'app', password: 's3cret', databases: [{ name: 'appdb' }] }],
      ...extra
    }
  })
  const settled = (r: J) => ['ACTIVE', 'ERROR'].includes(r.instance?.status)

  let t = Date.now()
  const inst = (await call('POST', '/instances', body(`bench-${datastore}`))).instance.id
  const a = await until(`/instances/${inst}`, settled)
  report(`${datastore}: create instance → ${a.instance.status}`, t)

  t = Date.now()
  const b = (await call('POST', '/backups', { backup: { name: 'bench', instance: inst } })).backup
    .id
  const bb = await until(`/backups/${b}`, (r) => !['NEW', 'BUILDING'].includes(r.backup.status))
  report(`${datastore}: backup → ${bb.backup.status} (${bb.backup.size} GB)`, t)

  t = Date.now()
  const restoreBody = body(`bench-${datastore}-restore`, { restorePoint: { backupRef: b } })
  const rid = (await call('POST', '/instances', restoreBody)).instance.id
  const r = await until(`/instances/${rid}`, settled)
  report(`${datastore}: restore → ${r.instance.status}`, t)

  for (const id of [inst, rid]) {
    t = Date.now()
    await call('DELETE', `/instances/${id}`)
    await until(`/instances/${id}`, (x) => x.status === 404)
    report(`${datastore}: delete → gone (404)`, t)
  }
}

async function getToken(cloud: RunningCloud): Promise<string> {
  const res = await fetch(`${cloud.info.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: cloud.info.appCredId, secret: cloud.info.appCredSecret }
        }
      }
    })
  })
  return res.headers.get('x-subject-token') ?? ''
}

function report(what: string, since: number): void {
  process.stdout.write(`${what.padEnd(52)} ${String(Date.now() - since).padStart(6)} ms\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exitCode = 1
})
