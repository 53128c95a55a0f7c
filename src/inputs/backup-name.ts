import { InputError } from '../errors.js'

export interface NameValues {
  instance: string
  sha: string
  runId: string
  ref: string
  now: Date
}

const PLACEHOLDERS = ['instance', 'sha', 'run_id', 'ref', 'timestamp'] as const

/** `20261125T120000Z`: sortable, and free of characters that trouble names or shells. */
export function compactTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** Only characters that read well in a backup name; a ref like `feature/x` becomes `feature-x`. */
function safe(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')
}

/**
 * Fills a backup-name template. Placeholders: {instance} {sha} (7 characters) {run_id} {ref}
 * {timestamp}. An empty value leaves no dangling separators behind.
 */
export function renderBackupName(
  template: string,
  values: NameValues,
  input = 'backup-name'
): string {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1] as string)
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name))
  if (unknown.length > 0) {
    throw new InputError(
      input,
      `unknown placeholder {${unknown[0]}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`
    )
  }
  const filled = template
    .replace(/\{instance\}/g, safe(values.instance))
    .replace(/\{sha\}/g, safe(values.sha.slice(0, 7)))
    .replace(/\{run_id\}/g, safe(values.runId))
    .replace(/\{ref\}/g, safe(values.ref))
    .replace(/\{timestamp\}/g, compactTimestamp(values.now))
  const name = filled
    .replace(/([-_.])[-_.]+/g, '$1')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .trim()
  if (name === '') throw new InputError(input, `"${template}" gives an empty name here`)
  if (name.length > 255)
    throw new InputError(input, `gives a name of ${name.length} characters; Trove allows 255`)
  return name
}
