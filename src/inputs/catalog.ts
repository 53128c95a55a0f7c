// Reads action.yml into the metadata the CLI's --help and the README's reference are made of.
// Used at build time only (scripts/docs.ts) and by the drift tests; it imports no local module,
// so Node runs it directly with type stripping.
import { parse } from 'yaml'

export interface InputMeta {
  name: string
  description: string
  required: boolean
  default?: string
  /** The modes the description names ("report:", "verify/restore:", "(backup, report)"); empty: every mode. */
  modes: string[]
  boolean: boolean
  secret: boolean
}

export interface OutputMeta {
  name: string
  description: string
  modes: string[]
}

export interface ActionMeta {
  inputs: InputMeta[]
  outputs: OutputMeta[]
}

interface RawAction {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
}

export function readActionMeta(actionYml: string): ActionMeta {
  const raw = parse(actionYml) as RawAction
  const inputs = Object.entries(raw.inputs ?? {}).map(([name, spec]): InputMeta => {
    const description = spec.description ?? ''
    const meta: InputMeta = {
      name,
      description,
      required: spec.required === true,
      modes: modesOf(description),
      // A default of true/false, or a description that names both (a default that depends).
      boolean:
        spec.default === 'true' ||
        spec.default === 'false' ||
        (spec.default === undefined &&
          /\btrue\b/.test(description) &&
          /\bfalse\b/.test(description)),
      secret: /pass a secret|\(masked\)/i.test(description) || /secret|password/.test(name)
    }
    if (spec.default !== undefined) meta.default = String(spec.default)
    return meta
  })
  const outputs = Object.entries(raw.outputs ?? {}).map(([name, spec]) => ({
    name,
    description: spec.description ?? '',
    modes: modesOf(spec.description ?? '')
  }))
  return { inputs, outputs }
}

const MODE_WORDS = ['backup', 'verify', 'restore', 'report', 'mirror', 'sweep', 'list']

function modesOf(description: string): string[] {
  const modes = new Set<string>()
  // "mirror (verify): …" is still mirror's.
  const prefix = /^([a-z/]+)(?: \([^)]*\))?:/.exec(description)
  for (const m of prefix?.[1]?.split('/') ?? []) modes.add(m)
  // "backup: …; verify/restore: …" names more modes later in the text.
  for (const m of description.matchAll(/;\s*([a-z/]+):/g))
    for (const w of m[1]?.split('/') ?? []) modes.add(w)
  const trailing = /\(([a-z, ]+)\)$/.exec(description)
  for (const m of trailing?.[1]?.split(/,\s*/) ?? []) modes.add(m)
  return [...modes].filter((m) => MODE_WORDS.includes(m))
}

/** The generated src/inputs/catalog-data.ts: the metadata as a literal, so ncc bundles it. */
export function renderMetadataModule(meta: ActionMeta): string {
  return [
    '// Generated from action.yml by `npm run docs` (scripts/docs.ts). Do not edit by hand.',
    "import type { ActionMeta } from './catalog.js'",
    '',
    `export const ACTION_META: ActionMeta = ${JSON.stringify(meta, null, 2)}`,
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
