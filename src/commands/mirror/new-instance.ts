import type { S3Store } from '../../storage/s3-store.js'
import { resolveAllowedCidrs } from '../../cloud/allow-list.js'
import { planEmptyInstance } from '../../cloud/empty-instance-plan.js'
import {
  createInstanceAndWait,
  refuseTakenName,
  refuseTempName,
  type RestoredInstance
} from '../../cloud/restore.js'
import { checkQuota } from '../../cloud/restore-plan.js'
import { deleteAndConfirm, findInstancesByName } from '../../cloud/waits.js'
import { findRestoreTool, restoreCompatibility } from '../../database/restore-tool.js'
import { DEFAULT_PORTS } from '../../database/target.js'
import { CheckFailure, describeError } from '../../errors.js'
import { formatElapsed } from '../../format/duration.js'
import type { NewInstanceTarget, RestoreCopyInputs } from '../../inputs/mirror.js'
import type { TroveClient } from '../../openstack/index.js'
import type { CommandContext } from '../context.js'
import type { FoundCopy } from './find-copy.js'
import { checkCopyFits, type RestoredCopy, restoreCopy } from './restore-copy.js'

const GIB = 1024 ** 3

export interface RestoredIntoNewInstance {
  restored: RestoredCopy
  instance: RestoredInstance
  name: string
}

/**
 * target: new-instance — the disaster case: the copy restored into a new Trove instance on any
 * Trove cloud, which is kept. Everything is checked before the create (the copy, the key, the
 * restore tool against the version to create, the name, flavor, volume and quota); the create
 * is sent once. The instance is made with the copy's databases and the db-user login, so the
 * restore needs no further rights. If the restore fails or the run is cancelled, the instance
 * this run created (by the id its create answer gave) is deleted: it holds half a database.
 */
export async function restoreIntoNewInstance(
  context: CommandContext,
  client: S3Store,
  inputs: RestoreCopyInputs,
  target: NewInstanceTarget,
  found: FoundCopy
): Promise<RestoredIntoNewInstance> {
  const { manifest } = found
  const engine = manifest.datastore.type
  checkCopyFits(found, inputs.identities)
  const name = target.restoreName || `${manifest.source.instanceName}-offsite`
  refuseTempName(name)
  const { trove } = context.cloud()
  const plan = await context.group('Plan the new instance', async () => {
    await refuseTakenName(
      trove,
      name,
      target.restoreName ? '' : ' (the default is <instance of the copy>-offsite)'
    )
    const planned = await planEmptyInstance(trove, target, {
      type: engine,
      serverVersion: manifest.datastore.version,
      minimumGb: Math.ceil((2 * manifest.sizes.dumpBytes) / GIB),
      ...(manifest.source.datastoreVersion && {
        datastoreVersion: manifest.source.datastoreVersion
      }),
      ...(manifest.source.flavorId && { flavorId: manifest.source.flavorId }),
      ...(manifest.source.volumeSizeGb !== undefined && {
        volumeSizeGb: manifest.source.volumeSizeGb
      })
    })
    // The tool must read the copy and the new server must take it: known before the create.
    const tool = await findRestoreTool(engine)
    const fit = restoreCompatibility(
      engine,
      tool,
      { toolVersion: manifest.dump.toolVersion, serverVersion: manifest.datastore.version },
      planned.datastore.version
    )
    if (fit.problem) throw new CheckFailure(fit.problem)
    context.logger.info(
      `New instance ${name}: ${planned.datastore.type} ${planned.datastore.version}, flavor ${planned.flavorRef}, ${planned.volume.size} GB`
    )
    context.logger.info(await checkQuota(trove, planned))
    return planned
  })
  const cidrs = await resolveAllowedCidrs(target, context.inputs.env)
  context.logger.info(`The new instance will accept connections from ${cidrs.join(', ')}`)

  let createdId: string | undefined
  const deleteCreated = async (): Promise<string> => {
    if (!createdId) return 'nothing was created'
    await deleteAndConfirm(trove, { id: createdId, name }, target.deleteTimeoutMs, context)
    return `the new instance ${name} (${createdId}) was deleted`
  }
  // While it is created and waited for, a cancellation asks for its delete at once.
  const removeCancelHook = context.onCancel(async (signal) => {
    context.logger.warning(`Received ${signal}: deleting the new instance ${name}`)
    await askToDelete(trove, createdId, name, context)
  })
  let instance: RestoredInstance
  try {
    instance = await context.group(`Create the instance ${name}`, () =>
      createInstanceAndWait(
        context,
        trove,
        {
          name,
          ...plan,
          // is_public gives the instance an address; the allow-list limits who reaches it.
          access: { isPublic: true, allowedCidrs: cidrs },
          databases: manifest.dump.databases,
          users: [
            { name: target.dbUser, password: target.dbPassword, databases: manifest.dump.databases }
          ]
        },
        target.restoreTimeoutMs,
        (id) => {
          // instance-id is set once the restore succeeded: a failed one deletes the instance.
          createdId = id
          context.logger.info(`Creating instance ${name} (${id})`)
        }
      )
    )
    context.logger.info(
      `Instance ${name} is usable at ${instance.host} after ${formatElapsed(instance.restoreMs)}`
    )
  } catch (error) {
    throw await withCleanup(error, deleteCreated, createdId, name)
  } finally {
    removeCancelHook()
  }

  try {
    const restored = await restoreCopy(context, client, inputs, found, {
      server: {
        kind: 'url',
        engine,
        host: instance.host,
        port: DEFAULT_PORTS[engine],
        user: target.dbUser,
        password: target.dbPassword,
        database: ''
      },
      databasesExist: true,
      onCancel: () => askToDelete(trove, createdId, name, context)
    })
    return { restored, instance, name }
  } catch (error) {
    throw await withCleanup(error, deleteCreated, createdId, name)
  }
}

/** The run's error, with what became of the instance it created. */
async function withCleanup(
  error: unknown,
  deleteCreated: () => Promise<string>,
  createdId: string | undefined,
  name: string
): Promise<unknown> {
  if (!createdId) return error
  let cleanup: string
  try {
    cleanup = await deleteCreated()
  } catch (deleteError) {
    cleanup =
      `could NOT delete the new instance ${name} (${createdId}): ${describeError(deleteError)}; ` +
      `delete it with \`openstack database instance delete ${createdId}\``
  }
  return new CheckFailure(`${describeError(error)}; ${cleanup}`, { cause: error })
}

/**
 * On cancellation there are seconds: ask for the delete, do not wait for it. Before the create
 * was answered the instance is found by its name, which was unused when the create was sent.
 */
async function askToDelete(
  trove: TroveClient,
  knownId: string | undefined,
  name: string,
  context: CommandContext
): Promise<void> {
  const id = knownId ?? (await findInstancesByName(trove, name).catch(() => []))[0]?.id
  if (!id) return
  try {
    await trove.deleteInstance(id)
    context.logger.warning(`Cancelled: asked to delete the new instance ${name} (${id})`)
  } catch (error) {
    context.logger.warning(
      `Cancelled: could not delete the new instance ${name} (${id}): ${describeError(error)}; ` +
        `delete it with \`openstack database instance delete ${id}\``
    )
  }
}
