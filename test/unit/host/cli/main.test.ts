import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { main } from '../../../../src/host/cli/main.js'

function io(env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: '', stderr: '' }
  return {
    out,
    io: {
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
      env
    }
  }
}

describe('the CLI entry (no cloud)', () => {
  test('--help prints the usage on stdout and exits 0', async () => {
    const { out, io: cli } = io()
    expect(await main(['--help'], cli)).toBe(0)
    expect(out.stdout).toMatch(/^Usage: dbaas-backup/)
    expect(out.stderr).toBe('')
  })

  test('--version and -V print the package version on stdout and exit 0', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    for (const flag of ['--version', '-V']) {
      const { out, io: cli } = io()
      expect(await main([flag], cli)).toBe(0)
      expect(out.stdout).toBe(`dbaas-backup ${version}\n`)
      expect(out.stderr).toBe('')
    }
  })

  test('notification inputs are read before the mode runs: bad ones exit 2, no cloud call', async () => {
    const sweep = io()
    expect(
      await main(['sweep', '--heartbeat-url', 'https://hc-ping.com/abcd-secret'], sweep.io)
    ).toBe(2)
    expect(sweep.out.stderr).toMatch(/error: Input "heartbeat-url": applies to the modes backup/)
    expect(sweep.out.stderr).not.toContain('abcd-secret')
    const report = io({ GITHUB_REPOSITORY: 'acme/shop' })
    expect(await main(['report', '--instance', 'a', '--notify', 'issue'], report.io)).toBe(2)
    expect(report.out.stderr).toMatch(
      /error: Input "github-token": is required for notify.*GITHUB_TOKEN or --github-token/
    )
  })

  test('no mode is bad input: exit 2 with a hint', async () => {
    const { out, io: cli } = io()
    expect(await main([], cli)).toBe(2)
    expect(out.stderr).toMatch(/error: Input "mode": is required/)
  })

  test('--json: one JSON object on stdout, even for bad input', async () => {
    const { out, io: cli } = io()
    expect(await main(['report', '--json', '--instance', 'a', '--instances', 'b'], cli)).toBe(2)
    const json = JSON.parse(out.stdout) as Record<string, unknown>
    expect(json).toMatchObject({ mode: 'report', result: 'bad-input', exitCode: 2, outputs: {} })
    expect(json.error).toMatch(/give either "instance"/)
  })

  test('a secret given as a flag never appears in the output, even in an error', async () => {
    const { out, io: cli } = io()
    // A bad auth URL fails before any request; the message would name the URL.
    const code = await main(
      [
        'list',
        '--auth-url',
        'ftp://hunter2-secret@x/v3',
        '--application-credential-id',
        'id',
        '--application-credential-secret',
        'hunter2-secret',
        '--json'
      ],
      cli
    )
    expect(code).toBe(2)
    expect(out.stdout + out.stderr).not.toContain('hunter2-secret')
  })

  test('inputs can come from DBAAS_BACKUP_<INPUT> variables', async () => {
    const { out, io: cli } = io({ DBAAS_BACKUP_MAX_AGE: 'soon', DBAAS_BACKUP_INSTANCE: 'db' })
    expect(await main(['report'], cli)).toBe(2)
    expect(out.stderr).toMatch(/Input "max-age": "soon" is not a duration/)
  })
})
