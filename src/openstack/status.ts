import type { Backup, Instance } from './trove-types.js'

/** Ready to use: status ACTIVE, and operating_status HEALTHY where the cloud reports one. */
export function isInstanceReady(instance: Instance): boolean {
  return (
    instance.status === 'ACTIVE' &&
    (instance.operatingStatus === undefined || instance.operatingStatus === 'HEALTHY')
  )
}

const INSTANCE_FAILED = ['ERROR', 'FAILED', 'BLOCKED', 'SHUTDOWN']

/** A message when the instance can no longer become ready by waiting. */
export function instanceFailure(instance: Instance): string | undefined {
  if (!INSTANCE_FAILED.includes(instance.status)) return undefined
  const fault = instance.fault ? `: ${instance.fault}` : ''
  return `ended in ${instance.status}${fault}`
}

/**
 * Free for an action such as a backup: ACTIVE. Trove decides from the guest status it
 * stored, so an ACTIVE instance whose guest is late (operating_status ERROR) still takes one
 * (docs/trove-api.md §4.3).
 */
export function isInstanceIdle(instance: Instance): boolean {
  return instance.status === 'ACTIVE'
}

/** True when Trove shows a late guest agent heartbeat: ACTIVE with operating_status ERROR. */
export function isGuestLate(instance: Instance): boolean {
  return instance.status === 'ACTIVE' && instance.operatingStatus === 'ERROR'
}

export function describeInstance(instance: Instance): string {
  if (isGuestLate(instance)) return `ACTIVE/ERROR (the guest agent's heartbeat is late)`
  return instance.operatingStatus
    ? `${instance.status}/${instance.operatingStatus}`
    : instance.status
}

export const BACKUP_DONE = 'COMPLETED'
const BACKUP_FAILED = ['FAILED', 'DELETE_FAILED', 'ERROR']

export function backupFailure(backup: Backup): string | undefined {
  return BACKUP_FAILED.includes(backup.status) ? `ended in ${backup.status}` : undefined
}
