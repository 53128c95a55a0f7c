import { describe, expect, jest, test } from '@jest/globals'
import { checkCommand, commandEnv, type ExecFn } from '../../../src/checks/check-command.js'
import type { DbTarget } from '../../../src/database/types.js'
import { existsSync, readFileSync } from 'node:fs'
import { TEST_CA_PEM } from '../helpers/test-ca.js'

const pg: DbTarget = {
  engine: 'postgresql',
  host: '10.0.0.5',
  port: 5432,
  user: 'app',
  password: 's3cret',
  databases: [],
  tls: 'prefer'
}
const maria: DbTarget = { ...pg, engine: 'mariadb', port: 3306, tls: 'require' }

describe('commandEnv', () => {
  test('PostgreSQL: libpq variables and DB_*', () => {
    expect(commandEnv(pg, 'shop')).toEqual({
      PGHOST: '10.0.0.5',
      PGPORT: '5432',
      PGUSER: 'app',
      PGPASSWORD: 's3cret',
      PGDATABASE: 'shop',
      PGSSLMODE: 'prefer',
      DB_ENGINE: 'postgresql',
      DB_HOST: '10.0.0.5',
      DB_PORT: '5432',
      DB_USER: 'app',
      DB_PASSWORD: 's3cret',
      DB_NAME: 'shop',
      DB_SSL_MODE: 'prefer'
    })
  })

  test('MariaDB: the mariadb client variables and DB_*', () => {
    expect(commandEnv(maria, 'shop')).toEqual({
      MYSQL_HOST: '10.0.0.5',
      MYSQL_TCP_PORT: '3306',
      MYSQL_USER: 'app',
      MYSQL_PWD: 's3cret',
      MYSQL_DATABASE: 'shop',
      DB_ENGINE: 'mariadb',
      DB_HOST: '10.0.0.5',
      DB_PORT: '3306',
      DB_USER: 'app',
      DB_PASSWORD: 's3cret',
      DB_NAME: 'shop',
      DB_SSL_MODE: 'require'
    })
  })

  test('without a database: PostgreSQL falls back to postgres, MariaDB to none', () => {
    expect(commandEnv(pg, undefined)).toMatchObject({ PGDATABASE: 'postgres', DB_NAME: '' })
    expect(commandEnv(maria, undefined)).toMatchObject({ MYSQL_DATABASE: '', DB_NAME: '' })
  })

  test.each(['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const)(
    'db-tls %s is PGSSLMODE as it is (libpq names)',
    (tls) => {
      expect(commandEnv({ ...pg, tls }, 'shop').PGSSLMODE).toBe(tls)
    }
  )

  test('the CA file goes to PGSSLROOTCERT and DB_SSL_CA', () => {
    expect(commandEnv({ ...pg, tls: 'verify-full' }, 'shop', '/tmp/ca.pem')).toMatchObject({
      PGSSLMODE: 'verify-full',
      PGSSLROOTCERT: '/tmp/ca.pem',
      DB_SSL_MODE: 'verify-full',
      DB_SSL_CA: '/tmp/ca.pem'
    })
    expect(commandEnv({ ...maria, tls: 'verify-ca' }, 'shop', '/tmp/ca.pem')).toMatchObject({
      DB_SSL_MODE: 'verify-ca',
      DB_SSL_CA: '/tmp/ca.pem'
    })
  })
})

describe('checkCommand', () => {
  test('runs bash -c with the inherited environment plus the connection, ignoring the exit code', async () => {
    process.env.CHECKS_TEST_INHERITED = 'yes'
    process.env.PGHOST = 'from-the-runner'
    const exec = jest.fn<ExecFn>().mockResolvedValue(0)
    const verdict = await checkCommand('./migrate --dry-run', pg, 'shop', exec)
    delete process.env.CHECKS_TEST_INHERITED
    delete process.env.PGHOST
    expect(verdict).toEqual({ passed: true, detail: 'exit code 0' })
    expect(exec).toHaveBeenCalledTimes(1)
    const [cmd, args, options] = exec.mock.calls[0] as Parameters<ExecFn>
    expect(cmd).toBe('bash')
    expect(args).toEqual(['-c', './migrate --dry-run'])
    expect(options.ignoreReturnCode).toBe(true)
    expect(options.env).toMatchObject({
      CHECKS_TEST_INHERITED: 'yes',
      PGHOST: '10.0.0.5', // ours wins over the runner's
      PGDATABASE: 'shop',
      DB_PASSWORD: 's3cret'
    })
    expect(options.env.PATH).toBe(process.env.PATH)
  })

  test("keeps the action's inputs and runtime tokens out of the command's environment", async () => {
    const saved = { ...process.env }
    Object.assign(process.env, {
      'INPUT_APPLICATION-CREDENTIAL-SECRET': 'cloud-secret',
      'INPUT_DB-PASSWORD': 's3cret',
      ACTIONS_RUNTIME_TOKEN: 'rt',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      GITHUB_REPOSITORY: 'acme/shop'
    })
    const exec = jest.fn<ExecFn>().mockResolvedValue(0)
    await checkCommand('true', pg, 'shop', exec)
    process.env = saved
    const env = (exec.mock.calls[0] as Parameters<ExecFn>)[2].env
    expect(Object.keys(env).filter((k) => /^INPUT_|^ACTIONS_/.test(k))).toEqual([])
    expect(env.GITHUB_REPOSITORY).toBe('acme/shop')
  })

  test('verify-full: the command gets the db-ca PEM as a file, removed afterwards', async () => {
    let seen: { file: string; pem: string } | undefined
    const exec = jest.fn<ExecFn>(async (_cmd, _args, options) => {
      const file = options.env.PGSSLROOTCERT as string
      seen = { file, pem: readFileSync(file, 'utf8') }
      return 0
    })
    const ca = { pem: TEST_CA_PEM, label: 'PEM text: CN=unit test CA' }
    await checkCommand('psql -c "select 1"', { ...pg, tls: 'verify-full', ca }, 'shop', exec)
    expect(seen?.pem).toBe(TEST_CA_PEM)
    expect(existsSync(seen?.file as string)).toBe(false)
    expect((exec.mock.calls[0] as Parameters<ExecFn>)[2].env.PGSSLMODE).toBe('verify-full')
  })

  test('a non-zero exit code fails the check', async () => {
    const exec = jest.fn<ExecFn>().mockResolvedValue(2)
    expect(await checkCommand('false', maria, 'shop', exec)).toEqual({
      passed: false,
      detail: 'exit code 2'
    })
  })
})
