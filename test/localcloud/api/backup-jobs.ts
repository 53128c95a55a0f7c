// The asynchronous half of backups: NEW → BUILDING → COMPLETED (or FAILED). The
// copy is real: DbServers.backup writes one file from the running server, which
// is uploaded to Swift; `locationRef` is the object's URL, `size` its GB.

import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { sleep } from './http.ts'
import { BACKUP_CONTAINER } from './instance-jobs.ts'
import type { BackupRec, InstanceRec, State } from './state.ts'

const GB = 1024 ** 3

export async function runBackup(
  state: State,
  b: BackupRec,
  inst: InstanceRec,
  outcome: 'FAILED' | 'hold' | undefined
): Promise<void> {
  const signal = state.abort.signal
  const pace = state.config.backupMs
  const started = Date.now()
  const file = path.join(state.tempDir, 'backups', `${b.id}.artifact`)
  const set = (status: string): void => {
    b.status = status
    b.updated = new Date()
  }
  if (signal.aborted) return // reset before the job got to run
  try {
    // The copy is taken right away, so it holds the data as of the create call.
    let bytes = 0
    if (outcome !== 'FAILED') {
      if (!inst.server) {
        // A seeded record has no server to copy: it fails like a broken guest agent would.
        await sleep(pace / 3, signal)
        throw new Error(`instance ${inst.id} has no running server (a seeded record)`)
      }
      await mkdir(path.dirname(file), { recursive: true })
      bytes = (await state.db.backup(inst.server, file)).bytes
    }
    await sleep(Math.max(0, pace / 3 - (Date.now() - started)), signal)
    // Trove sets `size` when BUILDING starts (the used space of the volume).
    b.sizeGb = Math.max(0.000001, Math.round((bytes / GB) * 1e6) / 1e6)
    set('BUILDING')
    if (outcome === 'hold') {
      await new Promise<void>((resolve) => state.held.push(resolve))
      if (signal.aborted) return
    }
    if (outcome === 'FAILED') {
      await sleep(Math.max(0, pace - (Date.now() - started)), signal)
      set('FAILED')
      return
    }
    const key = `${b.id}.backup`
    const url = await state.store.putFile(BACKUP_CONTAINER, key, file)
    await sleep(Math.max(0, pace - (Date.now() - started)), signal)
    b.objectKey = key
    b.locationRef = url
    inst.volumeUsed = b.sizeGb
    set('COMPLETED')
  } catch (err) {
    if (signal.aborted) return
    process.stderr.write(`localcloud: backup ${b.id} failed: ${String(err)}\n`)
    set('FAILED')
  } finally {
    await rm(file, { force: true })
  }
}
