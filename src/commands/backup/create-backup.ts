import {
  type Backup,
  type CreateBackupRequest,
  isStatus,
  outcomeUnknown,
  type TroveClient
} from '../../openstack/index.js'
import { describeError } from '../../errors.js'
import { type WaitDeps, waitForInstanceIdle } from '../../cloud/waits.js'

const MAX_CREATE_ATTEMPTS = 4

/**
 * Creates a backup without ever making two. A create whose answer was lost (connection reset,
 * timeout, 5xx) may still have happened, so before any new attempt we look for a backup with our
 * (unique) name and adopt it. A busy instance (422: e.g. the automatic backup just started) is
 * waited for, then asked again.
 */
export async function createBackupOnce(
  trove: TroveClient,
  instanceName: string,
  request: CreateBackupRequest,
  deadline: number,
  deps: WaitDeps
): Promise<Backup> {
  let lastError: unknown
  for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
    if (attempt > 1) {
      const existing = await findBackupByName(trove, request.instanceId, request.name)
      if (existing) {
        deps.logger.info(
          `The earlier create request did reach the cloud: using backup ${existing.id}`
        )
        return existing
      }
    }
    try {
      return await trove.createBackup(request)
    } catch (error) {
      lastError = error
      const remaining = deadline - deps.now()
      if (remaining <= 0) throw error
      if (isStatus(error, 422)) {
        deps.logger.info(
          `The instance is busy (${error.apiMessage}); waiting for it before asking again`
        )
        await waitForInstanceIdle(
          trove,
          { id: request.instanceId, name: instanceName },
          remaining,
          deps
        )
        continue
      }
      if (outcomeUnknown(error)) {
        deps.logger.warning(
          `${describeError(error)} — checking whether the backup was made before trying again`
        )
        await deps.sleep(Math.min(remaining, 2_000 * attempt))
        continue
      }
      throw error
    }
  }
  throw lastError
}

async function findBackupByName(
  trove: TroveClient,
  instanceId: string,
  name: string
): Promise<Backup | undefined> {
  const backups = await trove.listBackups({ instanceId, pageSize: 100 })
  return backups.find((b) => b.name === name)
}
