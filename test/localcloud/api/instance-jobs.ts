// The asynchronous half of instances: BUILD → ACTIVE (a real server starts, fresh
// or from a downloaded backup) or → ERROR with a fault, and DELETE → SHUTDOWN →
// gone. Each step is paced (config) so clients see the intermediate states.

import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { sleep } from './http.ts'
import { troveTime, type BackupRec, type InstanceRec, type State } from './state.ts'
import type { DbUser } from '../servers/types.ts'

export const BACKUP_CONTAINER = 'database_backups'

export interface BuildSpec {
  users: DbUser[]
  databases: string[]
  restoreFrom?: BackupRec
  /** admin next-restore: fail this restore on purpose */
  forceError?: boolean
}

export async function buildInstance(
  state: State,
  inst: InstanceRec,
  spec: BuildSpec
): Promise<void> {
  const signal = state.abort.signal
  const started = Date.now()
  const baseDir = path.join(state.tempDir, 'instances', inst.id)
  const artifact = path.join(state.tempDir, 'restore', `${inst.id}.artifact`)
  if (signal.aborted) return // reset before the job got to run
  try {
    if (spec.forceError) {
      await sleep(state.config.instanceBuildMs, signal)
      throw new Error('Injected restore failure (admin next-restore).')
    }
    let restoreFrom: string | undefined
    if (spec.restoreFrom) {
      await mkdir(path.dirname(artifact), { recursive: true })
      await state.store.getFile(BACKUP_CONTAINER, spec.restoreFrom.objectKey as string, artifact)
      restoreFrom = artifact
    }
    await mkdir(path.dirname(baseDir), { recursive: true })
    const server = await state.db.start({
      datastore: inst.datastore,
      host: inst.host,
      baseDir,
      users: spec.users,
      databases: spec.databases,
      restoreFrom,
      tls: state.config.serverTls,
      // The Pukki profile: no allowed CIDRs lets nobody in.
      allowedCidrs: inst.allowedCidrs
    })
    if (state.instances.get(inst.id) !== inst || signal.aborted) {
      // Reset or shutdown happened meanwhile: nobody will show this server, stop it.
      await state.db.destroy(server)
      return
    }
    inst.server = server
    await sleep(Math.max(0, state.config.instanceBuildMs - (Date.now() - started)), signal)
    inst.status = 'ACTIVE'
    inst.volumeUsed = spec.restoreFrom?.sizeGb ?? 0.05
    inst.updated = new Date()
  } catch (err) {
    if (signal.aborted) return
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(`localcloud: instance ${inst.id} failed to build: ${message}\n`)
    inst.status = 'ERROR'
    inst.updated = new Date()
    inst.fault = {
      message: spec.restoreFrom
        ? `Failed to restore instance from backup ${spec.restoreFrom.id}.`
        : 'Failed to create the database server.',
      created: troveTime(inst.updated),
      details: message
    }
  } finally {
    await rm(artifact, { force: true })
  }
}

/** DELETE: SHUTDOWN while the server stops (paced), then the record is gone (404). */
export async function deleteInstance(state: State, inst: InstanceRec): Promise<void> {
  const started = Date.now()
  const server = inst.server
  inst.server = undefined
  try {
    if (server) await state.db.destroy(server)
    await sleep(Math.max(0, state.config.deleteMs - (Date.now() - started)), state.abort.signal)
  } finally {
    if (state.instances.get(inst.id) === inst) state.instances.delete(inst.id)
  }
}
