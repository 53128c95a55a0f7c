import { describe, expect, test } from '@jest/globals'
import { mainHelp, modeHelp } from '../../../../src/host/cli/help.js'
import { ACTION_META } from '../../../../src/inputs/catalog.js'
import { MODES } from '../../../../src/inputs/mode.js'

describe('CLI help from action.yml', () => {
  test('--help lists every mode, the connection flags and the exit codes', () => {
    const help = mainHelp(ACTION_META)
    expect(help).toMatch(/^Usage: dbaas-backup <mode>/)
    for (const mode of MODES) expect(help).toMatch(new RegExp(`^  ${mode} `, 'm'))
    expect(help).toContain('--auth-url <value>')
    expect(help).toContain('--application-credential-secret <value>')
    expect(help).toContain('--[no-]allow-insecure-http')
    expect(help).toContain('-V, --version')
    expect(help).toMatch(/Exit codes: 0 ok; 1 .*; 2 bad input/)
    // Mode flags are in the mode's own help, not here.
    expect(help).not.toContain('--max-age')
  })

  test('<mode> --help lists that mode’s flags with defaults, and its outputs', () => {
    const report = modeHelp(ACTION_META, 'report')
    expect(report).toContain('--max-age <value>')
    expect(report).toContain('[default: 24h]')
    expect(report).toContain('--report-files <value>')
    expect(report).toContain('latest-backup-age-hours')
    // github-token's action default is a workflow expression, meaningless on a command line.
    expect(report).toContain('--github-token <value>')
    expect(report).not.toContain('${{')
    expect(report).not.toContain('--db-password')
    const backup = modeHelp(ACTION_META, 'backup')
    expect(backup).toContain('--[no-]wait')
    expect(backup).toContain('--instance <value>')
    // "mirror (verify): …" belongs to mirror; the sub-action stays visible.
    expect(modeHelp(ACTION_META, 'mirror')).toMatch(
      /--object-key <value> +\(verify, restore, drill\) the stored copy/
    )
    const list = modeHelp(ACTION_META, 'list')
    expect(list).toContain('--instances <value>')
    expect(list).toMatch(/matrix/)
  })

  test('lines stay within 100 columns', () => {
    const all = [mainHelp(ACTION_META), ...MODES.map((m) => modeHelp(ACTION_META, m))]
    for (const line of all.join('\n').split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })
})
