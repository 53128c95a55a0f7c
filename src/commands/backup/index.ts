import { readBackupInputs } from '../../inputs/backup.js'
import { type BackupOutcome, backupSummary } from './summary.js'
import { createBackupOnce } from './create-backup.js'
import { requireVerified } from './gate.js'
import { renderBackupName } from '../../inputs/backup-name.js'
import { CheckFailure } from '../../errors.js'
import type { CommandContext } from '../context.js'
import { resolveInstance } from '../../cloud/resolve.js'
import { waitForBackup, waitForInstanceIdle } from '../../cloud/waits.js'
import { newestUsable } from '../../policy/index.js'
import { formatElapsed } from '../../format/duration.js'
import { type Backup, type Instance, type TroveClient, WaitError } from '../../openstack/index.js'

/**
 * The pre-deploy gate: take a manual backup of one instance and succeed only when it is
 * COMPLETED (or reuse one that is recent enough). A manual backup also moves the provider's
 * next automatic backup about 24 h on.
 */
export async function backup(context: CommandContext): Promise<void> {
  const inputs = readBackupInputs(context.inputs)
  const started = context.now()
  const deadline = started + inputs.timeoutMs
  const deps = { logger: context.logger, sleep: context.sleep, now: context.now }
  // The gate reads GitHub only: a deploy without a recent passing drill touches no cloud.
  if (inputs.gate) {
    const gate = inputs.gate
    await context.group('Check the last restore drill', () => requireVerified(context, gate))
  }
  const { trove } = context.cloud()

  const instance = await context.group('Find the instance', () =>
    resolveInstance(trove, inputs.instance)
  )
  context.logger.info(`Instance ${instance.name} (${instance.id}): ${instance.status}`)
  // Render the name now: a bad template fails before anything is created.
  const name = renderBackupName(inputs.nameTemplate, {
    instance: instance.name,
    sha: context.run.sha,
    runId: context.run.runId,
    ref: context.run.ref,
    now: new Date(started)
  })

  const history =
    inputs.reuseIfNewerThanMs !== undefined || inputs.incremental
      ? await trove.listBackups({ instanceId: instance.id, pageSize: 100 })
      : []
  const latest = newestUsable(history)

  if (inputs.reuseIfNewerThanMs !== undefined && latest) {
    const age = context.now() - latest.created.getTime()
    if (age <= inputs.reuseIfNewerThanMs) {
      context.logger.info(
        `Reusing backup ${latest.name} (${latest.id}): ${latest.status} ${formatElapsed(age)} ago, within reuse-if-newer-than`
      )
      return finish(context, {
        instance,
        backup: latest,
        reused: true,
        durationMs: 0,
        waited: false
      })
    }
    context.logger.info(
      `The newest COMPLETED backup is ${formatElapsed(age)} old: taking a new one`
    )
  }

  let parentId: string | undefined
  if (inputs.incremental) {
    if (latest) parentId = latest.id
    else
      context.warn(
        `No COMPLETED backup of ${instance.name} to build on: taking a full backup`,
        'incremental'
      )
  }

  const description =
    inputs.description || context.run.runUrl || 'manual backup by dbaas-backup-action'
  try {
    const created = await context.group('Take the backup', async () => {
      const ready = await waitUntilIdle(trove, instance, deadline, inputs.timeoutMs, context)
      context.logger.info(
        `Requesting backup ${name} of ${ready.name}${parentId ? ` (incremental on ${parentId})` : ''}`
      )
      return createBackupOnce(
        trove,
        instance.name,
        {
          name,
          instanceId: instance.id,
          description,
          ...(parentId !== undefined && { incremental: true, parentId })
        },
        deadline,
        deps
      )
    })
    context.logger.info(`Backup ${created.id} requested: ${created.status}`)
    const done = inputs.wait
      ? await context.group('Wait for the backup', () =>
          waitForBackupDone(trove, created, deadline, inputs.timeoutMs, context)
        )
      : created
    return finish(context, {
      instance,
      backup: done,
      reused: false,
      durationMs: context.now() - started,
      waited: inputs.wait
    })
  } catch (error) {
    if (error instanceof WaitError)
      throw new CheckFailure(explainWaitFailure(error, instance, name, inputs.timeoutMs))
    throw error
  }
}

async function waitUntilIdle(
  trove: TroveClient,
  instance: Instance,
  deadline: number,
  stepTimeoutMs: number,
  context: CommandContext
): Promise<Instance> {
  const current = await trove.getInstance(instance.id)
  if (current.status === 'ACTIVE') return current
  context.logger.info(
    current.status === 'BACKUP'
      ? `A backup of ${instance.name} is already running (perhaps the automatic one): waiting for it to finish`
      : `Instance ${instance.name} is ${current.status}: waiting until it is ACTIVE`
  )
  const { value } = await waitForInstanceIdle(
    trove,
    instance,
    deadline - context.now(),
    context,
    stepTimeoutMs
  )
  return value
}

async function waitForBackupDone(
  trove: TroveClient,
  created: Backup,
  deadline: number,
  stepTimeoutMs: number,
  context: CommandContext
): Promise<Backup> {
  const { value } = await waitForBackup(
    trove,
    created,
    deadline - context.now(),
    context,
    stepTimeoutMs
  )
  return value
}

function explainWaitFailure(
  error: WaitError,
  instance: Instance,
  name: string,
  timeoutMs: number
): string {
  if (error.reason === 'timeout') {
    return (
      `${error.message}. The deploy is stopped because no fresh backup is confirmed. ` +
      `The backup may still finish: check it with \`openstack database backup list --instance ${instance.id}\`, ` +
      `and raise \`timeout\` (now ${formatElapsed(timeoutMs)}) if backups of this instance take longer.`
    )
  }
  return (
    `${error.message}. The deploy is stopped because backup ${name} of ${instance.name} did not complete. ` +
    `Check the instance's state in the DBaaS web UI or with \`openstack database instance show ${instance.id}\`, ` +
    `then re-run the workflow; contact the provider's support if backups keep failing.`
  )
}

function finish(context: CommandContext, outcome: BackupOutcome): void {
  const { backup: b } = outcome
  context.setOutput('backup-id', b.id)
  context.setOutput('backup-name', b.name)
  context.setOutput('backup-status', b.status)
  context.setOutput('backup-size-gb', b.sizeGb ?? '')
  context.setOutput('backup-created', b.created.toISOString())
  context.setOutput('duration-seconds', Math.round(outcome.durationMs / 1000))
  context.setOutput('reused', outcome.reused)
  context.summary(backupSummary(outcome, context.now()))
}
