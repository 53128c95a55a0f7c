import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runChecks } from '../../src/checks/index.js'
import type { Assertion, CheckPlan, CheckResult } from '../../src/checks/types.js'
import type { DbTarget, Engine } from '../../src/database/types.js'
import {
  type Instance,
  silentLogger,
  type TroveClient,
  waitFor
} from '../../src/openstack/index.js'
import { waitUntil } from '../helpers/wait-until.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { createTestCa, issueServerCert } from '../localcloud/servers/tls.js'
import {
  createMariadbWithData,
  createPostgresWithData,
  DB_PASSWORD,
  DB_USER,
  FLAVOR,
  mariadbSql,
  psql,
  psqlSuperuser,
  testClient,
  waitReady
} from './helpers/local-instances.js'
import { cloudInputs, runAction } from './helpers/run-action.js'

// The database checks against real PostgreSQL 15 and MariaDB 10.11 servers of the local cloud.
let cloud: RunningCloud
let trove: TroveClient
let pgSource: Instance
let pgRestored: Instance
let maria: Instance
let mariaCopy: Instance
let scratch: string

const hostOf = (i: Instance) => i.addresses[0] as string

function target(engine: Engine, instance: Instance, extra: Partial<DbTarget> = {}): DbTarget {
  return {
    engine,
    host: hostOf(instance),
    port: engine === 'postgresql' ? 5432 : 3306,
    user: DB_USER,
    password: DB_PASSWORD,
    databases: [],
    tls: 'prefer',
    ...extra
  }
}

function plan(extra: Partial<CheckPlan> = {}): CheckPlan {
  return {
    assertions: [],
    tolerancePercent: 0,
    integrity: false,
    connectTimeoutMs: 5_000,
    ...extra
  }
}

/** A logger that keeps every line, to prove what was (and was not) logged. */
function recordingLogger() {
  const lines: string[] = []
  return {
    lines,
    logger: {
      info: (m: string) => void lines.push(`info ${m}`),
      warning: (m: string) => void lines.push(`warning ${m}`)
    }
  }
}

const byName = (results: CheckResult[], name: string) => {
  const found = results.find((r) => r.name === name)
  if (!found) throw new Error(`no result "${name}" in ${JSON.stringify(results, null, 1)}`)
  return found
}

/** `text` as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function superuserBaseDir(instance: Instance): Promise<string> {
  const found = (await cloud.admin.instances()).find((i) => i.id === instance.id)
  if (!found?.baseDir) throw new Error(`no server for ${instance.id}`)
  return found.baseDir
}

/** A real, COMPLETED backup of `source`. */
async function backupOf(source: Instance, name: string): Promise<string> {
  const backup = await trove.createBackup({ name, instanceId: source.id })
  await waitFor({
    what: backup.id,
    poll: () => trove.getBackup(backup.id),
    describe: (b) => b.status,
    isDone: (b) => b.status === 'COMPLETED',
    failure: (b) => (b.status === 'FAILED' ? 'FAILED' : undefined),
    timeoutMs: 60_000,
    logger: silentLogger,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 200))),
    now: Date.now
  })
  return backup.id
}

/** A real backup of `source` restored into a new instance (what the drill does). */
async function backupAndRestore(source: Instance, name: string): Promise<Instance> {
  const backupId = await backupOf(source, `${name}-backup`)
  await waitReady(trove, source.id)
  const created = await trove.createInstance({
    name,
    flavorRef: FLAVOR,
    volume: { size: 2 },
    datastore: { type: 'postgresql', version: '15' },
    restoreBackupId: backupId,
    access: { allowedCidrs: ['127.0.0.0/22'] }
  })
  return waitReady(trove, created.id)
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'checks-e2e-'))
  cloud = await startCloud()
  trove = testClient(cloud.info)
  // More instances at once than the default quota: sources, copies, and the drills' own.
  await cloud.admin.config({ quota: { instances: 20, volumes: 200 } })
  ;[pgSource, maria] = await Promise.all([
    createPostgresWithData(trove, 'shop-pg'),
    createMariadbWithData(trove, 'shop-maria')
  ])
  // More shape: a second table with an index, and a table outside the public schema.
  await psql(
    hostOf(pgSource),
    `CREATE TABLE customers (id int primary key, email text);
     INSERT INTO customers SELECT g, 'c' || g || '@example.org' FROM generate_series(1, 50) g;
     CREATE INDEX customers_email ON customers (email);
     CREATE SCHEMA audit; CREATE TABLE audit.events (id int primary key, what text);
     INSERT INTO audit.events SELECT g, 'e' || g FROM generate_series(1, 20) g`
  )
  await mariadbSql(
    hostOf(maria),
    `CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100), KEY (email));
     INSERT INTO customers SELECT seq, CONCAT('c', seq, '@example.org') FROM seq_1_to_50`
  )
  ;[pgRestored, mariaCopy] = await Promise.all([
    backupAndRestore(pgSource, 'shop-pg-restored'),
    createMariadbWithData(trove, 'shop-maria-copy')
  ])
}, 180_000)

afterAll(async () => {
  await cloud?.stop()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

describe('all checks pass on good data', () => {
  test('PostgreSQL: connect, tables, row counts, assertions, compare with the source, command', async () => {
    const { logger, lines } = recordingLogger()
    const out = path.join(scratch, 'pg-env')
    const report = await runChecks(
      target('postgresql', pgRestored),
      plan({
        assertions: [
          {
            name: 'orders exist',
            sql: 'SELECT count(*) FROM orders',
            expect: '>= 500',
            timeoutMs: 10_000
          },
          {
            name: 'version',
            sql: 'SHOW server_version',
            expect: 'matches ^15\\.',
            timeoutMs: 10_000
          }
        ],
        compareWith: target('postgresql', pgSource),
        command: `psql -tAc 'SELECT count(*) FROM customers' > ${out}`
      }),
      { logger }
    )
    expect(report.results.map((r) => [r.name, r.passed])).toEqual([
      ['connect', true],
      ['tables', true],
      ['row counts', true],
      ['assert: orders exist', true],
      ['assert: version', true],
      ['compare with source', true],
      ['command', true]
    ])
    expect(byName(report.results, 'connect').detail).toMatch(
      /^PostgreSQL 15\.\d+ at 127\.\d+\.\d+\.\d+:5432 as app, database postgres, TLS, certificate not verified$/
    )
    expect(byName(report.results, 'tables').detail).toBe('1 database(s), 3 table(s): shop (3)')
    expect(report.counts).toEqual([
      { database: 'shop', table: 'audit.events', rows: 20 },
      { database: 'shop', table: 'customers', rows: 50 },
      { database: 'shop', table: 'orders', rows: 500 }
    ])
    expect(byName(report.results, 'assert: orders exist').detail).toBe('got 500, >= 500')
    expect(byName(report.results, 'compare with source').detail).toBe(
      '3 table(s) compared within 0%, 3 of 3 checksum(s) equal'
    )
    expect(readFileSync(out, 'utf8').trim()).toBe('50')
    // One line per check, with its mark and duration.
    const checkLines = lines.filter((l) => /^info [✓✗] /.test(l))
    expect(checkLines).toHaveLength(7)
    expect(checkLines[0]).toMatch(/^info ✓ connect \(\d+ ms\): PostgreSQL/)
    // The local cloud's servers offer TLS, so prefer used it: nothing to warn about.
    expect(lines).not.toContainEqual(expect.stringMatching(/^warning .*without TLS/))
  }, 60_000)

  test('MariaDB: connect, tables, row counts, assertions, compare (CHECKSUM TABLE), integrity', async () => {
    const { logger } = recordingLogger()
    const report = await runChecks(
      target('mariadb', maria),
      plan({
        assertions: [
          {
            name: 'orders',
            sql: 'SELECT COUNT(*) FROM orders',
            expect: '== 500',
            timeoutMs: 10_000
          },
          {
            name: 'sum',
            sql: 'SELECT SUM(total) FROM orders',
            expect: '> 125000',
            timeoutMs: 10_000
          },
          {
            name: 'email',
            sql: 'SELECT email FROM customers ORDER BY id LIMIT 1',
            expect: 'matches ^c1@',
            timeoutMs: 10_000
          }
        ],
        compareWith: target('mariadb', maria),
        integrity: true
      }),
      { logger }
    )
    expect(report.results.every((r) => r.passed)).toBe(true)
    expect(report.results.map((r) => r.name)).toEqual([
      'connect',
      'tables',
      'row counts',
      'assert: orders',
      'assert: sum',
      'assert: email',
      'compare with source',
      'integrity'
    ])
    expect(byName(report.results, 'connect').detail).toMatch(
      /^MariaDB 10\.11\.\d+ at 127\.[\d.]+:3306 as app, TLS, certificate not verified$/
    )
    expect(report.counts).toEqual([
      { database: 'shop', table: 'customers', rows: 50 },
      { database: 'shop', table: 'orders', rows: 500 }
    ])
    expect(byName(report.results, 'assert: sum').detail).toBe('got 125250.00, > 125000')
    expect(byName(report.results, 'compare with source').detail).toBe(
      '2 table(s) compared within 0%, 2 of 2 checksum(s) equal'
    )
    expect(byName(report.results, 'integrity').detail).toBe('2 table(s) (CHECK TABLE) OK')
  }, 60_000)
})

describe('assertions', () => {
  test('a failing assertion, SQL that errors and a statement timeout each fail on their own', async () => {
    for (const engine of ['postgresql', 'mariadb'] as const) {
      const instance = engine === 'postgresql' ? pgSource : maria
      const slow = engine === 'postgresql' ? 'SELECT pg_sleep(5)' : 'SELECT SLEEP(5)'
      const report = await runChecks(
        target(engine, instance),
        plan({
          assertions: [
            {
              name: 'too many',
              sql: 'SELECT count(*) FROM orders',
              expect: '>= 1000',
              timeoutMs: 10_000
            },
            {
              name: 'broken sql',
              sql: 'SELECT * FROM no_such_table',
              expect: '== 0',
              timeoutMs: 10_000
            },
            { name: 'slow', sql: slow, expect: '== 0', timeoutMs: 1_000 },
            {
              name: 'empty',
              sql: 'SELECT id FROM orders WHERE id < 0',
              expect: '== 0',
              timeoutMs: 10_000
            },
            { name: 'still fine', sql: 'SELECT 1', expect: '== 1', timeoutMs: 10_000 }
          ]
        }),
        { logger: silentLogger }
      )
      const detail = (name: string) => byName(report.results, `assert: ${name}`)
      expect([engine, detail('too many')]).toMatchObject([
        engine,
        { passed: false, detail: 'got 500, expected >= 1000' }
      ])
      expect(detail('broken sql').passed).toBe(false)
      expect(detail('broken sql').detail).toMatch(
        engine === 'postgresql'
          ? /^the query failed: relation "no_such_table" does not exist$/
          : /^the query failed: Table 'shop\.no_such_table' doesn't exist$/
      )
      expect(detail('slow').passed).toBe(false)
      expect(detail('slow').detail).toMatch(/^took longer than its timeout 1s: /)
      expect(detail('slow').durationMs).toBeLessThan(4_000)
      expect(detail('empty')).toMatchObject({
        passed: false,
        detail: 'no row returned (expected == 0)'
      })
      expect(detail('still fine').passed).toBe(true)
    }
  }, 60_000)
})

describe('compare with the source', () => {
  // These tests change the restored copy step by step, in order.
  const compare = (tolerancePercent: number) =>
    runChecks(
      target('postgresql', pgRestored),
      plan({ compareWith: target('postgresql', pgSource), tolerancePercent }),
      { logger: silentLogger }
    ).then((r) => byName(r.results, 'compare with source'))

  test('same row counts but changed content: a checksum mismatch fails only with tolerance 0', async () => {
    await psql(hostOf(pgRestored), `UPDATE customers SET email = 'changed' WHERE id = 7`)
    expect(await compare(0)).toMatchObject({
      passed: false,
      detail: expect.stringMatching(
        /^table shop\.customers has the same row count but different content \(checksum\) — /
      )
    })
    expect(await compare(5)).toMatchObject({
      passed: true,
      detail: expect.stringContaining(
        '1 table(s) with equal row counts but different content: shop.customers'
      )
    })
  }, 60_000)

  test('row counts within the tolerance pass, beyond it fail', async () => {
    await psql(hostOf(pgRestored), 'DELETE FROM orders WHERE id <= 10') // 2% of 500
    expect((await compare(5)).passed).toBe(true)
    expect(await compare(1)).toMatchObject({
      passed: false,
      detail: expect.stringMatching(
        /^table shop\.orders has 490 rows, the source 500 \(2\.0% fewer; tolerance 1%\)/
      )
    })
  }, 60_000)

  test('a table lost in the restore fails; a table only in the restore is noted', async () => {
    await psql(hostOf(pgRestored), 'DROP TABLE audit.events; CREATE TABLE scratch (x int)')
    const result = await compare(5)
    expect(result.passed).toBe(false)
    expect(result.detail).toMatch(/^table shop\.audit\.events is missing from the restore — /)
    expect(result.detail).toContain('1 table(s) only in the restore: shop.scratch')
  }, 60_000)

  test('MariaDB: a table dropped from the copy is missing', async () => {
    await mariadbSql(
      hostOf(mariaCopy),
      `CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100));
       INSERT INTO customers SELECT seq, CONCAT('c', seq, '@example.org') FROM seq_1_to_50;
       DROP TABLE orders`
    )
    const report = await runChecks(
      target('mariadb', mariaCopy),
      plan({ compareWith: target('mariadb', maria) }),
      { logger: silentLogger }
    )
    expect(byName(report.results, 'compare with source')).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^table shop\.orders is missing from the restore — /)
    })
  }, 60_000)

  test('an unreachable source fails the comparison, not the run', async () => {
    const report = await runChecks(
      target('postgresql', pgSource),
      plan({ compareWith: target('postgresql', pgSource, { port: 1 }), connectTimeoutMs: 2_000 }),
      { logger: silentLogger }
    )
    expect(byName(report.results, 'compare with source')).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^could not connect to the source at 127\.[\d.]+:1: /)
    })
    expect(byName(report.results, 'tables').passed).toBe(true)
  }, 30_000)
})

describe('integrity', () => {
  test('PostgreSQL without amcheck rights: skipped with the reason, neither passed nor failed', async () => {
    const { logger, lines } = recordingLogger()
    const report = await runChecks(target('postgresql', pgSource), plan({ integrity: true }), {
      logger
    })
    // A check that did not run: neither passed (never counted as such) nor failed.
    expect(byName(report.results, 'integrity')).toMatchObject({
      passed: false,
      skipped: true,
      detail:
        'skipped: amcheck unavailable in shop: permission denied to create extension "amcheck"'
    })
    expect(lines).toContainEqual(expect.stringMatching(/^warning Integrity check skipped: /))
  }, 30_000)

  test('PostgreSQL with amcheck allowed: every btree index checked; a damaged index fails', async () => {
    const baseDir = await superuserBaseDir(pgSource)
    await psqlSuperuser(
      baseDir,
      'CREATE EXTENSION IF NOT EXISTS amcheck; GRANT EXECUTE ON FUNCTION bt_index_check(regclass) TO app'
    )
    const check = async () =>
      byName(
        (
          await runChecks(target('postgresql', pgSource), plan({ integrity: true }), {
            logger: silentLogger
          })
        ).results,
        'integrity'
      )
    expect(await check()).toEqual(
      expect.objectContaining({ passed: true, detail: '4 btree index(es) (amcheck) OK' })
    )

    // A fresh index is written straight to its file: overwrite a page of it with garbage.
    await psql(hostOf(pgSource), 'CREATE INDEX orders_total ON orders (total)')
    const file = await psqlSuperuser(baseDir, `SELECT pg_relation_filepath('orders_total')`)
    const { openSync, writeSync, closeSync } = await import('node:fs')
    const fd = openSync(path.join(baseDir, 'data', file), 'r+')
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 8192)
    closeSync(fd)
    const damaged = await check()
    expect(damaged.passed).toBe(false)
    expect(damaged.detail).toMatch(/^1 damaged: shop\.orders_total: /)
    await psql(hostOf(pgSource), 'DROP INDEX orders_total')
  }, 60_000)
})

describe('custom command', () => {
  test('sees the connection in its environment; a non-zero exit fails the check', async () => {
    for (const engine of ['postgresql', 'mariadb'] as const) {
      const instance = engine === 'postgresql' ? pgSource : maria
      const out = path.join(scratch, `${engine}-env`)
      const client =
        engine === 'postgresql'
          ? `psql -tAc 'SELECT count(*) FROM orders'`
          : `mariadb --no-defaults -u "$MYSQL_USER" -N -B -e 'SELECT COUNT(*) FROM orders' "$MYSQL_DATABASE"`
      const ok = await runChecks(
        target(engine, instance),
        plan({ command: `env | grep -E '^(PG|MYSQL_|DB_)' | sort > ${out}; ${client} >> ${out}` }),
        { logger: silentLogger }
      )
      expect(byName(ok.results, 'command')).toMatchObject({ passed: true, detail: 'exit code 0' })
      const env = readFileSync(out, 'utf8')
      expect(env).toContain(`DB_ENGINE=${engine}`)
      expect(env).toContain(`DB_HOST=${hostOf(instance)}`)
      expect(env).toContain('DB_NAME=shop')
      expect(env).toContain(`DB_PASSWORD=${DB_PASSWORD}`)
      expect(env).toContain(engine === 'postgresql' ? 'PGDATABASE=shop' : 'MYSQL_TCP_PORT=3306')
      expect(env.trim().split('\n').at(-1)).toBe(engine === 'postgresql' ? '500' : '500')

      const failed = await runChecks(target(engine, instance), plan({ command: 'exit 3' }), {
        logger: silentLogger
      })
      expect(byName(failed.results, 'command')).toMatchObject({
        passed: false,
        detail: 'exit code 3'
      })
    }
  }, 60_000)
})

describe('secrets', () => {
  test('a wrong password fails connect and stops there, without the password anywhere', async () => {
    const canary = 'canary-Pw-7f3a9'
    for (const engine of ['postgresql', 'mariadb'] as const) {
      const instance = engine === 'postgresql' ? pgSource : maria
      const { logger, lines } = recordingLogger()
      const report = await runChecks(
        target(engine, instance, { password: canary }),
        plan({
          assertions: [{ name: 'x', sql: 'SELECT 1', expect: '== 1', timeoutMs: 5_000 }],
          integrity: true,
          command: 'true'
        }),
        { logger }
      )
      expect(report.results).toHaveLength(1)
      expect(report.results[0]).toMatchObject({
        name: 'connect',
        passed: false,
        detail:
          engine === 'postgresql'
            ? 'password authentication failed for user "app"'
            : expect.stringMatching(
                /^Access denied for user 'app'@'127\.[\d.]+' \(using password: YES\)$/
              )
      })
      expect(report.counts).toEqual([])
      expect(JSON.stringify(report) + lines.join('\n')).not.toContain(canary)
    }
  }, 30_000)

  test('an error that quotes the password does not leak it', async () => {
    const { logger, lines } = recordingLogger()
    const report = await runChecks(
      target('postgresql', pgSource, { databases: ['shop'] }),
      plan({
        assertions: [
          { name: 'echo', sql: `SELECT '${DB_PASSWORD}'::int`, expect: '== 1', timeoutMs: 5_000 }
        ]
      }),
      { logger }
    )
    expect(byName(report.results, 'assert: echo')).toMatchObject({
      passed: false,
      detail: 'the query failed: invalid input syntax for type integer: "***"'
    })
    expect(JSON.stringify(report) + lines.join('\n')).not.toContain(DB_PASSWORD)
  }, 30_000)
})

describe('what is checked', () => {
  test('a server whose databases hold no tables fails "the restore has no tables"', async () => {
    const empty = await trove.createInstance({
      name: 'empty-pg',
      flavorRef: FLAVOR,
      volume: { size: 2 },
      datastore: { type: 'postgresql', version: '15' },
      users: [{ name: DB_USER, password: DB_PASSWORD, databases: ['shop'] }],
      databases: ['shop'],
      access: { allowedCidrs: ['127.0.0.0/22'] }
    })
    const ready = await waitReady(trove, empty.id)
    const report = await runChecks(target('postgresql', ready), plan(), { logger: silentLogger })
    expect(byName(report.results, 'tables')).toMatchObject({
      passed: false,
      detail: 'the restore has no tables (databases: shop)'
    })
    expect(report.results.map((r) => r.name)).toEqual(['connect', 'tables'])
  }, 60_000)

  test('given databases limit the checks; a missing one fails the tables check', async () => {
    const report = await runChecks(
      target('mariadb', maria, { databases: ['shop', 'nope'] }),
      plan(),
      { logger: silentLogger }
    )
    expect(byName(report.results, 'tables')).toMatchObject({
      passed: false,
      detail: expect.stringMatching(
        /^database nope: Access denied for user 'app'@'%' to database 'nope'/
      )
    })
    expect(report.counts.map((c) => c.table)).toEqual(['customers', 'orders'])

    // Even when the missing one comes first: connect still works, the tables check says which.
    for (const [engine, instance] of [
      ['postgresql', pgSource],
      ['mariadb', maria]
    ] as const) {
      const first = await runChecks(
        target(engine, instance, { databases: ['nope', 'shop'] }),
        plan(),
        { logger: silentLogger }
      )
      expect(first.results.map((r) => [r.name, r.passed])).toEqual([
        ['connect', true],
        ['tables', false],
        ['row counts', true]
      ])
      expect(byName(first.results, 'tables').detail).toMatch(
        engine === 'postgresql'
          ? /^database nope: database "nope" does not exist — /
          : /^database nope: Access denied for user 'app'@'%' to database 'nope' — /
      )
    }
  }, 30_000)
})

describe('TLS', () => {
  /** The server's own view of the session, not only our word for it. */
  const sslSeen = (engine: Engine, tls: boolean): Assertion => ({
    name: 'ssl',
    sql:
      engine === 'postgresql'
        ? 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()'
        : "SELECT VARIABLE_VALUE <> '' FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'SSL_VERSION'",
    expect: tls ? 'matches ^(true|1)$' : 'matches ^(false|0)$',
    timeoutMs: 5_000
  })
  const cloudCa = () => ({ pem: readFileSync(cloud.info.dbCaFile, 'utf8'), label: 'cloud CA' })

  test('a server without TLS: prefer goes plain and warns; require and verify-full refuse', async () => {
    await cloud.admin.config({ serverTls: false })
    const [plainPg, plainMaria] = await Promise.all([
      createPostgresWithData(trove, 'plain-pg'),
      createMariadbWithData(trove, 'plain-maria')
    ]).finally(() => cloud.admin.config({ serverTls: true }))
    for (const [engine, instance] of [
      ['postgresql', plainPg],
      ['mariadb', plainMaria]
    ] as const) {
      for (const tls of ['require', 'verify-full'] as const) {
        const report = await runChecks(
          target(engine, instance, { tls, ...(tls === 'verify-full' && { ca: cloudCa() }) }),
          plan(),
          { logger: silentLogger }
        )
        expect(report.results).toEqual([
          expect.objectContaining({
            name: 'connect',
            passed: false,
            detail: expect.stringContaining(
              `: the server at ${hostOf(instance)} offers no TLS, which db-tls: ${tls} needs`
            )
          })
        ])
      }
      const { logger, lines } = recordingLogger()
      const report = await runChecks(
        target(engine, instance, { tls: 'prefer' }),
        plan({ assertions: [sslSeen(engine, false)] }),
        { logger }
      )
      expect(report.results.every((r) => r.passed)).toBe(true)
      expect(byName(report.results, 'connect').detail).toMatch(
        /, no TLS \(the server does not offer it\)$/
      )
      expect(lines).toContainEqual(expect.stringMatching(/^warning .*without TLS/))
    }
  }, 90_000)

  test('every mode against servers with TLS, as the server sees the session', async () => {
    for (const [engine, instance] of [
      ['postgresql', pgSource],
      ['mariadb', maria]
    ] as const) {
      for (const [tls, note] of [
        ['disable', 'TLS off'],
        ['prefer', 'TLS, certificate not verified'],
        ['require', 'TLS, certificate not verified'],
        ['verify-ca', 'TLS, certificate verified (chain to db-ca; host name not checked)'],
        ['verify-full', 'TLS, certificate verified (chain to db-ca and host name)']
      ] as const) {
        const verifying = tls === 'verify-ca' || tls === 'verify-full'
        const report = await runChecks(
          target(engine, instance, { tls, ...(verifying && { ca: cloudCa() }) }),
          plan({ assertions: [sslSeen(engine, tls !== 'disable')] }),
          { logger: silentLogger }
        )
        // Named, so that a failure says which engine and mode, and why.
        expect([engine, tls, report.results.filter((r) => !r.passed)]).toEqual([engine, tls, []])
        expect(byName(report.results, 'connect').detail).toMatch(new RegExp(`, ${escape(note)}$`))
      }
    }
    // Every connection is closed when runChecks returns (the server may take a moment to notice).
    const baseDir = await superuserBaseDir(pgSource)
    const sessions = () =>
      psqlSuperuser(
        baseDir,
        `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dbaas-backup-action'`,
        'postgres'
      )
    const left = await waitUntil(sessions, {
      what: "no session of 'dbaas-backup-action' left in pg_stat_activity",
      until: (count) => count === '0'
    })
    expect(left).toBe('0')
  }, 90_000)

  test('verify-ca and verify-full refuse a certificate from another CA, naming db-ca', async () => {
    const other = await createTestCa(path.join(scratch, 'other-ca'), 'some other CA')
    const ca = {
      pem: readFileSync(other.certFile, 'utf8'),
      label: `${other.certFile}: CN=some other CA`
    }
    for (const [engine, instance] of [
      ['postgresql', pgSource],
      ['mariadb', maria]
    ] as const) {
      for (const tls of ['verify-ca', 'verify-full'] as const) {
        const report = await runChecks(target(engine, instance, { tls, ca }), plan(), {
          logger: silentLogger
        })
        expect(report.results).toEqual([
          expect.objectContaining({ name: 'connect', passed: false })
        ])
        expect(report.results[0]?.detail).toMatch(
          new RegExp(
            `^the certificate of ${escape(hostOf(instance))} is not signed by db-ca \\(${escape(ca.label)}\\): .*\\. ` +
              `db-ca must hold the CA certificate that signed the instance's certificate \\(db-tls: ${tls}\\)$`
          )
        )
      }
    }
  }, 60_000)

  test('verify-full refuses a good chain for another address; verify-ca accepts it', async () => {
    const ca = {
      certFile: cloud.info.dbCaFile,
      // The cloud keeps its CA key beside the certificate (test/localcloud/cloud.ts).
      keyFile: path.join(path.dirname(cloud.info.dbCaFile), 'ca.key')
    }
    const [movedPg, movedMaria] = await Promise.all([
      createPostgresWithData(trove, 'tls-moved-pg'),
      createMariadbWithData(trove, 'tls-moved-maria')
    ])
    for (const [engine, moved] of [
      ['postgresql', movedPg],
      ['mariadb', movedMaria]
    ] as const) {
      // The server's certificate, from the cloud's own CA, now names another address; the
      // server reads it again (PostgreSQL on a reload, MariaDB on FLUSH SSL).
      const baseDir = await superuserBaseDir(moved)
      await issueServerCert(ca, '127.0.0.99', path.join(baseDir, 'tls'))
      execFileSync('chown', [
        '-R',
        engine === 'postgresql' ? 'postgres' : 'mysql',
        `${baseDir}/tls`
      ])
      if (engine === 'postgresql')
        await psqlSuperuser(baseDir, 'SELECT pg_reload_conf()', 'postgres')
      else {
        execFileSync('mariadb', [
          ...['--no-defaults', `--socket=${baseDir}/run/mysqld.sock`, '-u', 'root'],
          ...['-e', 'FLUSH SSL']
        ])
      }
      const run = (tls: 'verify-ca' | 'verify-full') =>
        runChecks(target(engine, moved, { tls, ca: cloudCa() }), plan(), { logger: silentLogger })
      // A reload is asynchronous: wait until a new session is shown the new certificate.
      const full = await waitUntil(() => run('verify-full'), {
        what: `${engine} to present the certificate for 127.0.0.99`,
        until: (report) => report.results[0]?.passed === false
      })
      expect(full.results[0]?.detail).toMatch(
        new RegExp(
          `^the certificate of ${escape(hostOf(moved))} chains to db-ca but is not for this address: .*` +
            `db-tls: verify-full needs a certificate naming ${escape(hostOf(moved))}; db-tls: verify-ca checks the chain only$`
        )
      )
      const chainOnly = await run('verify-ca')
      expect([engine, chainOnly.results.filter((r) => !r.passed)]).toEqual([engine, []])
    }
  }, 90_000)
})

describe('through the committed bundle (dist/main, pg and mysql2 bundled by ncc)', () => {
  test('verify mode runs every check on a restored PostgreSQL and MariaDB', async () => {
    await waitReady(trove, maria.id)
    await backupOf(maria, 'shop-maria-nightly')
    const checksFile = path.join(scratch, 'checks.yml')
    writeFileSync(
      checksFile,
      [
        'checks:',
        '  - name: orders exist',
        '    sql: SELECT count(*) FROM orders',
        "    expect: '>= 500'",
        '    timeout: 30s'
      ].join('\n')
    )
    for (const instance of ['shop-pg', 'shop-maria']) {
      const result = await runAction('main', {
        ...cloudInputs(cloud.info),
        mode: 'verify',
        instance,
        'allowed-cidrs': '127.0.0.0/22',
        'db-user': DB_USER,
        'db-password': DB_PASSWORD,
        'checks-file': checksFile,
        'compare-with-source': 'true'
      })
      const failure = `${instance}:\n${result.stdout}\n${result.stderr}`
      // On failure, the action's own output says why.
      expect({ exitCode: result.exitCode, output: result.exitCode === 0 ? '' : failure }).toEqual({
        exitCode: 0,
        output: ''
      })
      expect(result.outputs.verified).toBe('true')
      expect(result.stdout).toMatch(/✓ connect \(\d+ ms\): (PostgreSQL 15|MariaDB 10\.11)/)
      expect(result.stdout).toMatch(/✓ assert: orders exist \(\d+ ms\): got \d+, >= 500/)
      expect(result.stdout).toMatch(/✓ compare with source \(\d+ ms\)/)
      // Ran, or skipped where amcheck is not allowed (then counted as skipped, never passed).
      expect(result.stdout).toMatch(/(✓ integrity|– integrity \(\d+ ms\): skipped:)/)
      expect(result.outputs['checks-failed']).toBe('0')
      expect(Number(result.outputs['checks-skipped'])).toBe(
        /– integrity/.test(result.stdout) ? 1 : 0
      )
      // The one place it may appear: the mask command, which tells the runner to hide it.
      const shown = `${result.stdout}${result.stderr}${result.summary}`.replace(
        `::add-mask::${DB_PASSWORD}`,
        ''
      )
      expect(shown).not.toContain(DB_PASSWORD)
      expect(failure).not.toMatch(/require is not defined|pg-native/)
    }
  }, 180_000)
})
