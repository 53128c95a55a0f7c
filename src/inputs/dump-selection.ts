import type { Engine } from '../database/types.js'
import { InputError } from '../errors.js'
import type { InputName } from './catalog-names.js'
import { type InputSource, splitList } from './source.js'

/**
 * What mirror dumps. Every name is a plain identifier, so none can be read by the dump tool as
 * an option, a pattern or a connection string; the dump's argv is built from these, one
 * argument per name, never through a shell.
 */
export interface DumpSelection {
  /** Databases to dump ([] = every one the user can see). */
  databases: string[]
  /** PostgreSQL schemas to dump ([] = every schema). */
  schemas: string[]
  /** `table` or `qualifier.table` (schema for PostgreSQL, database for MariaDB/MySQL). */
  excludeTables: string[]
}

/**
 * Letters, digits, `_`, `$` and (not first) `-`, at most 63 characters (PostgreSQL's limit; a
 * longer name is truncated by the server and would never match). No dot, quote, wildcard,
 * space, `=` or leading `-`: the characters that would make a name an option, a pattern or a
 * conninfo string.
 */
const IDENTIFIER = /^[A-Za-z0-9_$][A-Za-z0-9_$-]{0,62}$/

const RULE =
  'letters, digits, _ and $ (and - after the first character), at most 63 characters; no quotes, spaces, wildcards or leading -'

function readNames(source: InputSource, name: InputName, qualified: boolean): string[] {
  const items = splitList(source.get(name))
  for (const item of items) {
    const parts = item.split('.')
    const ok =
      (parts.length === 1 || (qualified && parts.length === 2)) &&
      parts.every((p) => IDENTIFIER.test(p))
    if (!ok) {
      throw new InputError(
        name,
        `"${item}" is not ${qualified ? 'a table or schema.table (database.table for MariaDB/MySQL)' : 'a plain name'}: each name is ${RULE}`
      )
    }
  }
  const twice = items.find((v, i) => items.indexOf(v) !== i)
  if (twice !== undefined) throw new InputError(name, `names ${twice} twice; give each once`)
  return items
}

/** mirror's databases, schemas and exclude-tables, checked before anything runs. */
export function readDumpSelection(source: InputSource): DumpSelection {
  return {
    databases: readNames(source, 'databases', false),
    schemas: readNames(source, 'schemas', false),
    excludeTables: readNames(source, 'exclude-tables', true)
  }
}

/** True when checkSelectionForEngine can refuse the selection (it depends on the engine). */
export function dependsOnEngine(selection: DumpSelection): boolean {
  return (
    selection.schemas.length > 0 ||
    selection.databases.length > 1 ||
    selection.excludeTables.some((t) => t.includes('.'))
  )
}

/**
 * The selection against the engine, once the instance's datastore is known (before a temporary
 * instance is created or a live instance is dumped): a combination that cannot apply is refused
 * rather than ignored.
 */
export function checkSelectionForEngine(engine: Engine, selection: DumpSelection): void {
  if (engine !== 'postgresql' && selection.schemas.length > 0) {
    throw new InputError(
      'schemas',
      'applies to PostgreSQL only: a MariaDB/MySQL server has no schemas inside a database; choose databases instead'
    )
  }
  if (engine === 'postgresql' && selection.databases.length > 1) {
    throw new InputError(
      'databases',
      `names ${selection.databases.length} databases (${selection.databases.join(', ')}); a pg_dump holds one: name one of them (one mirror step per database)`
    )
  }
  // A qualified exclusion outside what is dumped would silently exclude nothing.
  const within = engine === 'postgresql' ? selection.schemas : selection.databases
  const kind = engine === 'postgresql' ? 'schemas' : 'databases'
  for (const item of selection.excludeTables) {
    const [qualifier, table] = item.split('.')
    if (table !== undefined && within.length > 0 && !within.includes(qualifier as string)) {
      throw new InputError(
        'exclude-tables',
        `${item}: ${qualifier} is not among the ${kind} dumped (${within.join(', ')}), so it would exclude nothing`
      )
    }
  }
}
