import type { Session } from './session.js'

/** A table of the checked server. PostgreSQL tables live in schemas; MariaDB's do not. */
export interface TableRef {
  database: string
  schema?: string
  name: string
}

/** The result of the engine's own integrity checks in one database. */
export interface IntegrityOutcome {
  /** How many objects were checked (indexes for PostgreSQL, tables for MariaDB). */
  checked: number
  /** One line per damaged object: `shop.orders_pkey: …`. */
  failures: string[]
  /** Why nothing could be checked (e.g. amcheck not allowed for this user). */
  skipped?: string
}

/** What differs between PostgreSQL and MariaDB: catalog queries and quoting. */
export interface EngineOps {
  label: string
  /** Databases to try, in order, for the first connection when none is given. */
  connectDatabases: (string | undefined)[]
  /** Errors that mean "cannot use this database", so the next candidate is tried. */
  isUnusableDatabase(error: unknown): boolean
  /** Listed only when they hold user tables (PostgreSQL's `postgres`). */
  optionalDatabases: string[]
  version(session: Session): Promise<string>
  listDatabases(session: Session): Promise<string[]>
  /** `session` is connected to `database`. */
  listTables(session: Session, database: string): Promise<TableRef[]>
  countRows(session: Session, table: TableRef): Promise<number>
  /** A cheap content fingerprint; null when the table is empty or it cannot be taken. */
  checksum(session: Session, table: TableRef): Promise<string | null>
  integrity(session: Session, database: string, tables: TableRef[]): Promise<IntegrityOutcome>
}

/** `orders` (or `audit.orders` outside PostgreSQL's `public` schema). */
export function tableLabel(table: TableRef): string {
  return table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name
}

/** `shop.orders`: the database and the table, as messages name them. */
export function fullName(table: TableRef): string {
  return `${table.database}.${tableLabel(table)}`
}

/** Counts arrive as number, bigint or numeric text depending on the driver. */
export function toCount(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : Number(value)
  if (!Number.isFinite(n)) throw new Error(`unexpected row count ${String(value)}`)
  return n
}
