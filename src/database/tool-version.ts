/** `pg_dump (PostgreSQL) 15.14 (Debian …)` → [15, 14]; `mariadb-dump from 11.4.2-MariaDB…` or `Distrib 10.11.6-MariaDB` → [10, 11, 6]. */
export function parseToolRelease(versionText: string): number[] {
  const match =
    /PostgreSQL\)\s+(\d+(?:\.\d+)*)/.exec(versionText) ??
    /Distrib\s+(\d+(?:\.\d+)*)/.exec(versionText) ??
    /from\s+(\d+(?:\.\d+)*)/.exec(versionText) ??
    /(\d+(?:\.\d+)+)/.exec(versionText)
  return match ? (match[1] as string).split('.').map(Number) : []
}

/** A server's version text (`15.4`, `10.11.6`) as numbers. */
export function parseServerVersion(version: string): number[] {
  return version
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number)
}
