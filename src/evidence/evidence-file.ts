import { tmpdir } from 'node:os'
import path from 'node:path'
import { writeFileAtomic } from './atomic-write.js'
import { type DrillEvidence, EVIDENCE_FILE, renderEvidence } from './drill-evidence.js'

/** evidence-path, else $RUNNER_TEMP (else the OS temp dir)/dbaas-backup-evidence.json. */
export function evidenceFileFor(
  evidencePath: string | undefined,
  env: Readonly<Record<string, string | undefined>>
): string {
  return evidencePath ?? path.join(env.RUNNER_TEMP || tmpdir(), EVIDENCE_FILE)
}

/** Writes the evidence whole or not at all (missing folders created); throws on failure. */
export async function writeEvidenceFile(file: string, evidence: DrillEvidence): Promise<void> {
  await writeFileAtomic(file, renderEvidence(evidence), { createFolder: true })
}
