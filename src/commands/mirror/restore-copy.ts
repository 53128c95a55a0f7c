import type { S3Store } from '../../storage/s3-store.js'
import { pipeline } from 'node:stream/promises'
import { RestoreServer } from '../../database/restore-target.js'
import { findRestoreTool, restoreCompatibility, startRestore } from '../../database/restore-tool.js'
import type { DbTarget } from '../../database/types.js'
import { CheckFailure, describeError, InputError } from '../../errors.js'
import { formatBytes } from '../../format/bytes.js'
import { formatElapsed } from '../../format/duration.js'
import type { CopyReadInputs } from '../../inputs/mirror.js'
import type { TargetServer } from '../../inputs/target-url.js'
import { IdentityMismatch } from '../../storage/decrypt.js'
import { CopyMismatch, copyStages } from '../../storage/read-copy.js'
import { formatS3Uri } from '../../storage/s3-uri.js'
import type { CommandContext } from '../context.js'
import type { FoundCopy } from './find-copy.js'

export interface RestoredCopy extends FoundCopy {
  /** The target server, with `databases` the restored ones (for the checks). */
  target: DbTarget
  databases: string[]
  bytes: number
  sha256: string
  restoreMs: number
  /** The restore program (pg_restore, mariadb) and its `--version` line, for the evidence. */
  tool: { command: string; version: string }
  /** The version the target server reported before the restore. */
  serverVersion: string
  /** Drops what was restored (the drill's clean-up); never touches anything else. */
  drop(): Promise<void>
}

const LABEL = { postgresql: 'PostgreSQL', mariadb: 'MariaDB' } as const

/** Where a copy goes. */
export interface RestoreInto {
  /** The server and login; `database` '' = the name the copy was dumped from. */
  server: TargetServer
  /**
   * The databases were created empty together with the server (a new instance): restore into
   * them as they are, and leave them to whoever removes the server on a failure.
   */
  databasesExist?: boolean
  /** More to undo on cancellation, after the restore is stopped (e.g. a new instance). */
  onCancel?: () => Promise<void>
}

/** The checks that need nothing but the copy and the inputs: run before anything is created. */
export function checkCopyFits(
  found: FoundCopy,
  identities: string[],
  engine?: TargetServer['engine']
): void {
  const { objectKey, manifest } = found
  const copyEngine = manifest.datastore.type
  if (engine && engine !== copyEngine) {
    throw new InputError(
      'target-url',
      `is a ${LABEL[engine]} server, but ${objectKey} is a ${LABEL[copyEngine]} copy`
    )
  }
  if (manifest.encryption && identities.length === 0) {
    throw new InputError(
      'age-identity',
      `is required: ${objectKey} is encrypted with age (to ${manifest.encryption.recipients.join(', ')})`
    )
  }
}

/**
 * Restores a stored copy into a server: checks that the tool and the server fit the copy and
 * that the database is new, all before the download; then streams download → size and SHA-256
 * against the manifest → age → decompress → pg_restore / mariadb. On any failure, and when the
 * run is cancelled, the database it created is dropped, and nothing else on the target was
 * touched.
 */
export async function restoreCopy(
  context: CommandContext,
  client: S3Store,
  inputs: CopyReadInputs,
  found: FoundCopy,
  into: RestoreInto
): Promise<RestoredCopy> {
  const { bucket } = inputs.location
  const { objectKey, manifest } = found
  const engine = manifest.datastore.type
  checkCopyFits(found, inputs.identities, into.server.engine)
  const databases = databasesFor(into.server, found)
  const target: DbTarget = {
    engine,
    host: into.server.host,
    port: into.server.port,
    user: into.server.user,
    password: into.server.password,
    databases,
    tls: inputs.dbTls,
    ...(inputs.dbCa && { ca: inputs.dbCa })
  }
  const server = new RestoreServer(target)
  const created: string[] = []
  // One drop, whoever asks first (the failure path or a cancellation): both wait for it.
  let dropping: Promise<string[]> | undefined
  const dropCreated = (): Promise<string[]> =>
    (dropping ??= (async () => {
      const dropped: string[] = []
      for (const name of [...created]) {
        await server.drop(name)
        dropped.push(name)
      }
      created.length = 0
      return dropped
    })())
  const stop = new AbortController()
  const removeCancelHook = context.onCancel(async (signal) => {
    context.logger.warning(
      `Received ${signal}: stopping the restore${created.length > 0 ? ` and dropping ${created.join(', ')}` : ''}`
    )
    stop.abort()
    try {
      const dropped = await dropCreated()
      if (dropped.length > 0) context.logger.warning(`Cancelled: dropped ${dropped.join(', ')}`)
    } catch (error) {
      context.logger.warning(
        `Cancelled: could NOT drop ${created.join(', ')} from the target: ${describeError(error)}`
      )
    }
    await into.onCancel?.()
  })
  try {
    const { tool, serverVersion } = await context.group('Check the target server', async () => {
      const [version, tool] = await Promise.all([server.version(), findRestoreTool(engine)])
      context.logger.info(
        `${tool.version} → ${LABEL[engine]} ${version} at ${target.host}:${target.port}; copy of ${LABEL[engine]} ${manifest.datastore.version} made by ${manifest.dump.toolVersion}`
      )
      const fit = restoreCompatibility(
        engine,
        tool,
        { toolVersion: manifest.dump.toolVersion, serverVersion: manifest.datastore.version },
        version
      )
      if (fit.problem) throw new CheckFailure(fit.problem)
      for (const warning of fit.warnings) context.warn(warning, 'Restore tool and server')
      if (into.databasesExist) {
        context.logger.info(`Restoring into ${databases.join(', ')}, created with the instance`)
        return { tool, serverVersion: version }
      }
      const present = await server.existing(databases)
      if (present.length > 0 && !inputs.overwrite) {
        throw new CheckFailure(
          `database(s) ${present.join(', ')} already exist on the target: a copy is restored only into a new database. ` +
            `Drop it, name another database in target-url (PostgreSQL), or set ${context.spell.setting('overwrite', 'true')} to replace it`
        )
      }
      for (const name of present) {
        await server.drop(name)
        context.logger.info(`overwrite: dropped the existing database ${name}`)
      }
      for (const name of databases) {
        await server.create(name)
        created.push(name)
      }
      context.logger.info(`Created ${databases.join(', ')} to restore into`)
      return { tool, serverVersion: version }
    })

    const started = context.now()
    const streamed = await context.group(
      `Restore ${formatS3Uri(bucket, objectKey)} into ${databases.join(', ')}`,
      () => streamRestore(client, inputs, found, target, databases, tool, stop.signal)
    )
    const restoreMs = context.now() - started
    context.logger.info(
      `Restored ${formatBytes(streamed.bytes)} (sha256 ${streamed.sha256}, as its manifest says) in ${formatElapsed(restoreMs)}`
    )
    const keep = created.splice(0)
    removeCancelHook()
    return {
      ...found,
      target,
      databases,
      bytes: streamed.bytes,
      sha256: streamed.sha256,
      restoreMs,
      tool: { command: tool.command, version: tool.version },
      serverVersion,
      drop: async () => {
        const again = new RestoreServer(target)
        try {
          for (const name of keep) await again.drop(name)
        } finally {
          await again.close()
        }
      }
    }
  } catch (error) {
    let cleanup: string
    try {
      const dropped = await dropCreated()
      cleanup =
        dropped.length > 0
          ? `; dropped ${dropped.join(', ')} from the target, nothing else was touched`
          : into.databasesExist
            ? ''
            : '; nothing on the target was changed'
    } catch (dropError) {
      cleanup = `; could NOT drop ${created.join(', ')} from the target: ${describeError(dropError)}`
    }
    if (error instanceof InputError) throw error
    throw new CheckFailure(`Restore of ${objectKey} failed: ${describeError(error)}${cleanup}`, {
      cause: error
    })
  } finally {
    removeCancelHook()
    await server.close()
  }
}

/**
 * PostgreSQL: the database named in target-url, else the dumped one. MariaDB: a dump names its
 * databases itself (CREATE DATABASE, USE), so they keep their names.
 */
function databasesFor(server: TargetServer, found: FoundCopy): string[] {
  const dumped = found.manifest.dump.databases
  const named = server.database
  if (found.manifest.datastore.type === 'postgresql') return [named || (dumped[0] as string)]
  if (named && !(dumped.length === 1 && dumped[0] === named)) {
    throw new InputError(
      'target-url',
      `names the database ${named}, but a MariaDB copy restores under the names it was dumped from (${dumped.join(', ')}): leave the database out of target-url${dumped.length === 1 ? ` or name ${dumped[0]}` : ''}`
    )
  }
  return dumped
}

async function streamRestore(
  client: S3Store,
  inputs: CopyReadInputs,
  found: FoundCopy,
  target: DbTarget,
  databases: string[],
  tool: Awaited<ReturnType<typeof findRestoreTool>>,
  cancelled: AbortSignal
): Promise<{ bytes: number; sha256: string }> {
  const { manifest, objectKey } = found
  const controller = new AbortController()
  const restore = startRestore(tool, target.engine, target, databases[0] as string)
  const stopOnCancel = (): void => {
    controller.abort()
    restore.child.kill('SIGKILL')
  }
  if (cancelled.aborted) stopOnCancel()
  cancelled.addEventListener('abort', stopOnCancel, { once: true })
  const { download, stages } = copyStages(
    {
      bytes: manifest.sizes.storedBytes,
      sha256: manifest.sha256,
      compression: manifest.compression.algorithm,
      encrypted: manifest.encryption !== null
    },
    inputs.identities
  )
  let bodyEnded = false
  try {
    const body = await client.get(inputs.location.bucket, objectKey)
    body.once('end', () => {
      bodyEnded = true
    })
    await (pipeline as unknown as (s: unknown[], o: { signal: AbortSignal }) => Promise<void>)(
      [body, ...stages, restore.stdin],
      { signal: controller.signal }
    )
    await restore.finished
    return { bytes: download.bytes, sha256: download.sha256 }
  } catch (error) {
    // Stop the tool before the caller drops its database: nothing half-read may commit.
    if (restore.child.exitCode === null) restore.child.kill('SIGKILL')
    const toolError = await Promise.race([
      restore.finished.then(
        () => undefined,
        (e: unknown) => e
      ),
      new Promise((resolve) => setTimeout(resolve, 5_000, undefined))
    ])
    throw explain(
      error,
      toolError,
      download.bytes,
      manifest.sizes.storedBytes,
      bodyEnded,
      restore.child.signalCode
    )
  } finally {
    cancelled.removeEventListener('abort', stopOnCancel)
  }
}

/** The clearest of the errors: the copy's own fault first, then the key, then the tool. */
function explain(
  error: unknown,
  toolError: unknown,
  bytes: number,
  expected: number,
  bodyEnded: boolean,
  killedBy: NodeJS.Signals | null
): Error {
  if (error instanceof CopyMismatch) return error
  if (error instanceof IdentityMismatch) return error
  if (bodyEnded && bytes < expected) {
    return new CopyMismatch(
      `the stored object is truncated: ${bytes} of the ${expected} bytes its manifest says (${describeError(error)})`
    )
  }
  // The tool stopped on its own (it was not killed by us): its words say what went wrong.
  if (toolError instanceof Error && killedBy === null) return toolError
  return new CheckFailure(
    `the copy could not be read (damaged, or not what its manifest says): ${describeError(error)}`
  )
}
