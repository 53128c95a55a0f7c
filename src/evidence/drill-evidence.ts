// The evidence a restore drill leaves for an audit: which backup was restored, how long until the
// copy was usable, what each check found, and with which tool and server versions — one JSON
// document per drill, described by docs/evidence.schema.json. verify writes it, and the drill of
// an off-site copy (mirror) fills in the same shape.

/**
 * Bump on any change that could break a reader; adding optional fields is not one. `copy` (and
 * `backup: null` next to it) came with the mirror drill without a bump: every document verify
 * writes is unchanged, and `backup` is null only in `drill: 'mirror'` documents of a copy dumped
 * from the live instance, where no Trove backup exists to name.
 */
export const EVIDENCE_SCHEMA_VERSION = 1
export const EVIDENCE_FILE = 'dbaas-backup-evidence.json'

export type CheckOutcome = 'pass' | 'fail' | 'skipped'

export interface EvidenceCheck {
  name: string
  result: CheckOutcome
  /** One line, secrets already redacted by the checks. */
  detail: string
  durationMs: number
}

export interface EvidenceCopy {
  objectKey: string
  /** Hex SHA-256 of the stored object, as its manifest records it. */
  sha256: string
  /** Size of the stored object. */
  bytes: number
  /** When the copy was made (the dump started). */
  created: string
  /** Age of the copy when the drill started. */
  ageSeconds: number
}

export interface ToolVersion {
  name: string
  version: string
}

export interface DrillEvidence {
  schemaVersion: typeof EVIDENCE_SCHEMA_VERSION
  kind: 'restore-drill'
  /** The mode that ran the drill (`verify`; another drill names itself). */
  drill: string
  result: 'passed' | 'failed'
  startedAt: string
  finishedAt: string
  run: {
    /** Link to the workflow run; null outside GitHub Actions (e.g. the CLI from cron). */
    url: string | null
    repository: string | null
    runId: string | null
    runAttempt: string | null
    workflow: string | null
    sha: string | null
    ref: string | null
  }
  source: { instanceId: string | null; instanceName: string | null }
  /** The Trove backup restored (verify) or dumped (mirror); null: a copy of the live instance. */
  backup: {
    id: string
    /** '' when the drill does not know it (a mirror manifest records only id and time). */
    name: string
    created: string
    /** Age of the backup when the drill started. */
    ageSeconds: number
    sizeGb: number | null
  } | null
  /** The off-site copy a mirror drill restored; absent from verify's documents. */
  copy?: EvidenceCopy
  datastore: { type: string; version: string }
  restore: {
    /**
     * verify: from the create request to a usable (ACTIVE, HEALTHY) instance; mirror: from the
     * download's start to the restore tool's exit. null when never reached.
     */
    usableSeconds: number | null
    tempInstanceName: string | null
    tempInstanceId: string | null
    /** What happened to the temporary instance: deleted, kept, or why not. */
    cleanup: string
  }
  checks: EvidenceCheck[]
  counts: { passed: number; failed: number; skipped: number }
  versions: {
    /** The programs that did the drill: this action, Node, the database client or dump tool. */
    tools: ToolVersion[]
    /** What the restored server itself reported; null when it was never reached. */
    server: { engine: string; version: string } | null
  }
  /** Why the drill failed before or outside the checks; null otherwise. */
  error: string | null
}

/** What a drill knows at its end, in its own terms. */
export interface DrillFacts {
  drill: string
  startedAt: number
  finishedAt: number
  passed: boolean
  run: {
    runUrl: string
    repository: string
    runId: string
    runAttempt: string
    workflow: string
    sha: string
    ref: string
  }
  source?: { id: string; name: string }
  /** The instance the backup names, when the source instance is gone. */
  backupInstanceId?: string
  /** Absent only for a copy dumped from the live instance (then `copy` says what was drilled). */
  backup?: { id: string; name: string; created: Date; sizeGb?: number }
  copy?: { objectKey: string; sha256: string; bytes: number; created: Date }
  datastore: { type: string; version: string }
  restoreMs?: number
  tempName?: string
  tempId?: string
  cleanup: string
  checks: readonly {
    name: string
    passed: boolean
    skipped?: boolean
    detail: string
    durationMs: number
  }[]
  tools: ToolVersion[]
  server?: { engine: string; version: string }
  error?: string
}

const orNull = (text: string | undefined): string | null => (text ? text : null)

const ageAt = (startedAt: number, created: Date): number =>
  Math.max(0, Math.round((startedAt - created.getTime()) / 1000))

export function buildDrillEvidence(facts: DrillFacts): DrillEvidence {
  // The schema allows a null backup only next to the copy that stands for it.
  if (!facts.backup && !facts.copy) throw new Error('drill evidence names neither backup nor copy')
  const checks = facts.checks.map((c): EvidenceCheck => ({
    name: c.name,
    result: c.skipped ? 'skipped' : c.passed ? 'pass' : 'fail',
    detail: c.detail,
    durationMs: Math.round(c.durationMs)
  }))
  const count = (result: CheckOutcome): number => checks.filter((c) => c.result === result).length
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    kind: 'restore-drill',
    drill: facts.drill,
    result: facts.passed ? 'passed' : 'failed',
    startedAt: new Date(facts.startedAt).toISOString(),
    finishedAt: new Date(facts.finishedAt).toISOString(),
    run: {
      url: orNull(facts.run.runUrl),
      repository: orNull(facts.run.repository),
      runId: orNull(facts.run.runId),
      runAttempt: facts.run.runId ? orNull(facts.run.runAttempt) : null,
      workflow: orNull(facts.run.workflow),
      sha: orNull(facts.run.sha),
      ref: orNull(facts.run.ref)
    },
    source: {
      instanceId: facts.source?.id ?? facts.backupInstanceId ?? null,
      instanceName: facts.source?.name ?? null
    },
    backup: facts.backup
      ? {
          id: facts.backup.id,
          name: facts.backup.name,
          created: facts.backup.created.toISOString(),
          ageSeconds: ageAt(facts.startedAt, facts.backup.created),
          sizeGb: facts.backup.sizeGb ?? null
        }
      : null,
    ...(facts.copy && {
      copy: {
        objectKey: facts.copy.objectKey,
        sha256: facts.copy.sha256,
        bytes: facts.copy.bytes,
        created: facts.copy.created.toISOString(),
        ageSeconds: ageAt(facts.startedAt, facts.copy.created)
      }
    }),
    datastore: { type: facts.datastore.type, version: facts.datastore.version },
    restore: {
      usableSeconds: facts.restoreMs === undefined ? null : Math.round(facts.restoreMs / 100) / 10,
      tempInstanceName: orNull(facts.tempName),
      tempInstanceId: orNull(facts.tempId),
      cleanup: facts.cleanup
    },
    checks,
    counts: { passed: count('pass'), failed: count('fail'), skipped: count('skipped') },
    versions: { tools: facts.tools, server: facts.server ?? null },
    error: orNull(facts.error)
  }
}

/** Pretty-printed: the evidence is read by people (auditors) as well as by programs. */
export function renderEvidence(evidence: DrillEvidence): string {
  return JSON.stringify(evidence, null, 2) + '\n'
}
