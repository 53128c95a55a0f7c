import { describe, expect, jest, test } from '@jest/globals'
import { checkCommand, commandEnv, type ExecFn } from '../../../src/checks/check-command.js'
import { checkToolEnvNames, toolEnv } from '../../../src/database/tool-env.js'
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
  const base = toolEnv({ PATH: '/usr/bin', HOME: '/home/runner', PGHOST: 'from-the-runner' })

  test('runs bash -c with the given base environment plus the connection, ignoring the exit code', async () => {
    const exec = jest.fn<ExecFn>().mockResolvedValue(0)
    const verdict = await checkCommand('./migrate --dry-run', pg, 'shop', base, () => {}, exec)
    expect(verdict).toEqual({ passed: true, detail: 'exit code 0' })
    expect(exec).toHaveBeenCalledTimes(1)
    const [cmd, args, options] = exec.mock.calls[0] as Parameters<ExecFn>
    expect(cmd).toBe('bash')
    expect(args).toEqual(['-c', './migrate --dry-run'])
    expect(options.ignoreReturnCode).toBe(true)
    expect(options.env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      ...commandEnv(pg, 'shop') // ours wins over anything the runner had
    })
  })

  test('its output goes to the log line by line, never straight to stdout', async () => {
    const lines: string[] = []
    const exec = jest.fn<ExecFn>(async (_c, _a, options) => {
      options.listeners.stdline('row 1')
      options.listeners.errline('::warning::from a database value')
      return 0
    })
    await checkCommand('psql -c "select 1"', pg, 'shop', base, (l) => lines.push(l), exec)
    expect((exec.mock.calls[0] as Parameters<ExecFn>)[2].silent).toBe(true)
    expect(lines).toEqual(['row 1', '::warning::from a database value'])
  })

  test('verify-full: the command gets the db-ca PEM as a file, removed afterwards', async () => {
    let seen: { file: string; pem: string } | undefined
    const exec = jest.fn<ExecFn>(async (_cmd, _args, options) => {
      const file = options.env.PGSSLROOTCERT as string
      seen = { file, pem: readFileSync(file, 'utf8') }
      return 0
    })
    const ca = { pem: TEST_CA_PEM, label: 'PEM text: CN=unit test CA' }
    await checkCommand(
      'psql -c "select 1"',
      { ...pg, tls: 'verify-full', ca },
      'shop',
      base,
      () => {},
      exec
    )
    expect(seen?.pem).toBe(TEST_CA_PEM)
    expect(existsSync(seen?.file as string)).toBe(false)
    expect((exec.mock.calls[0] as Parameters<ExecFn>)[2].env.PGSSLMODE).toBe('verify-full')
  })

  test('a non-zero exit code fails the check', async () => {
    const exec = jest.fn<ExecFn>().mockResolvedValue(2)
    expect(await checkCommand('false', maria, 'shop', base, () => {}, exec)).toEqual({
      passed: false,
      detail: 'exit code 2'
    })
  })
})

describe('the environment of a user command or a dump tool', () => {
  const runner = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    RUNNER_TEMP: '/tmp/r',
    OS_APPLICATION_CREDENTIAL_SECRET: 'cloud-secret',
    OS_PASSWORD: 'pw',
    AWS_SECRET_ACCESS_KEY: 'aws',
    'INPUT_DB-PASSWORD': 's3cret',
    DBAAS_BACKUP_DB_PASSWORD: 's3cret',
    GITHUB_TOKEN: 'ghs_x',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    MIGRATIONS_DIR: './db',
    GITHUB_REPOSITORY: 'acme/shop'
  }

  test('holds only the allow-listed names: no cloud, store, input or GitHub credentials', () => {
    expect(toolEnv(runner)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'UTC',
      RUNNER_TEMP: '/tmp/r'
    })
  })

  test('command-env adds the names a user lists, and only those', () => {
    const env = toolEnv(runner, ['MIGRATIONS_DIR', 'GITHUB_REPOSITORY'])
    expect(env.MIGRATIONS_DIR).toBe('./db')
    expect(env.GITHUB_REPOSITORY).toBe('acme/shop')
    expect(env.OS_PASSWORD).toBeUndefined()
  })

  test.each([
    'OS_PASSWORD',
    'AWS_SECRET_ACCESS_KEY',
    'INPUT_DB-PASSWORD',
    'DBAAS_BACKUP_X',
    'GITHUB_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'os_password',
    'A B'
  ])('command-env refuses %s', (name) => {
    expect(() => checkToolEnvNames([name])).toThrow(/Input "command-env"/)
  })
})
