// startUpstreamCloud: the real Keystone and the real trove-api (Debian's packages) on a
// throwaway MariaDB started from the saved snapshot, the real Swift store, and the
// control plane that builds real database servers behind Trove's rows. Returns the same
// handle as the double (startLocalCloud) plus `kind: "upstream"`.

import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CloudInfo } from '../cloud.ts'
import { FLAVORS } from '../api/catalog.ts'
import { claimAddressBlock } from '../servers/address-block.ts'
import { createDbServers } from '../servers/db-servers.ts'
import { freePorts, killMatching, stopProcess } from '../servers/proc.ts'
import { startObjectStore } from '../servers/swift.ts'
import { createTestCa } from '../servers/tls.ts'
import { literal, startControlDb } from './control-db.ts'
import type { Handler } from '../api/http.ts'
import { upstreamAdminHandler } from './admin.ts'
import { startControlPlane } from './control-plane.ts'
import { startFrontDoor, type FrontDoorState } from './front-door.ts'
import { REGION, keystoneConf, startKeystone, startTroveApi, writeTroveFiles } from './services.ts'
import { TROVE_PLACEHOLDER, ensureSnapshot, type Seed } from './snapshot.ts'

export type UpstreamCloudInfo = CloudInfo & {
  kind: 'upstream'
  /** an application credential whose access_rules allow only the read calls */
  rulesCredId: string
  rulesCredSecret: string
}

export interface UpstreamCloud {
  info: UpstreamCloudInfo
  /** ms from the call to everything answering, and how long the snapshot took (0 when cached) */
  timings: Record<string, number>
  close(): Promise<void>
}

export async function startUpstreamCloud(
  log: (line: string) => void = (l) => process.stderr.write(l + '\n')
): Promise<UpstreamCloud> {
  const t0 = Date.now()
  const timings: Record<string, number> = {}
  const snapshot = await ensureSnapshot(log)
  timings.snapshotMs = Date.now() - t0
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'upstream-cloud-'))
  // mkdtemp makes 0700; the database servers run as their own users and must get through it.
  await chmod(tempDir, 0o755)
  const cleanups: Array<() => Promise<unknown>> = [
    () => rm(tempDir, { recursive: true, force: true }),
    // The safety net: anything still running from this cloud's files (every server's
    // command line names a path under tempDir).
    () => killMatching(tempDir + '/')
  ]
  const close = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) {
      await c().catch((err: unknown) => log(`upstream cloud: cleanup: ${String(err)}`))
    }
  }
  try {
    // This cloud's own 127.<A>.x.y addresses (apart from the double's), freed at the end.
    const block = claimAddressBlock(210, 254)
    cleanups.push(async () => block.release())
    const dbDir = path.join(tempDir, 'control-db')
    await mkdir(dbDir)
    const k = {
      dir: path.join(tempDir, 'keystone'),
      fernetKeys: path.join(tempDir, 'keystone', 'fernet-keys'),
      credentialKeys: path.join(tempDir, 'keystone', 'credential-keys')
    }
    const t = {
      dir: path.join(tempDir, 'trove'),
      spool: path.join(tempDir, 'trove', 'spool'),
      addresses: path.join(tempDir, 'trove', 'addresses.json'),
      flavors: path.join(tempDir, 'trove', 'flavors.json')
    }
    await Promise.all([
      cp(snapshot.dataDir, path.join(dbDir, 'data'), { recursive: true }),
      cp(snapshot.fernetKeys, k.fernetKeys, { recursive: true }),
      cp(snapshot.credentialKeys, k.credentialKeys, { recursive: true }),
      mkdir(t.spool, { recursive: true })
    ])
    // Swift before the two Python APIs, not beside them: on a loaded machine the three
    // loading at once push Swift past its start-up deadline.
    const [ca, store, db] = await Promise.all([
      createTestCa(path.join(tempDir, 'ca')),
      startObjectStore(path.join(tempDir, 'swift')),
      startControlDb(dbDir)
    ])
    cleanups.push(() => store.stop())
    cleanups.push(() => db.stop())
    timings.swiftAndDbMs = Date.now() - t0

    const [keystonePort, trovePort] = (await freePorts(2)) as [number, number]
    // The product reaches both APIs through the front door (the request log and injected
    // faults); the admin API behind it answers once the control plane runs.
    const door: FrontDoorState = { faults: [], requests: [] }
    const admin: { handler?: Handler } = {}
    const front = await startFrontDoor(
      door,
      { keystonePort, trovePort },
      (req) =>
        admin.handler
          ? admin.handler(req)
          : { status: 503, body: 'the upstream cloud is starting' },
      // trove-api's own failures: its log says why, and the cloud's log is where tests look.
      (req, status) =>
        void lastTraceback(path.join(t.dir, 'trove-api.log')).then((tb) =>
          log(`upstream cloud: trove-api answered ${req.method} ${req.path} with ${status}\n${tb}`)
        )
    )
    cleanups.push(() => front.close())
    // Users' catalog entries lead to the front door; keystonemiddleware (inside trove-api)
    // finds Keystone by the internal and admin ones, and talks to it directly.
    await db.sql(
      `UPDATE endpoint SET url = REPLACE(url, '${TROVE_PLACEHOLDER}', 'http://127.0.0.1:${front.trovePort}');
      UPDATE endpoint SET url = REPLACE(url, 'http://keystone.invalid', 'http://127.0.0.1:${front.keystonePort}')
        WHERE interface = 'public';
      UPDATE endpoint SET url = REPLACE(url, 'http://keystone.invalid', 'http://127.0.0.1:${keystonePort}');`,
      'keystone'
    )
    // Trove makes a project's quota_usages rows on its first reservation, without a lock:
    // two creates at once in a new project can both make them and one answers 500. The
    // project here has used Trove before, as a user's project has: its rows exist.
    await db.sql(
      `INSERT INTO quota_usages (id, created, updated, tenant_id, in_use, reserved, resource)
        SELECT UUID(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), ${literal(snapshot.seed.projectId)}, 0, 0, r.name
        FROM (SELECT 'instances' AS name UNION SELECT 'ram' UNION SELECT 'volumes' UNION SELECT 'backups') r
        WHERE NOT EXISTS (SELECT 1 FROM quota_usages u
          WHERE u.tenant_id=${literal(snapshot.seed.projectId)} AND u.resource=r.name)`,
      'trove'
    )
    await writeFile(path.join(k.dir, 'keystone.conf'), keystoneConf(k, db.url('keystone')))
    await writeFile(
      t.flavors,
      JSON.stringify(
        FLAVORS.map((f) => ({ id: f.strId, name: f.name, ram: f.ram, vcpus: f.vcpus }))
      )
    )
    await writeFile(t.addresses, '{}')
    const troveConf = await writeTroveFiles(t, {
      port: trovePort,
      keystonePort,
      dbUrl: db.url('trove')
    })
    // Keystone and trove-api each take seconds to load their Python: in parallel.
    const [keystone, trove] = await Promise.allSettled([
      startKeystone(k, keystonePort),
      startTroveApi(t, troveConf, trovePort)
    ])
    for (const p of [keystone, trove]) {
      if (p.status === 'fulfilled')
        cleanups.push(() => stopProcess(p.value, { signal: 'SIGTERM', graceMs: 10_000 }))
    }
    for (const p of [keystone, trove]) if (p.status === 'rejected') throw p.reason
    timings.apisMs = Date.now() - t0
    await warmUp(
      `http://127.0.0.1:${front.keystonePort}/v3`,
      `http://127.0.0.1:${front.trovePort}/v1.0/${snapshot.seed.projectId}`,
      snapshot.seed
    )
    door.requests.length = 0
    timings.warmMs = Date.now() - t0

    const servers = createDbServers(ca)
    cleanups.push(() => servers.destroyAll())
    const plane = startControlPlane({
      db,
      servers,
      store,
      spool: t.spool,
      addressesFile: t.addresses,
      workDir: path.join(tempDir, 'work'),
      addressOctet: block.octet,
      log
    })
    await mkdir(path.join(tempDir, 'work', 'instances'), { recursive: true })
    cleanups.push(() => plane.stop())
    admin.handler = upstreamAdminHandler({
      db,
      plane,
      store,
      door,
      projectId: snapshot.seed.projectId
    })
    timings.upMs = Date.now() - t0
    return {
      info: infoOf(snapshot.seed, front.keystonePort, front.trovePort, store, tempDir, ca.certFile),
      timings,
      close
    }
  } catch (err) {
    await close()
    throw err
  }
}

/** The last Python traceback in a log file (with the lines that name it), or a note. */
async function lastTraceback(logFile: string): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '')
  const at = text.lastIndexOf('Traceback (most recent call last)')
  if (at < 0) return '(no traceback in trove-api.log)'
  const from = text.lastIndexOf('\n', Math.max(0, text.lastIndexOf('\n', at - 1) - 1))
  return text.slice(from + 1, at + 6000)
}

function infoOf(
  seed: Seed,
  keystonePort: number,
  trovePort: number,
  store: { swiftUrl: string; s3: CloudInfo['s3'] },
  tempDir: string,
  dbCaFile: string
): UpstreamCloudInfo {
  return {
    kind: 'upstream',
    authUrl: `http://127.0.0.1:${keystonePort}/v3`,
    troveUrl: `http://127.0.0.1:${trovePort}/v1.0/${seed.projectId}`,
    adminUrl: `http://127.0.0.1:${trovePort}/_admin`,
    region: REGION,
    projectId: seed.projectId,
    projectName: seed.projectName,
    projectDomainId: 'default',
    userDomainName: 'Default',
    username: seed.username,
    password: seed.password,
    appCredId: seed.appCredId,
    appCredSecret: seed.appCredSecret,
    appCredName: seed.appCredName,
    rulesCredId: seed.rulesCredId,
    rulesCredSecret: seed.rulesCredSecret,
    userId: seed.userId,
    s3: store.s3,
    swiftUrl: store.swiftUrl,
    pid: process.pid,
    tempDir,
    dbCaFile
  }
}

/**
 * The first authenticated calls cost trove-api seconds (keystonemiddleware gets its own
 * token; the clients and models load lazily), more than a client's request timeout on a
 * loaded machine. They are made here, before the cloud says it is up: a list, and a
 * create that the real validation refuses (unknown flavor, 400), so nothing is created.
 */
async function warmUp(authUrl: string, troveUrl: string, seed: Seed): Promise<void> {
  const auth = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: seed.appCredId, secret: seed.appCredSecret }
        }
      }
    }),
    signal: AbortSignal.timeout(180_000)
  })
  const token = auth.headers.get('x-subject-token')
  if (auth.status !== 201 || !token) throw new Error(`keystone: warm-up token ${auth.status}`)
  const call = async (method: string, p: string, body?: unknown): Promise<number> => {
    const res = await fetch(troveUrl + p, {
      method,
      headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(180_000)
    })
    await res.arrayBuffer()
    return res.status
  }
  const listed = await call('GET', '/instances')
  if (listed !== 200) throw new Error(`trove-api: warm-up GET /instances ${listed}`)
  const create = {
    instance: {
      name: 'warm-up',
      flavorRef: 'warm-up-unknown-flavor',
      volume: { size: 1 },
      datastore: { type: 'postgresql', version: '15' }
    }
  }
  const refused = await call('POST', '/instances', create)
  if (refused !== 400) throw new Error(`trove-api: warm-up create gave ${refused}, not 400`)
}
