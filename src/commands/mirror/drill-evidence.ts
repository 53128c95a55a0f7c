import { tally } from '../../checks/index.js'
import { CheckFailure, describeError } from '../../errors.js'
import {
  buildDrillEvidence,
  type DrillEvidence,
  drillGauges,
  evidenceFileFor,
  instanceLabels,
  toolVersions,
  writeEvidenceFile
} from '../../evidence/index.js'
import type { CommandContext, RunInfo } from '../context.js'
import type { CopyDrillReport } from './restore-summary.js'
import { publishMetrics } from '../metrics-output.js'

const LABEL = { postgresql: 'PostgreSQL', mariadb: 'MariaDB' } as const

/** What the drill of a copy knows at its end, beyond its report. */
export interface CopyDrillFacts {
  report: CopyDrillReport
  startedAt: number
  finishedAt: number
  run: RunInfo
  /** The restore program and the target's version, once the restore code had found them. */
  restore?: { tool: { command: string; version: string }; serverVersion: string }
  /** What the checks' own connection reported, when they connected. */
  server?: { engine: string; version: string }
}

/**
 * The evidence of a mirror drill, in verify's schema: the source is the manifest's; the backup
 * is the Trove backup the copy was dumped from when the manifest records one (a live dump has
 * none: `backup` is null and `copy` names what was drilled); there is no temporary instance.
 */
export function copyDrillEvidence(facts: CopyDrillFacts): DrillEvidence {
  const { report } = facts
  const { manifest } = report
  const origin = manifest.source
  return buildDrillEvidence({
    drill: 'mirror',
    startedAt: facts.startedAt,
    finishedAt: facts.finishedAt,
    passed: report.verified,
    run: facts.run,
    source: { id: origin.instanceId, name: origin.instanceName },
    ...(origin.backupId &&
      origin.backupCreated && {
        // The manifest records the backup's id and time, not its name or size.
        backup: { id: origin.backupId, name: '', created: new Date(origin.backupCreated) }
      }),
    copy: {
      objectKey: report.objectKey,
      sha256: manifest.sha256,
      bytes: manifest.sizes.storedBytes,
      created: new Date(manifest.created)
    },
    datastore: { type: manifest.datastore.type, version: manifest.datastore.version },
    ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs }),
    cleanup: report.cleanup ?? 'nothing was restored',
    checks: report.results,
    tools: toolVersions(
      manifest.datastore.type,
      facts.restore
        ? [{ name: facts.restore.tool.command, version: facts.restore.tool.version }]
        : []
    ),
    ...((facts.server ?? facts.restore) && {
      server: facts.server ?? {
        engine: LABEL[manifest.datastore.type],
        version: facts.restore?.serverVersion ?? ''
      }
    }),
    ...(report.error !== undefined && { error: report.error })
  })
}

/** Writes evidence-path; returns the error (after a warning) rather than hide the drill's. */
export async function writeCopyDrillEvidence(
  context: CommandContext,
  evidencePath: string | undefined,
  facts: CopyDrillFacts
): Promise<CheckFailure | undefined> {
  const file = evidenceFileFor(evidencePath, context.inputs.env)
  try {
    await writeEvidenceFile(file, copyDrillEvidence(facts))
  } catch (error) {
    const message = `Cannot write the drill evidence to ${file}: ${describeError(error)}`
    context.warn(message, 'Drill evidence not written')
    return new CheckFailure(message)
  }
  context.logger.info(`Drill evidence: ${file}`)
  context.setOutput('evidence-json', file)
  return undefined
}

/** metrics-file: the drill's gauges (`dbaas_backup_mirror_drill_…`); a write error is a warning. */
export async function writeCopyDrillMetrics(
  context: CommandContext,
  file: string | undefined,
  report: CopyDrillReport
): Promise<void> {
  if (!file) return
  const origin = report.manifest.source
  await publishMetrics(context, file, (previous) =>
    drillGauges(
      {
        drill: 'mirror_drill',
        labels: instanceLabels(origin.instanceName, origin.instanceId),
        passed: report.verified,
        // The age the drill judged against max-age: the copy's.
        backupAgeMs: report.ageMs,
        checks: tally(report.results),
        ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs })
      },
      context.now(),
      previous
    )
  )
}
