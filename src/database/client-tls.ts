import type { DbTarget } from './types.js'

/**
 * The TLS flags of MariaDB's command-line clients (mariadb-dump, mariadb). A CA file makes the
 * client check the chain; the host name only with --ssl-verify-server-cert. Clients from 11.4
 * verify by default, which the non-verifying modes turn off so that they behave alike everywhere.
 */
export function mariadbClientTls(target: DbTarget, caFile: string | undefined): string[] {
  const ca = (): string => {
    if (caFile === undefined) throw new Error(`db-tls ${target.tls} needs the db-ca file`)
    return `--ssl-ca=${caFile}`
  }
  switch (target.tls) {
    case 'disable':
      return ['--skip-ssl']
    case 'prefer':
      return []
    case 'require':
      return ['--ssl', '--skip-ssl-verify-server-cert']
    case 'verify-ca':
      return ['--ssl', ca(), '--skip-ssl-verify-server-cert']
    case 'verify-full':
      return ['--ssl', ca(), '--ssl-verify-server-cert']
  }
}
