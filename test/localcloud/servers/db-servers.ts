// DbServers over the real PostgreSQL and MariaDB servers. Keeps the process of each
// running server (keyed by baseDir, unique per instance) so destroy can stop it.

import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Datastore, DbServers, RunningDb, StartSpec } from './types.ts'
import { killMatching } from './proc.ts'
import { removeTree } from './fsutil.ts'
import {
  PG_PORT,
  backupPostgres,
  postgresVersion,
  startPostgres,
  stopPostgres,
  type PgServer
} from './postgres.ts'
import {
  MARIADB_PORT,
  backupMariadb,
  mariadbVersion,
  startMariadb,
  stopMariadb,
  type MariaServer
} from './mariadb.ts'
import { issueServerCert, type TestCa } from './tls.ts'

type Server = { kind: 'postgresql'; pg: PgServer } | { kind: 'mariadb'; maria: MariaServer }

export interface LocalDbServers extends DbServers {
  /** Every server still running. */
  running(): RunningDb[]
  /** Destroys every running server (the cloud's shutdown). */
  destroyAll(): Promise<void>
}

/** `ca`: the cloud's CA; each server then gets a certificate of its own, signed by it. */
export function createDbServers(ca?: TestCa): LocalDbServers {
  const servers = new Map<string, { db: RunningDb; server: Server }>()
  const versions = new Map<Datastore, Promise<string>>()

  const lookup = (db: RunningDb) => {
    const entry = servers.get(db.baseDir)
    if (!entry) throw new Error(`no running ${db.datastore} server at ${db.host} (${db.baseDir})`)
    return entry.server
  }

  // A failed start leaves no process and no directory behind: nobody holds a handle for it.
  const cleanUp = async (baseDir: string) => {
    await killMatching(baseDir + '/')
    await removeTree(baseDir)
  }

  const api: LocalDbServers = {
    async start(spec: StartSpec): Promise<RunningDb> {
      if (servers.has(spec.baseDir)) throw new Error(`${spec.baseDir} is already in use`)
      let server: Server
      try {
        await mkdir(spec.baseDir, { recursive: true }) // the caller may or may not have made it
        // Under baseDir: removed with the instance, and a restore gets a new one for its address.
        const cert =
          ca && spec.tls !== false
            ? await issueServerCert(ca, spec.host, path.join(spec.baseDir, 'tls'))
            : undefined
        server =
          spec.datastore === 'postgresql'
            ? { kind: 'postgresql', pg: await startPostgres(spec, cert) }
            : { kind: 'mariadb', maria: await startMariadb(spec, cert) }
      } catch (err) {
        await cleanUp(spec.baseDir)
        throw err
      }
      const port = spec.datastore === 'postgresql' ? PG_PORT : MARIADB_PORT
      const db: RunningDb = {
        datastore: spec.datastore,
        host: spec.host,
        port,
        baseDir: spec.baseDir,
        tls: ca !== undefined && spec.tls !== false
      }
      servers.set(spec.baseDir, { db, server })
      return db
    },

    async backup(db: RunningDb, outFile: string): Promise<{ bytes: number }> {
      const s = lookup(db)
      if (s.kind === 'postgresql') await backupPostgres(s.pg, outFile)
      else await backupMariadb(s.maria, outFile)
      return { bytes: (await stat(outFile)).size }
    },

    async destroy(db: RunningDb): Promise<void> {
      const entry = servers.get(db.baseDir)
      servers.delete(db.baseDir)
      if (entry?.server.kind === 'postgresql') await stopPostgres(entry.server.pg)
      if (entry?.server.kind === 'mariadb') await stopMariadb(entry.server.maria)
      // Safety net (a backup tool still running, a server we lost track of), then the files.
      await cleanUp(db.baseDir)
    },

    version(datastore: Datastore): Promise<string> {
      let v = versions.get(datastore)
      if (!v) {
        v = datastore === 'postgresql' ? postgresVersion() : mariadbVersion()
        versions.set(datastore, v)
        v.catch(() => versions.delete(datastore)) // retry next time rather than cache a failure
      }
      return v
    },

    running: () => [...servers.values()].map((e) => e.db),

    async destroyAll(): Promise<void> {
      await Promise.all(api.running().map((db) => api.destroy(db)))
    }
  }
  return api
}
