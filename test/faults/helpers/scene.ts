// The scene every fault case starts from: a cloud, a real PostgreSQL instance with data, and a
// COMPLETED backup of it; plus waits that poll the cloud's admin API.
import type { ChildProcess } from 'node:child_process'
import type { Instance, TroveClient } from '../../../src/openstack/index.js'
import type { RunningCloud } from '../../localcloud/harness.js'
import { createPostgresWithData, DB_PASSWORD, DB_USER } from '../../e2e/helpers/local-instances.js'
import { cloudInputs, runAction } from '../../e2e/helpers/run-action.js'

export interface Scene {
  db: Instance
  backupId: string
}

export async function buildScene(cloud: RunningCloud, trove: TroveClient): Promise<Scene> {
  const db = await createPostgresWithData(trove, 'shop-db')
  const taken = await runAction('main', {
    ...cloudInputs(cloud.info),
    mode: 'backup',
    instance: 'shop-db'
  })
  if (taken.exitCode !== 0) throw new Error(`scene: backup failed:\n${taken.stdout}`)
  return { db, backupId: taken.outputs['backup-id'] as string }
}

export function drillInputs(
  cloud: RunningCloud,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    ...cloudInputs(cloud.info),
    mode: 'verify',
    instance: 'shop-db',
    'db-user': DB_USER,
    'db-password': DB_PASSWORD,
    'allowed-cidrs': '127.0.0.1/32',
    'integrity-check': 'false',
    ...extra
  }
}

/** Calls `act(child)` once this run's (id 4242) temporary instance exists in the cloud. */
export function whenTempInstanceExists(
  cloud: RunningCloud,
  act: (child: ChildProcess) => void
): (child: ChildProcess) => void {
  return (child) => {
    const poll = setInterval(() => {
      void cloud.admin.instances().then((all) => {
        if (!all.some((i) => /^dbaas-verify-.*-r4242-/.test(i.name))) return
        clearInterval(poll)
        act(child)
      })
    }, 150)
    child.on('close', () => clearInterval(poll))
  }
}
