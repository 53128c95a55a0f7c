import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

// docs/evidence.schema.json, compiled once (draft 2020-12, formats checked: date-time, uri).
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020
const schemaFile = path.join(import.meta.dirname, '../../docs/evidence.schema.json')
const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormats(ajv)
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object)

/** The schema's complaints about `doc` ([] when it is valid). */
export function evidenceErrors(doc: unknown): string[] {
  if (validate(doc)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}
