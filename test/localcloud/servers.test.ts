// The real servers behind the local cloud: PostgreSQL 15, MariaDB 10.11 and Swift.
// A physical backup travels through Swift and restores, on a new address, to exactly
// the source's data at backup time; a damaged object fails the restore loudly; nothing
// (process or directory) survives destroy/stop. Clients: the psql / mariadb CLIs
// (the pg and mysql2 packages are not dependencies of this project).

import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { createHash, createHmac } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createDbServers } from './servers/db-servers.ts'
import { pidsMatching, run } from './servers/proc.ts'
import { startObjectStore } from './servers/swift.ts'
import { createTestCa } from './servers/tls.ts'
import type { Datastore, ObjectStore, RunningDb } from './servers/types.ts'

jest.setTimeout(120_000)

// Own second octet per test process (as the cloud does per cloud process); third octet
// 250 keeps clear of addresses a cloud started by another test file hands out.
const NET = `127.${10 + (process.pid % 200)}.250`

let root: string
let store: ObjectStore
const servers = createDbServers()

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'servers-test-'))
  store = await startObjectStore(path.join(root, 'swift'))
})

afterAll(async () => {
  await servers.destroyAll()
  await store?.stop()
  expect(pidsMatching(root + '/')).toEqual([])
  expect(existsSync(path.join(root, 'swift'))).toBe(false)
  await rm(root, { recursive: true, force: true })
})

/** One SQL statement over TCP as a normal user; rows as tab-separated lines. */
function query(db: RunningDb, user: string, password: string, database: string, sql: string) {
  if (db.datastore === 'postgresql') {
    const args = ['-X', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-h', db.host]
    args.push('-p', String(db.port), '-U', user, '-d', database, '-c', sql)
    return run('psql', args, { env: { PGPASSWORD: password, PGCONNECT_TIMEOUT: '5' } })
  }
  const args = ['--no-defaults', '-h', db.host, '-P', String(db.port), '-u', user]
  args.push(`--password=${password}`, '-N', '-B', '--connect-timeout=5', database, '-e', sql)
  return run('mariadb', args)
}

const SQL = {
  postgresql: {
    create: 'CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2))',
    fill: `INSERT INTO items SELECT g, 'item ' || g, g * 1.25 FROM generate_series(1, 500) g`,
    summary: `SELECT count(*), md5(string_agg(id || ':' || name || ':' || price, ',' ORDER BY id)) FROM items`
  },
  mariadb: {
    create: 'CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price decimal(10,2))',
    fill: `INSERT INTO items SELECT seq, CONCAT('item ', seq), seq * 1.25 FROM seq_1_to_500`,
    summary: `SET SESSION group_concat_max_len = 1000000; SELECT COUNT(*), MD5(GROUP_CONCAT(CONCAT_WS(':', id, name, price) ORDER BY id SEPARATOR ',')) FROM items`
  }
}

describe.each<Datastore>(['postgresql', 'mariadb'])('%s', (datastore) => {
  const hostNo = datastore === 'postgresql' ? 10 : 20
  const sql = SQL[datastore]
  const app = { name: 'app', password: "first'pass", databases: ['shop'] }
  const key = `${datastore}/backup-1.tar.gz`
  let source: RunningDb

  test('backup → Swift → restore on a new address equals the source at backup time', async () => {
    source = await servers.start({
      datastore,
      host: `${NET}.${hostNo}`,
      baseDir: path.join(root, `${datastore}-source`),
      users: [app],
      databases: ['shop', 'empty']
    })
    expect(source).toMatchObject({
      host: `${NET}.${hostNo}`,
      port: datastore === 'postgresql' ? 5432 : 3306
    })
    await query(source, app.name, app.password, 'shop', sql.create)
    await query(source, app.name, app.password, 'shop', sql.fill)
    const atBackup = await query(source, app.name, app.password, 'shop', sql.summary)
    expect(atBackup).toMatch(/^500\t[0-9a-f]{32}\n$/)
    // TCP logins need the right password.
    await expect(query(source, app.name, 'wrong', 'shop', 'SELECT 1')).rejects.toThrow(
      /password|denied/i
    )

    const artifact = path.join(root, `${datastore}.tar.gz`)
    const { bytes } = await servers.backup(source, artifact)
    expect(bytes).toBeGreaterThan(1000)
    await query(
      source,
      app.name,
      app.password,
      'shop',
      `INSERT INTO items VALUES (9999, 'late', 1)`
    )

    const url = await store.putFile('backups', key, artifact)
    expect(url).toBe(`${store.swiftUrl}/backups/${key}`)
    expect(await store.list('backups', `${datastore}/`)).toEqual([key])
    const downloaded = path.join(root, `${datastore}-downloaded.tar.gz`)
    await store.getFile('backups', key, downloaded)

    const restoredUser = { name: 'app', password: 'second-pass', databases: ['shop'] }
    const reporter = { name: 'reporter', password: 'r3p0rt', databases: ['shop'] }
    const restored = await servers.start({
      datastore,
      host: `${NET}.${hostNo + 1}`,
      baseDir: path.join(root, `${datastore}-restored`),
      users: [restoredUser, reporter],
      databases: ['shop'],
      restoreFrom: downloaded
    })
    expect(restored.host).toBe(`${NET}.${hostNo + 1}`)
    const q = (s: string) => query(restored, restoredUser.name, restoredUser.password, 'shop', s)
    expect(await q(sql.summary)).toBe(atBackup)
    expect(await q('SELECT count(*) FROM items WHERE id = 9999')).toBe('0\n')
    // Users came back with the data; the new password replaced the old; new users exist.
    await expect(query(restored, app.name, app.password, 'shop', 'SELECT 1')).rejects.toThrow()
    expect(
      await query(restored, reporter.name, reporter.password, 'shop', 'SELECT count(*) FROM items')
    ).toBe('500\n')
    // The source is untouched and still has the later row.
    expect(await query(source, app.name, app.password, 'shop', 'SELECT count(*) FROM items')).toBe(
      '501\n'
    )

    await servers.destroy(restored)
    await servers.destroy(restored) // idempotent
    expect(pidsMatching(restored.baseDir + '/')).toEqual([])
    expect(existsSync(restored.baseDir)).toBe(false)
  })

  test('a corrupted backup object makes the restore fail with a clear error', async () => {
    await store.corrupt('backups', key)
    const damaged = path.join(root, `${datastore}-damaged.tar.gz`)
    await store.getFile('backups', key, damaged)
    const baseDir = path.join(root, `${datastore}-from-damaged`)
    const spec = { datastore, host: `${NET}.${hostNo + 2}`, baseDir, users: [app], databases: [] }
    await expect(servers.start({ ...spec, restoreFrom: damaged })).rejects.toThrow(/damaged/)
    expect(pidsMatching(baseDir + '/')).toEqual([])
    expect(existsSync(baseDir)).toBe(false)
  })

  test('allowed CIDRs: a server whose CIDRs leave out 127.0.0.1 refuses TCP; one that takes it in answers', async () => {
    const open = await servers.start({
      datastore,
      host: `${NET}.${hostNo + 5}`,
      baseDir: path.join(root, `${datastore}-open`),
      users: [app],
      databases: ['shop'],
      allowedCidrs: ['203.0.113.0/24', '127.0.0.0/22']
    })
    const closed = await servers.start({
      datastore,
      host: `${NET}.${hostNo + 6}`,
      baseDir: path.join(root, `${datastore}-closed`),
      users: [app],
      databases: ['shop'],
      allowedCidrs: ['203.0.113.7/32']
    })
    try {
      expect((await query(open, app.name, app.password, 'shop', 'SELECT 1')).trim()).toBe('1')
      await expect(query(closed, app.name, app.password, 'shop', 'SELECT 1')).rejects.toThrow(
        /refused|Can't connect/
      )
    } finally {
      await Promise.all([servers.destroy(open), servers.destroy(closed)])
    }
  })

  test('destroy stops the server and removes its directory', async () => {
    expect(await servers.version(datastore)).toMatch(
      datastore === 'postgresql' ? /^15\.\d+$/ : /^10\.11\.\d+$/
    )
    await servers.destroy(source)
    expect(pidsMatching(source.baseDir + '/')).toEqual([])
    expect(existsSync(source.baseDir)).toBe(false)
    expect(servers.running()).toEqual([])
  })
})

describe('object store', () => {
  test('a missing object is an error; unknown containers list empty', async () => {
    await expect(store.getFile('backups', 'nope', path.join(root, 'nope'))).rejects.toThrow(
      /not found/
    )
    expect(await store.list('no-such-container')).toEqual([])
  })

  test('the S3 API answers with the documented credentials', async () => {
    const res = await s3Get(store, '/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<Name>backups</Name>')
  })
})

/** A SigV4-signed S3 GET (no SDK in this test: the servers code has no npm dependencies). */
function s3Get(s: ObjectStore, p: string): Promise<Response> {
  const url = new URL(p, s.s3.endpoint)
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '')
  const day = amzDate.slice(0, 8)
  const payload = createHash('sha256').update('').digest('hex')
  const headers: Record<string, string> = {
    host: url.host,
    'x-amz-content-sha256': payload,
    'x-amz-date': amzDate
  }
  const names = Object.keys(headers).sort()
  const canonical = ['GET', url.pathname, '', ...names.map((n) => `${n}:${headers[n]}`), '']
  canonical.push(names.join(';'), payload)
  const scope = `${day}/${s.s3.region}/s3/aws4_request`
  const hash = createHash('sha256').update(canonical.join('\n')).digest('hex')
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hash].join('\n')
  let key: Buffer = createHmac('sha256', `AWS4${s.s3.secretAccessKey}`).update(day).digest()
  for (const part of [s.s3.region, 's3', 'aws4_request']) {
    key = createHmac('sha256', key).update(part).digest()
  }
  const signature = createHmac('sha256', key).update(toSign).digest('hex')
  const auth = `AWS4-HMAC-SHA256 Credential=${s.s3.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`
  return fetch(url, { headers: { ...headers, authorization: auth } })
}

describe('TLS with the cloud CA', () => {
  test('each server offers TLS with a certificate for its own address; tls: false offers none', async () => {
    const ca = await createTestCa(path.join(root, 'ca'))
    const withCa = createDbServers(ca)
    try {
      const user = { name: 'app', password: 'pw-tls', databases: ['shop'] }
      const spec = (datastore: Datastore, n: number, tls?: boolean) => ({
        datastore,
        host: `${NET}.${n}`,
        baseDir: path.join(root, `tls-${datastore}-${n}`),
        users: [user],
        databases: ['shop'],
        ...(tls !== undefined && { tls })
      })
      const [pg, maria, plain] = await Promise.all([
        withCa.start(spec('postgresql', 40)),
        withCa.start(spec('mariadb', 41)),
        withCa.start(spec('postgresql', 42, false))
      ])
      expect([pg.tls, maria.tls, plain.tls]).toEqual([true, true, false])
      // The clients' strictest modes: the chain to the CA and the address as IP SAN.
      const pgSsl = await run(
        'psql',
        [
          '-XAtc',
          'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
          `host=${pg.host} user=app dbname=shop sslmode=verify-full sslrootcert=${ca.certFile}`
        ],
        { env: { PGPASSWORD: user.password } }
      )
      expect(pgSsl.trim()).toBe('t')
      const mariaSsl = await run('mariadb', [
        ...['--no-defaults', '-h', maria.host, '-u', 'app', `--password=${user.password}`],
        ...['--ssl', `--ssl-ca=${ca.certFile}`, '--ssl-verify-server-cert', '-N', '-B'],
        ...['-e', "SHOW STATUS LIKE 'Ssl_version'", 'shop']
      ])
      expect(mariaSsl).toMatch(/^Ssl_version\tTLSv1\.[23]/)
      await expect(
        run(
          'psql',
          ['-XAtc', 'SELECT 1', `host=${plain.host} user=app dbname=shop sslmode=require`],
          {
            env: { PGPASSWORD: user.password }
          }
        )
      ).rejects.toThrow(/server does not support SSL/)
    } finally {
      await withCa.destroyAll()
    }
  })
})
