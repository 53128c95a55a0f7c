import { describe, expect, test } from '@jest/globals'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  dumpArgs,
  parseToolRelease,
  startDump,
  toolTooOld
} from '../../../../src/commands/mirror/dump.js'
import { outputBuffering } from '../../../../src/database/client-tool.js'
import type { DbTarget } from '../../../../src/database/types.js'
import type { DumpSelection } from '../../../../src/inputs/dump-selection.js'
import { TEST_CA_PEM } from '../../helpers/test-ca.js'

const only = (databases: string[]): DumpSelection => ({
  databases,
  schemas: [],
  excludeTables: []
})

const pg15 = {
  command: 'pg_dump',
  version: 'pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)',
  release: [15, 18],
  launcher: []
}
const maria1011 = {
  command: 'mariadb-dump',
  version: 'mariadb-dump  Ver 10.19 Distrib 10.11.14-MariaDB, for debian-linux-gnu (x86_64)',
  release: [10, 11, 14],
  launcher: []
}

/**
 * Runs a stand-in pg_dump (a shell script with `body`) through startDump, as `launcher` says,
 * and returns what it printed; the stand-in is removed afterwards.
 */
async function standInOutput(
  body: string,
  target: DbTarget,
  selection: DumpSelection,
  launcher: string[] = []
): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dump-stand-in-'))
  const tool = path.join(dir, 'pg_dump')
  writeFileSync(tool, `#!/bin/sh\n${body}\n`)
  chmodSync(tool, 0o755)
  try {
    const dump = startDump(
      { command: tool, version: '', release: [15], launcher },
      'postgresql',
      target,
      selection
    )
    let out = ''
    dump.stdout.on('data', (c: Buffer) => (out += c.toString()))
    await dump.finished
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A stand-in's body that prints its arguments one per line. */
const PRINT_ARGS = 'for a in "$@"; do printf "%s\\n" "$a"; done'

describe('the dump tool', () => {
  test('versions are read from the tools’ own words', () => {
    expect(parseToolRelease(pg15.version)).toEqual([15, 18])
    expect(parseToolRelease(maria1011.version)).toEqual([10, 11, 14])
    expect(parseToolRelease('mariadb-dump from 11.4.2-MariaDB, client 10.19 for Linux')).toEqual([
      11, 4, 2
    ])
  })

  test('pg_dump older than the server: says which client to install', () => {
    expect(toolTooOld('postgresql', pg15, '15.4')).toBeUndefined()
    expect(toolTooOld('postgresql', pg15, '14.9')).toBeUndefined()
    const advice = toolTooOld('postgresql', pg15, '17.2 (Debian 17.2-1)')
    expect(advice).toMatch(/pg_dump 15 cannot dump a PostgreSQL 17 server/)
    expect(advice).toMatch(/postgresql-client-17/)
  })

  test('mariadb-dump older than the server is reported with the fix', () => {
    expect(toolTooOld('mariadb', maria1011, '10.11.6')).toBeUndefined()
    expect(toolTooOld('mariadb', maria1011, '11.4.2')).toMatch(
      /older than the MariaDB 11.4.2 server.*11\.4/
    )
  })

  test('no password on the command line; pg_dump leaves compression to us', () => {
    const target: DbTarget = {
      engine: 'postgresql',
      host: '10.0.0.5',
      port: 5432,
      user: 'app',
      password: 'pw-canary',
      databases: [],
      tls: 'prefer'
    }
    const pg = dumpArgs('postgresql', target, only(['shop']))
    expect(pg).toEqual(expect.arrayContaining(['--format=custom', '--compress=0', '--dbname=shop']))
    const maria = dumpArgs(
      'mariadb',
      { ...target, engine: 'mariadb', tls: 'require' },
      only(['a', 'b'])
    )
    expect(maria[0]).toBe('--no-defaults')
    expect(maria).toEqual(
      expect.arrayContaining(['--single-transaction', '--ssl', '--databases', 'a', 'b'])
    )
    expect([...pg, ...maria].join(' ')).not.toContain('pw-canary')
  })

  test('pg_dump reads the exported snapshot the manifest counted in, when there is one', () => {
    const target: DbTarget = {
      engine: 'postgresql',
      host: '10.0.0.5',
      port: 5432,
      user: 'app',
      password: 'pw',
      databases: [],
      tls: 'prefer'
    }
    const selection = { databases: ['shop'], schemas: [], excludeTables: [] }
    expect(dumpArgs('postgresql', target, selection, undefined, '00000003-0000001B-1')).toContain(
      '--snapshot=00000003-0000001B-1'
    )
    expect(dumpArgs('postgresql', target, selection).some((a) => a.startsWith('--snapshot'))).toBe(
      false
    )
  })

  test.each([
    ['disable', ['--skip-ssl']],
    ['prefer', []],
    ['require', ['--ssl', '--skip-ssl-verify-server-cert']],
    ['verify-ca', ['--ssl', '--ssl-ca=/tmp/ca.pem', '--skip-ssl-verify-server-cert']],
    ['verify-full', ['--ssl', '--ssl-ca=/tmp/ca.pem', '--ssl-verify-server-cert']]
  ] as const)('mariadb-dump, db-tls %s: %j', (tls, flags) => {
    const target: DbTarget = {
      engine: 'mariadb',
      host: '10.0.0.5',
      port: 3306,
      user: 'app',
      password: 'pw',
      databases: [],
      tls
    }
    const args = dumpArgs('mariadb', target, only(['shop']), '/tmp/ca.pem')
    expect(args.filter((a) => a.includes('ssl'))).toEqual(flags)
  })

  test('pg_dump, verify-full: PGSSLMODE and PGSSLROOTCERT, a CA file that lives as long as the tool', async () => {
    // A stand-in for pg_dump that prints what it was given: its TLS environment and the CA file.
    const target: DbTarget = {
      engine: 'postgresql',
      host: '10.0.0.5',
      port: 5432,
      user: 'app',
      password: 'pw',
      databases: [],
      tls: 'verify-full',
      ca: { pem: TEST_CA_PEM, label: 'PEM text: CN=unit test CA' }
    }
    const out = await standInOutput(
      'echo "$PGSSLMODE $PGSSLROOTCERT"; cat "$PGSSLROOTCERT"',
      target,
      only(['shop'])
    )
    const [mode, file] = (out.split('\n')[0] as string).split(' ')
    expect(mode).toBe('verify-full')
    expect(out.slice(out.indexOf('\n') + 1)).toBe(TEST_CA_PEM)
    expect(existsSync(file as string)).toBe(false)
  })
})

describe('what is dumped: schemas and exclude-tables as argv', () => {
  const pgTarget: DbTarget = {
    engine: 'postgresql',
    host: '10.0.0.5',
    port: 5432,
    user: 'app',
    password: 'pw',
    databases: [],
    tls: 'prefer'
  }
  const mariaTarget: DbTarget = { ...pgTarget, engine: 'mariadb', port: 3306 }
  /** The arguments after the connection ones. */
  const selectionArgs = (args: string[]) =>
    args.filter((a) => /^--(schema|exclude-table|strict-names|ignore-table|dbname)/.test(a))

  test.each([
    ['nothing chosen', only(['shop']), ['--dbname=shop']],
    [
      'one schema, matched exactly (quoted: no case folding)',
      { databases: ['shop'], schemas: ['Sales'], excludeTables: [] },
      ['--strict-names', '--schema="Sales"', '--dbname=shop']
    ],
    [
      'a bare table in every schema, a qualified one in its schema',
      { databases: ['shop'], schemas: [], excludeTables: ['audit_log', 'app.sessions'] },
      ['--exclude-table=*."audit_log"', '--exclude-table="app"."sessions"', '--dbname=shop']
    ],
    [
      'schemas and exclusions together',
      { databases: ['shop'], schemas: ['app', 'billing'], excludeTables: ['app.big$tmp'] },
      [
        '--strict-names',
        '--schema="app"',
        '--schema="billing"',
        '--exclude-table="app"."big$tmp"',
        '--dbname=shop'
      ]
    ]
  ] as const)('pg_dump: %s', (_name, selection, expected) => {
    const args = dumpArgs('postgresql', pgTarget, selection as DumpSelection)
    expect(selectionArgs(args)).toEqual(expected)
    // The database is the last argument: nothing after it can be read as a second database.
    expect(args.at(-1)).toBe(expected.at(-1))
  })

  test.each([
    [
      'a qualified table',
      { databases: ['shop', 'crm'], schemas: [], excludeTables: ['crm.sessions'] },
      ['--ignore-table=crm.sessions']
    ],
    [
      'a bare table is left out of every database dumped',
      { databases: ['shop', 'crm'], schemas: [], excludeTables: ['sessions'] },
      ['--ignore-table=shop.sessions', '--ignore-table=crm.sessions']
    ]
  ] as const)('mariadb-dump: %s', (_name, selection, expected) => {
    const args = dumpArgs('mariadb', mariaTarget, selection as unknown as DumpSelection)
    expect(selectionArgs(args)).toEqual(expected)
    // The databases come last, after --databases, each its own argument.
    expect(args.slice(args.indexOf('--databases') + 1)).toEqual(selection.databases)
  })

  test('under stdbuf when the runner has it: the tool writes in 1 MiB blocks, arguments as given', async () => {
    // This machine has coreutils. A stand-in pg_dump prints the setting stdbuf hands to its
    // C library (_STDBUF_O) and its arguments: stdbuf ran it, and nothing else changed.
    const launcher = await outputBuffering()
    expect(launcher).toEqual(['stdbuf', '--output=1M'])
    const out = await standInOutput(
      `echo "$_STDBUF_O"; ${PRINT_ARGS}`,
      pgTarget,
      only(['shop']),
      launcher
    )
    const [buffer, ...args] = out.trimEnd().split('\n')
    expect(buffer).toBe(String(1024 * 1024))
    expect(args).toEqual(dumpArgs('postgresql', pgTarget, only(['shop'])))
  })

  test('the tool gets each name as one argument, untouched by any shell', async () => {
    // A stand-in pg_dump that prints its arguments one per line. A shell would expand `$tmp`
    // and the `*` of the pattern; spawn passes them as they are.
    const out = await standInOutput(PRINT_ARGS, pgTarget, {
      databases: ['shop'],
      schemas: ['app'],
      excludeTables: ['app.big$tmp', 'audit']
    })
    const args = out.trimEnd().split('\n')
    expect(args.slice(-5)).toEqual([
      '--strict-names',
      '--schema="app"',
      '--exclude-table="app"."big$tmp"',
      '--exclude-table=*."audit"',
      '--dbname=shop'
    ])
  })
})
