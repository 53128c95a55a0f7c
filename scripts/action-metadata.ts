// Reads action.yml into the input catalogue (src/inputs/catalog.json: names, defaults, modes,
// secret and boolean flags, outputs; src/inputs/catalog-names.ts: the names as types) and the README's inputs/outputs reference. Run by
// `npm run docs` and by the drift tests; it imports no local module at run time, so Node runs it
// directly with type stripping.
import { parse } from 'yaml'
import type { ActionMeta, InputMeta, OutputMeta } from '../src/inputs/catalog.ts'

type Mode = 'backup' | 'verify' | 'restore' | 'report' | 'mirror' | 'sweep' | 'list'

/** The modes that notify (src/inputs/notify.ts NOTIFY_MODES). */
const NOTIFYING: Mode[] = ['backup', 'verify', 'report', 'mirror']

/**
 * Which modes read each input, and which inputs are secrets or booleans: said here, not guessed
 * from description text. 'all': the connection inputs every mode uses. A secret is masked the
 * moment it is read and redacted from everything the CLI writes; a boolean is a `--[no-]flag`.
 */
export const INPUT_TABLE: Record<string, { modes: Mode[] | 'all'; secret?: true; boolean?: true }> =
  {
    mode: { modes: 'all' },
    summary: { modes: 'all', boolean: true },
    'auth-url': { modes: 'all' },
    'auth-type': { modes: 'all' },
    'application-credential-id': { modes: 'all' },
    'application-credential-name': { modes: 'all' },
    'application-credential-secret': { modes: 'all', secret: true },
    username: { modes: 'all' },
    'user-id': { modes: 'all' },
    password: { modes: 'all', secret: true },
    'user-domain-name': { modes: 'all' },
    'user-domain-id': { modes: 'all' },
    'project-id': { modes: 'all' },
    'project-name': { modes: 'all' },
    'project-domain-id': { modes: 'all' },
    'project-domain-name': { modes: 'all' },
    region: { modes: 'all' },
    interface: { modes: 'all' },
    'database-endpoint': { modes: 'all' },
    'allow-insecure-http': { modes: 'all', boolean: true },
    'request-timeout': { modes: 'all' },
    instance: { modes: ['backup', 'verify', 'restore', 'report', 'mirror'] },
    'backup-name': { modes: ['backup'] },
    description: { modes: ['backup'] },
    incremental: { modes: ['backup'], boolean: true },
    wait: { modes: ['backup'], boolean: true },
    timeout: { modes: ['backup'] },
    'reuse-if-newer-than': { modes: ['backup'] },
    'require-verified-within': { modes: ['backup'] },
    'verify-workflow': { modes: ['backup'] },
    instances: { modes: ['report', 'list'] },
    'max-age': { modes: ['verify', 'report', 'mirror'] },
    grace: { modes: ['verify', 'report', 'mirror'] },
    retention: { modes: ['report'] },
    'expiry-warning': { modes: ['report'] },
    'fail-on': { modes: ['report'] },
    'max-concurrency': { modes: ['report'] },
    'gap-window': { modes: ['report'] },
    'report-path': { modes: ['report'] },
    'report-files': { modes: ['report'] },
    'backup-id': { modes: ['verify', 'restore', 'mirror'] },
    flavor: { modes: ['verify', 'restore', 'mirror'] },
    'volume-size': { modes: ['verify', 'restore', 'mirror'] },
    'volume-type': { modes: ['verify', 'restore', 'mirror'] },
    'datastore-version': { modes: ['verify', 'restore', 'mirror'] },
    network: { modes: ['verify', 'restore', 'mirror'] },
    'allowed-cidrs': { modes: ['verify', 'restore', 'mirror'] },
    'runner-ip-url': { modes: ['verify', 'restore', 'mirror'] },
    'restore-timeout': { modes: ['verify', 'restore', 'mirror'] },
    'delete-timeout': { modes: ['verify', 'mirror', 'sweep'] },
    'db-user': { modes: ['verify', 'mirror'] },
    'db-password': { modes: ['verify', 'mirror'], secret: true },
    databases: { modes: ['verify', 'mirror'] },
    'db-tls': { modes: ['verify', 'mirror'] },
    'db-ca': { modes: ['verify', 'mirror'] },
    'checks-file': { modes: ['verify', 'mirror'] },
    'compare-with-source': { modes: ['verify'], boolean: true },
    'row-count-tolerance': { modes: ['verify', 'mirror'] },
    'integrity-check': { modes: ['verify', 'mirror'], boolean: true },
    command: { modes: ['verify', 'mirror'] },
    'command-env': { modes: ['verify', 'mirror'] },
    'keep-on-failure': { modes: ['verify'], boolean: true },
    'evidence-path': { modes: ['verify', 'mirror'] },
    'metrics-file': { modes: ['report', 'verify', 'mirror'] },
    'restore-name': { modes: ['restore', 'mirror'] },
    ttl: { modes: ['sweep'] },
    'dry-run': { modes: ['mirror', 'sweep'], boolean: true },
    'mirror-action': { modes: ['mirror'] },
    source: { modes: ['mirror'] },
    's3-uri': { modes: ['mirror'] },
    's3-endpoint': { modes: ['mirror'] },
    's3-region': { modes: ['mirror'] },
    's3-force-path-style': { modes: ['mirror'], boolean: true },
    's3-access-key-id': { modes: ['mirror'], secret: true },
    's3-secret-access-key': { modes: ['mirror'], secret: true },
    'age-recipients': { modes: ['mirror'] },
    encryption: { modes: ['mirror'] },
    compression: { modes: ['mirror'] },
    'compression-level': { modes: ['mirror'] },
    'part-size': { modes: ['mirror'] },
    'max-parts': { modes: ['mirror'] },
    'upload-concurrency': { modes: ['mirror'] },
    'bandwidth-limit': { modes: ['mirror'] },
    'keep-last': { modes: ['mirror'] },
    'keep-days': { modes: ['mirror'] },
    'keep-daily': { modes: ['mirror'] },
    'keep-weekly': { modes: ['mirror'] },
    'keep-monthly': { modes: ['mirror'] },
    schemas: { modes: ['mirror'] },
    'exclude-tables': { modes: ['mirror'] },
    'object-key': { modes: ['mirror'] },
    notify: { modes: NOTIFYING },
    'github-token': { modes: NOTIFYING, secret: true },
    'notify-labels': { modes: NOTIFYING },
    'webhook-url': { modes: NOTIFYING, secret: true },
    'heartbeat-url': { modes: NOTIFYING, secret: true },
    target: { modes: ['mirror'] },
    'target-url': { modes: ['mirror'], secret: true },
    'age-identity': { modes: ['mirror'], secret: true },
    overwrite: { modes: ['mirror'], boolean: true }
  }

/** Which modes set each output. */
export const OUTPUT_TABLE: Record<string, Mode[]> = {
  'backup-id': ['backup', 'verify', 'restore'],
  'backup-name': ['backup'],
  'backup-status': ['backup'],
  'backup-size-gb': ['backup'],
  'backup-created': ['backup'],
  'duration-seconds': ['backup'],
  reused: ['backup'],
  status: ['report'],
  'latest-backup-id': ['report'],
  'latest-backup-age-hours': ['report'],
  'backups-count': ['report'],
  'oldest-backup-age-days': ['report'],
  'report-json': ['report'],
  verified: ['verify', 'mirror'],
  'restore-seconds': ['verify', 'restore', 'mirror'],
  'checks-passed': ['verify', 'mirror'],
  'checks-failed': ['verify', 'mirror'],
  'checks-skipped': ['verify', 'mirror'],
  'backup-age-hours': ['verify'],
  'copy-age-hours': ['mirror'],
  'temp-instance-id': ['verify'],
  'temp-instance-host': ['verify'],
  'evidence-json': ['verify', 'mirror'],
  'metrics-file': ['report', 'verify', 'mirror'],
  'instance-id': ['restore', 'mirror'],
  'instance-host': ['restore', 'mirror'],
  'swept-count': ['sweep'],
  'swept-ids': ['sweep'],
  matrix: ['list'],
  count: ['list'],
  'object-key': ['mirror'],
  'manifest-key': ['mirror'],
  bytes: ['mirror'],
  sha256: ['mirror'],
  seconds: ['mirror']
}

interface RawAction {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
}

/** action.yml joined with the tables; any input or output missing on either side is an error. */
export function readActionMeta(actionYml: string): ActionMeta {
  const raw = parse(actionYml) as RawAction
  const inputs = Object.entries(raw.inputs ?? {}).map(([name, spec]): InputMeta => {
    const row = INPUT_TABLE[name]
    if (!row)
      throw new Error(
        `action.yml input "${name}" is not in INPUT_TABLE (scripts/action-metadata.ts)`
      )
    const meta: InputMeta = {
      name,
      description: spec.description ?? '',
      required: spec.required === true,
      modes: row.modes === 'all' ? [] : row.modes,
      boolean: row.boolean === true,
      secret: row.secret === true
    }
    if (spec.default !== undefined) meta.default = String(spec.default)
    return meta
  })
  const outputs = Object.entries(raw.outputs ?? {}).map(([name, spec]): OutputMeta => {
    const modes = OUTPUT_TABLE[name]
    if (!modes)
      throw new Error(
        `action.yml output "${name}" is not in OUTPUT_TABLE (scripts/action-metadata.ts)`
      )
    return { name, description: spec.description ?? '', modes }
  })
  for (const name of Object.keys(INPUT_TABLE)) {
    if (!raw.inputs?.[name])
      throw new Error(`INPUT_TABLE names "${name}", which action.yml does not declare`)
  }
  for (const name of Object.keys(OUTPUT_TABLE)) {
    if (!raw.outputs?.[name])
      throw new Error(`OUTPUT_TABLE names "${name}", which action.yml does not declare`)
  }
  return { inputs, outputs }
}

/** The generated src/inputs/catalog.json: the catalogue as data, bundled by ncc. */
export function renderCatalogJson(meta: ActionMeta): string {
  return JSON.stringify(meta, null, 2) + '\n'
}

/**
 * The generated src/inputs/catalog-names.ts: the input and output names as types, so a reader
 * asking for an input action.yml does not declare, or a typo in an output, fails to compile.
 */
export function renderCatalogNames(meta: ActionMeta): string {
  const union = (names: string[]): string => names.map((n) => `'${n}'`).join(' | ')
  return [
    '// Generated from action.yml by `npm run docs` (scripts/action-metadata.ts). Do not edit by hand.',
    `export type InputName = ${union(meta.inputs.map((i) => i.name))}`,
    `export type OutputName = ${union(meta.outputs.map((o) => o.name))}`,
    ''
  ].join('\n')
}

export const REFERENCE_START = '<!-- inputs:start -->'
export const REFERENCE_END = '<!-- inputs:end -->'

/** The README's inputs/outputs reference: two tables, in action.yml's order. */
export function renderReference(meta: ActionMeta): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|')
  const inputRows = meta.inputs.map(
    (i) =>
      `| \`${i.name}\` | ${i.required ? 'yes' : 'no'} | ${i.default !== undefined && i.default !== '' ? `\`${esc(i.default)}\`` : ''} | ${esc(i.description)} |`
  )
  const outputRows = meta.outputs.map((o) => `| \`${o.name}\` | ${esc(o.description)} |`)
  return [
    REFERENCE_START,
    '',
    '<!-- Generated from action.yml by `npm run docs`; edit action.yml, not this block. -->',
    '',
    '### Inputs',
    '',
    '| input | required | default | description |',
    '| --- | --- | --- | --- |',
    ...inputRows,
    '',
    '### Outputs',
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputRows,
    '',
    REFERENCE_END
  ].join('\n')
}

/** README with the block between the markers replaced; throws when the markers are missing. */
export function spliceReference(readme: string, reference: string): string {
  const start = readme.indexOf(REFERENCE_START)
  const end = readme.indexOf(REFERENCE_END)
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${REFERENCE_START} … ${REFERENCE_END} block`)
  }
  return readme.slice(0, start) + reference + readme.slice(end + REFERENCE_END.length)
}
