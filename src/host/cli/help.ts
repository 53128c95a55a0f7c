import type { ActionMeta, InputMeta } from '../../inputs/catalog.js'
import { MODES, type Mode } from '../../inputs/mode.js'

const WIDTH = 100

/** `dbaas-backup --help`: usage, modes, connection flags, exit codes. Built from action.yml. */
export function mainHelp(meta: ActionMeta): string {
  const common = meta.inputs.filter((i) => i.modes.length === 0 && i.name !== 'mode')
  return [
    'Usage: dbaas-backup <mode> [--flag value | --flag=value | --bool | --no-bool]…',
    '',
    'Backup gate, restore drill, backup-age report and off-site mirror for databases on',
    'OpenStack Trove DBaaS (CSC Pukki). The same engine as the GitHub Action; every action input',
    'is a flag of the same name. The OS_* variables of an openrc file work as usual.',
    '',
    'Modes:',
    ...MODES.map((m) => `  ${m.padEnd(9)}${MODE_LINES[m]}`),
    '',
    'Connection (every mode):',
    ...flagLines(common),
    '',
    ...ownFlags(),
    '',
    'Run `dbaas-backup <mode> --help` for the flags of one mode.',
    '',
    ...exitCodes()
  ].join('\n')
}

/** `dbaas-backup <mode> --help`: the flags the action.yml descriptions assign to that mode. */
export function modeHelp(meta: ActionMeta, mode: Mode): string {
  const own = meta.inputs.filter((i) => i.modes.includes(mode))
  const outputs = meta.outputs.filter((o) => o.modes.includes(mode))
  return [
    `Usage: dbaas-backup ${mode} [flags]`,
    '',
    MODE_LINES[mode],
    '',
    `Flags of ${mode}:`,
    ...(own.length > 0 ? flagLines(own) : ['  (none)']),
    '',
    'Connection flags (--auth-url, --region, --application-credential-id, …): dbaas-backup --help',
    '',
    ...ownFlags(),
    '',
    'Outputs (in --json under "outputs"):',
    ...(outputs.length > 0
      ? outputs.map((o) => wrap(`  ${o.name.padEnd(26)}`, stripMode(o.description)))
      : ['  (none)']),
    '',
    ...exitCodes()
  ].join('\n')
}

const MODE_LINES: Record<Mode, string> = {
  backup: 'take a manual backup and wait until it is COMPLETED (the pre-deploy gate)',
  verify: 'restore a backup into a temporary instance, check the data, delete it',
  restore: 'restore a backup into a new instance that you keep',
  report: 'check backup ages against the 24 h / 90-day policy; --report-files merges reports',
  mirror: 'stream an encrypted dump to S3-compatible storage (off-site copy)',
  sweep: 'delete leftover temporary instances of restore drills',
  list: 'the instances as a JSON matrix for fan-out jobs'
}

function flagLines(inputs: readonly InputMeta[]): string[] {
  return inputs.map((i) => {
    const flag = i.boolean ? `--[no-]${i.name}` : `--${i.name} <value>`
    // A workflow expression (github-token's `${{ github.token }}`) means nothing to the CLI.
    const shown = i.default !== undefined && i.default !== '' && !i.default.startsWith('${{')
    const def = shown ? ` [default: ${i.default}]` : ''
    return wrap(`  ${flag.padEnd(40)}`, `${stripMode(i.description)}${def}`)
  })
}

function ownFlags(): string[] {
  return [
    'Cloud:',
    '  --os-cloud <name>                       a cloud of clouds.yaml/secure.yaml (default: $OS_CLOUD)',
    '',
    'Output:',
    '  --json                                  one JSON object on stdout: outputs, result, warnings',
    '  --verbose                               debug lines on stderr',
    '  -h, --help                              this help',
    '  -V, --version                           the version of dbaas-backup'
  ]
}

function exitCodes(): string[] {
  return [
    'Exit codes: 0 ok; 1 a check failed or a backup is stale; 2 bad input (nothing was changed);',
    '3 cloud or other error. Any input can also come from DBAAS_BACKUP_<INPUT> (e.g.',
    'DBAAS_BACKUP_DB_PASSWORD), which keeps secrets out of the process list.'
  ]
}

/** "verify/restore: the backup…" → "the backup…": the help already says which mode. */
function stripMode(description: string): string {
  return description.replace(/^[a-z/]+(?: \(([^)]*)\))?: /, (_m, sub: string | undefined) =>
    sub ? `(${sub}) ` : ''
  )
}

function wrap(head: string, body: string): string {
  const lines: string[] = []
  let line = head
  for (const word of body.split(/\s+/)) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== head.trim()) {
      lines.push(line)
      line = ' '.repeat(head.length)
    }
    line += (line.endsWith(' ') ? '' : ' ') + word
  }
  lines.push(line)
  return lines.join('\n')
}
