import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  jest,
  test
} from '@jest/globals'
import type { TroveClient } from '../../src/openstack/index.js'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { DB_PASSWORD, DB_USER, testClient } from '../e2e/helpers/local-instances.js'
import { cloudInputs, runAction } from '../e2e/helpers/run-action.js'
import { cloudEnv, runCli } from '../e2e/helpers/run-cli.js'
import { tempInstances } from './helpers/leftovers.js'
import { record } from './helpers/results.js'
import { buildScene, drillInputs, type Scene } from './helpers/scene.js'

// Hostile text — server error bodies, instance and backup names, database values, a user
// command's output — must stay text. Every payload starts its commands with the token INJ, so a
// line that the runner would read as a workflow command carrying it is an injection that worked.
// The product's own commands (masks, annotations, groups) are allowed; their data is escaped.
jest.setTimeout(120_000)

let cloud: RunningCloud
let trove: TroveClient
let scene: Scene
const dir = mkdtempSync(path.join(tmpdir(), 'injection-'))

const ISSUED = new Set(['add-mask', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup'])

/** The lines a runner would take as workflow commands that the product did not issue. */
function injectedCommands(output: string): string[] {
  const bad: string[] = []
  // The runner ends a line at CR as well as LF.
  for (const line of output.split(/\r\n|\r|\n/)) {
    const text = line.trimStart()
    if (text.startsWith('##[')) bad.push(line)
    if (!text.startsWith('::')) continue
    const command = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(text)
    if (!command || !ISSUED.has(command[1] as string) || (command[2] as string).startsWith('INJ'))
      bad.push(line)
  }
  return bad
}

/** Runs one case: `fn` returns the output to check; the case counts for the totals line. */
async function injectionCase(name: string, fn: () => Promise<string>): Promise<void> {
  let ok = false
  try {
    const output = await fn()
    expect(injectedCommands(output)).toEqual([])
    ok = true
  } finally {
    record({ kind: 'injection', name, ok })
  }
}

const PAYLOAD_LF = 'busy\n::set-output name=count::999\n::warning::INJ-lf\n::stop-commands::INJ'
const PAYLOAD_CR = 'busy\r::error::INJ-cr\r::add-mask::INJ'

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
  trove = testClient(cloud.info)
  scene = await buildScene(cloud, trove)
}, 120_000)

afterAll(async () => {
  await cloud?.stop()
})

beforeEach(async () => {
  await cloud.admin.resetFaults()
})

afterEach(async () => {
  for (const i of await tempInstances(cloud))
    await trove.deleteInstance(i.id).catch(() => undefined)
})

const listInputs = (): Record<string, string> => ({
  ...cloudInputs(cloud.info),
  mode: 'list',
  instances: 'all'
})

function faultBody(message: string): string {
  return JSON.stringify({ serviceUnavailable: { code: 503, message } })
}

describe('server text in log lines', () => {
  test('an error body with LF-separated commands, in a retry line', async () => {
    await injectionCase('retry line: LF', async () => {
      await cloud.admin.fault({
        method: 'GET',
        pathPattern: '/instances$',
        status: 503,
        count: 1,
        body: faultBody(PAYLOAD_LF)
      })
      const result = await runAction('main', listInputs())
      expect(result.exitCode).toBe(0)
      // One line, the commands inside it as plain text.
      expect(result.stdout).toContain('busy ::set-output name=count::999 ::warning::INJ-lf')
      expect(result.outputs.count).not.toBe('999')
      return result.stdout
    })
  })

  test('an error body with CR-separated commands, in a retry line', async () => {
    await injectionCase('retry line: CR', async () => {
      await cloud.admin.fault({
        method: 'GET',
        pathPattern: '/instances$',
        status: 503,
        count: 1,
        body: faultBody(PAYLOAD_CR)
      })
      const result = await runAction('main', listInputs())
      expect(result.exitCode).toBe(0)
      return result.stdout
    })
  })

  test('an error body with commands in the final failure', async () => {
    await injectionCase('failure message', async () => {
      await cloud.admin.fault({
        method: 'GET',
        pathPattern: '/instances$',
        status: 400,
        count: 1,
        body: JSON.stringify({ badRequest: { code: 400, message: PAYLOAD_LF } })
      })
      const result = await runAction('main', listInputs())
      expect(result.exitCode).not.toBe(0)
      return result.stdout
    })
  })
})

describe('names and values from the project and its databases', () => {
  test('an instance named with commands, in the list log and summary', async () => {
    await injectionCase('instance name: LF', async () => {
      const [id] = await cloud.admin.seedInstances(0, { names: [`evil\n::warning::INJ-name`] })
      try {
        const result = await runAction('main', listInputs())
        expect(result.exitCode).toBe(0)
        return result.stdout
      } finally {
        await trove.deleteInstance(id as string)
      }
    })
  })

  test('an instance named with CR commands, in the report log', async () => {
    await injectionCase('instance name: CR', async () => {
      const [id] = await cloud.admin.seedInstances(0, { names: [`evil\r::error::INJ-cr-name`] })
      try {
        const result = await runAction('main', {
          ...cloudInputs(cloud.info),
          mode: 'report',
          instances: 'all',
          'fail-on': 'never'
        })
        expect(result.exitCode).toBe(0)
        return result.stdout
      } finally {
        await trove.deleteInstance(id as string)
      }
    })
  })

  test('a backup named with commands and markdown, reused by the pre-deploy gate', async () => {
    await injectionCase('backup name: log and summary', async () => {
      await cloud.admin.seedBackups(scene.db.id, [
        {
          name: 'evil\n::warning::INJ-backup ![t](https://evil.example/p.png) [click](x)',
          ageHours: 0
        }
      ])
      const result = await runAction('main', {
        ...cloudInputs(cloud.info),
        mode: 'backup',
        instance: 'shop-db',
        'reuse-if-newer-than': '1h'
      })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.reused).toBe('true')
      // The summary shows the name as text: no image, no link.
      expect(result.summary).not.toMatch(/!\[t\]\(/)
      expect(result.summary).not.toMatch(/(^|[^\\])\[click\]\(/)
      expect(result.summary).toContain('\\!\\[t\\]')
      return result.stdout
    })
  })

  test('an instance named with HTML and a link renders as text in the list summary', async () => {
    await injectionCase('instance name: summary markup', async () => {
      const [id] = await cloud.admin.seedInstances(0, {
        names: ['<img src=x onerror=alert(1)> [click](https://evil.example) **loud**']
      })
      try {
        const result = await runAction('main', listInputs())
        expect(result.summary).not.toContain('<img')
        expect(result.summary).toContain('&lt;img src=x onerror=alert(1)&gt;')
        expect(result.summary).toContain('\\[click\\]')
        expect(result.summary).toContain('\\*\\*loud\\*\\*')
        return result.stdout
      } finally {
        await trove.deleteInstance(id as string)
      }
    })
  })

  test('a database value with CR and LF commands, in a check detail', async () => {
    await injectionCase('database value', async () => {
      const checks = path.join(dir, 'db-value.yml')
      writeFileSync(
        checks,
        'checks:\n' +
          '  - name: note\n' +
          "    sql: select 'ok' || chr(13) || '::warning::INJ-db' || chr(10) || '::set-output name=verified::true'\n" +
          '    expect: "matches ^nope$"\n'
      )
      const result = await runAction(
        'main',
        drillInputs(cloud, { 'backup-id': scene.backupId, 'checks-file': checks })
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.verified).toBe('false')
      return result.stdout
    })
  })

  test("a user command's output with LF and CR commands goes through the log", async () => {
    await injectionCase('command output', async () => {
      const result = await runAction(
        'main',
        drillInputs(cloud, {
          'backup-id': scene.backupId,
          command: "printf 'row\\n::warning::INJ-cmd\\n'; printf 'a\\r::error::INJ-cmd-cr\\n' >&2"
        })
      )
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toContain(': :warning::INJ-cmd')
      return result.stdout
    })
  })
})

describe('the user command sees no credentials', () => {
  test('OS_* and AWS_* from the step environment stay out of the command', async () => {
    await injectionCase('command environment', async () => {
      const result = await runAction(
        'main',
        drillInputs(cloud, {
          'backup-id': scene.backupId,
          command:
            'echo "os=${OS_PASSWORD:-none} aws=${AWS_SECRET_ACCESS_KEY:-none} extra=${MIGRATIONS:-none} db=${PGHOST:+set}"',
          'command-env': 'MIGRATIONS'
        }),
        {
          env: {
            OS_PASSWORD: 'os-canary-pw',
            AWS_SECRET_ACCESS_KEY: 'aws-canary-key',
            MIGRATIONS: 'db/migrations'
          }
        }
      )
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toContain('os=none aws=none extra=db/migrations db=set')
      // Only GitHub's masking protocol may name a secret (the runner swallows those lines).
      const shown = result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
      expect(shown.join('\n')).not.toContain('canary')
      return result.stdout
    })
  })
})

describe('the CLI', () => {
  test('a name with terminal escapes and commands prints as inert text', async () => {
    await injectionCase('CLI: escape sequences', async () => {
      const [id] = await cloud.admin.seedInstances(0, {
        names: ['evil\u001b]0;owned\u0007\u001b[2J\n::warning::INJ-cli']
      })
      try {
        const result = await runCli(['list', '--instances', 'all', '--allow-insecure-http'], {
          env: cloudEnv(cloud.info)
        })
        expect(result.exitCode).toBe(0)
        const all = result.stdout + result.stderr
        expect(all).not.toContain('\u001b')
        expect(all).not.toContain('\u0007')
        return all
      } finally {
        await trove.deleteInstance(id as string)
      }
    })
  })

  test('a command that prints the database password: the CLI redacts it', async () => {
    await injectionCase('CLI: command output redacted', async () => {
      const result = await runCli(
        [
          'verify',
          '--backup-id',
          scene.backupId,
          '--db-user',
          DB_USER,
          '--allowed-cidrs',
          '127.0.0.1/32',
          '--no-integrity-check',
          '--allow-insecure-http',
          '--command',
          'echo "pw=$PGPASSWORD os=${OS_APPLICATION_CREDENTIAL_SECRET:-none}"'
        ],
        { env: { ...cloudEnv(cloud.info), DBAAS_BACKUP_DB_PASSWORD: DB_PASSWORD } }
      )
      expect(result.exitCode).toBe(0)
      const all = result.stdout + result.stderr
      expect(all).toContain('pw=*** os=none')
      expect(all).not.toContain(DB_PASSWORD)
      expect(all).not.toContain(cloud.info.appCredSecret)
      return all
    })
  })
})

describe('forged post-step state', () => {
  test('a recorded id of a user instance under a marker name: nothing is deleted', async () => {
    await injectionCase('forged state: victim id', async () => {
      const [victim] = await cloud.admin.seedInstances(0, { names: ['victim-prod0'] })
      await cloud.admin.clearRequests()
      try {
        const state = JSON.stringify({ name: 'dbaas-verify-00000000-r1-1', id: victim })
        const result = await runAction(
          'post',
          { ...cloudInputs(cloud.info), mode: 'verify' },
          {
            env: { 'STATE_temp-instance': state }
          }
        )
        expect(result.exitCode).toBe(0)
        expect(result.stdout).toMatch(/is named "victim-prod0", not "dbaas-verify-00000000-r1-1"/)
        expect((await trove.listInstances()).map((i) => i.id)).toContain(victim)
        expect((await cloud.admin.requests()).filter((r) => r.method === 'DELETE')).toEqual([])
        return result.stdout
      } finally {
        await trove.deleteInstance(victim as string)
      }
    })
  })

  test('a recorded name without our marker: no cloud call at all', async () => {
    await injectionCase('forged state: foreign name', async () => {
      await cloud.admin.clearRequests()
      const state = JSON.stringify({ name: 'shop-db', id: scene.db.id })
      const result = await runAction(
        'post',
        { ...cloudInputs(cloud.info), mode: 'verify' },
        {
          env: { 'STATE_temp-instance': state }
        }
      )
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toMatch(/not one of ours; not touching it/)
      expect(await cloud.admin.requests()).toEqual([])
      return result.stdout
    })
  })

  test('a saved state under a mode that creates no instance: the post step does nothing', async () => {
    await injectionCase('forged state: mode without instances', async () => {
      await cloud.admin.clearRequests()
      const state = JSON.stringify({ name: 'dbaas-verify-00000000-r1-1', id: scene.db.id })
      const result = await runAction(
        'post',
        { ...cloudInputs(cloud.info), mode: 'list' },
        {
          env: { 'STATE_temp-instance': state }
        }
      )
      expect(result.exitCode).toBe(0)
      expect(await cloud.admin.requests()).toEqual([])
      expect((await trove.listInstances()).map((i) => i.id)).toContain(scene.db.id)
      return result.stdout
    })
  })
})
