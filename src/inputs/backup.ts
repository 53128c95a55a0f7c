import { InputError } from '../errors.js'
import {
  checkOneLine,
  type InputSource,
  readBoolean,
  readDuration,
  valueOrDefault
} from './source.js'
import { renderBackupName } from './backup-name.js'
import { type GateSettings, readGateInputs } from './notify.js'

export interface BackupInputs {
  instance: string
  nameTemplate: string
  description: string
  incremental: boolean
  wait: boolean
  timeoutMs: number
  reuseIfNewerThanMs?: number
  /** require-verified-within + verify-workflow: checked before the backup is taken. */
  gate?: GateSettings
}

/** Reads and checks every backup input before anything touches the cloud. */
export function readBackupInputs(source: InputSource): BackupInputs {
  const instance = source.get('instance')
  if (!instance)
    throw new InputError(
      'instance',
      'is required: the id or name of the database instance to back up'
    )
  const description = source.get('description')
  checkOneLine('description', description)
  checkOneLine('backup-name', source.get('backup-name'))
  if (description.length > 255) {
    throw new InputError(
      'description',
      `is ${description.length} characters long; Trove allows 255`
    )
  }
  const inputs: BackupInputs = {
    instance,
    nameTemplate: valueOrDefault(source, 'backup-name'),
    description,
    incremental: readBoolean(source, 'incremental'),
    wait: readBoolean(source, 'wait'),
    timeoutMs: readDuration(source, 'timeout', { minMs: 10_000, maxMs: 24 * 3_600_000 })
  }
  // Check the template's placeholders now, before anything touches the cloud.
  renderBackupName(inputs.nameTemplate, {
    instance: 'x',
    sha: 'x',
    runId: 'x',
    ref: 'x',
    now: new Date(0)
  })
  if (source.get('reuse-if-newer-than')) {
    inputs.reuseIfNewerThanMs = readDuration(source, 'reuse-if-newer-than', {
      minMs: 60_000,
      maxMs: 7 * 24 * 3_600_000
    })
  }
  const gate = readGateInputs(source)
  if (gate) inputs.gate = gate
  return inputs
}
