// startLocalCloud: the object store, the database-server manager, and two HTTP
// listeners (Keystone; Trove + /_admin), all sharing one State. Returns the
// CloudInfo a client needs and a close() that leaves nothing behind.

import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { adminHandler } from './api/admin.ts'
import { DATASTORES } from './api/catalog.ts'
import { withFaults } from './api/faults.ts'
import { listen, type Handler } from './api/http.ts'
import { keystoneHandler } from './api/keystone.ts'
import { withRequestLog } from './api/request-log.ts'
import { clearAll, defaultConfig, type State } from './api/state.ts'
import { troveHandler } from './api/trove.ts'
import { claimAddressBlock } from './servers/address-block.ts'
import { createDbServers } from './servers/db-servers.ts'
import { startObjectStore } from './servers/swift.ts'
import { createTestCa } from './servers/tls.ts'

export interface CloudInfo {
  authUrl: string
  troveUrl: string
  adminUrl: string
  region: string
  projectId: string
  projectName: string
  projectDomainId: string
  userDomainName: string
  username: string
  password: string
  appCredId: string
  appCredSecret: string
  appCredName: string
  userId: string
  s3: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string }
  swiftUrl: string
  pid: number
  tempDir: string
  /** the CA (PEM file) that signed every database server's certificate: a client's db-ca */
  dbCaFile: string
}

export interface CloudOptions {
  /** base pace in ms for BUILD, backups and SHUTDOWN (default 2000) */
  paceMs?: number
}

export interface LocalCloud {
  info: CloudInfo
  close(): Promise<void>
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex')

export async function startLocalCloud(options: CloudOptions = {}): Promise<LocalCloud> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'localcloud-'))
  // mkdtemp makes 0700; the database servers run as their own users and must get through it.
  await chmod(tempDir, 0o755)
  const cleanups: Array<() => Promise<unknown>> = [
    () => rm(tempDir, { recursive: true, force: true })
  ]
  const close = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) {
      await c().catch((err: unknown) =>
        process.stderr.write(`localcloud: cleanup: ${String(err)}\n`)
      )
    }
  }
  try {
    // This cloud's own 127.<A>.x.y addresses, freed when every server is gone.
    const block = claimAddressBlock(10, 209)
    cleanups.push(async () => block.release())
    // One CA per cloud (in its temp dir, gone on stop); each server gets a certificate from it.
    const ca = await createTestCa(path.join(tempDir, 'ca'))
    const db = createDbServers(ca)
    const [store] = await Promise.all([
      startObjectStore(path.join(tempDir, 'swift')),
      readVersions(db)
    ])
    cleanups.push(() => store.stop())
    cleanups.push(() => db.destroyAll())

    const config = defaultConfig(options.paceMs ?? 2000)
    const state: State = {
      config,
      initialConfig: structuredClone(config),
      identity: {
        projectId: hex(16),
        projectName: 'project_2001234',
        userId: hex(16),
        username: 'localcloud-user',
        password: hex(12),
        appCredId: hex(16),
        appCredName: 'localcloud-gha',
        appCredSecret: randomBytes(24).toString('base64url')
      },
      authUrl: '',
      troveUrl: '',
      swiftUrl: store.swiftUrl,
      region: 'RegionOne',
      tempDir,
      db,
      store,
      tokens: new Map(),
      instances: new Map(),
      backups: new Map(),
      faults: [],
      requests: [],
      held: [],
      rate: new Map(),
      abort: new AbortController(),
      jobs: new Set(),
      addressOctet: block.octet,
      nextAddress: 1
    }
    cleanups.push(() => clearAll(state))

    const keystone = await listen(
      withRequestLog(state, 'keystone', withFaults(state, keystoneHandler(state)))
    )
    cleanups.push(() => keystone.close())
    const trove = withRequestLog(state, 'trove', withFaults(state, troveHandler(state)))
    const admin = adminHandler(state)
    const troveAndAdmin: Handler = (req) =>
      req.path.startsWith('/_admin') ? admin(req) : trove(req)
    const troveListener = await listen(troveAndAdmin)
    cleanups.push(() => troveListener.close())

    state.authUrl = `http://127.0.0.1:${keystone.port}/v3`
    state.troveUrl = `http://127.0.0.1:${troveListener.port}/v1.0/${state.identity.projectId}`
    const id = state.identity
    const info: CloudInfo = {
      authUrl: state.authUrl,
      troveUrl: state.troveUrl,
      adminUrl: `http://127.0.0.1:${troveListener.port}/_admin`,
      region: state.region,
      projectId: id.projectId,
      projectName: id.projectName,
      projectDomainId: 'default',
      userDomainName: 'Default',
      username: id.username,
      password: id.password,
      appCredId: id.appCredId,
      appCredSecret: id.appCredSecret,
      appCredName: id.appCredName,
      userId: id.userId,
      s3: store.s3,
      swiftUrl: store.swiftUrl,
      pid: process.pid,
      tempDir,
      dbCaFile: ca.certFile
    }
    return { info, close }
  } catch (err) {
    await close()
    throw err
  }
}

/** Version numbers of the active versions come from the real servers (e.g. "15.18"). */
async function readVersions(db: ReturnType<typeof createDbServers>): Promise<void> {
  await Promise.all(
    DATASTORES.map(async (ds) => {
      const number = await db.version(ds.name).catch(() => undefined)
      const active = ds.versions.find((v) => v.active)
      if (number && active) active.number = number
    })
  )
}
