// npm run bench:report — our report over 50 instances × 100 backups on the local cloud, through
// the committed bundle as GitHub runs it, next to the real `openstack database backup list`
// listing the same 5 000 backups, and next to the floor: a bare Node process that only fetches
// and parses the same pages (report-floor.mjs). One warm-up round first (the local cloud's own
// code is cold when it starts), then the median of five. Run by Node 24 directly (type
// stripping): erasable syntax only, relative imports end in .ts. Prints figures only; it
// asserts nothing about speed.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defaultOf } from '../../src/inputs/catalog.ts'
import { type CloudInfo, type RunningCloud, startCloud } from '../localcloud/harness.ts'

const INSTANCES = 50
const BACKUPS_PER_INSTANCE = 100
const ROOT = path.resolve(import.meta.dirname, '../..')
const OPENSTACK = '/usr/bin/openstack'
const ROUNDS = 5

interface Run {
  seconds: number
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to its end and times it from spawn to exit. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, { env, cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      resolve({ seconds, code, stdout, stderr })
    })
  })
}

/** Our report, as GitHub runs the action: INPUT_* variables and GITHUB_* files. */
async function runOurs(info: CloudInfo, dir: string): Promise<Run & { outputs: string }> {
  const output = path.join(dir, 'output')
  writeFileSync(output, '')
  writeFileSync(path.join(dir, 'summary'), '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    RUNNER_TEMP: dir,
    INPUT_MODE: 'report',
    INPUT_INSTANCES: 'all',
    'INPUT_FAIL-ON': 'never',
    'INPUT_AUTH-URL': info.authUrl,
    'INPUT_ALLOW-INSECURE-HTTP': 'true',
    INPUT_REGION: info.region,
    'INPUT_APPLICATION-CREDENTIAL-ID': info.appCredId,
    'INPUT_APPLICATION-CREDENTIAL-SECRET': info.appCredSecret
  }
  const run = await timed(process.execPath, [path.join(ROOT, 'dist/main/index.js')], env)
  return { ...run, outputs: readFileSync(output, 'utf8') }
}

/** The Debian CLI with the environment of CSC's application-credential rc file. */
function runCli(info: CloudInfo): Promise<Run> {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OS_')) env[k] = v
  Object.assign(env, {
    OS_AUTH_URL: info.authUrl,
    OS_AUTH_TYPE: 'v3applicationcredential',
    OS_APPLICATION_CREDENTIAL_ID: info.appCredId,
    OS_APPLICATION_CREDENTIAL_SECRET: info.appCredSecret,
    OS_REGION_NAME: info.region,
    OS_INTERFACE: 'public',
    OS_IDENTITY_API_VERSION: '3'
  })
  return timed(OPENSTACK, ['database', 'backup', 'list', '-f', 'value', '-c', 'ID'], env)
}

/** The walk's shape the floor copies: ours' page size and pages in flight. */
interface WalkShape {
  pageSize: string
  inFlight: string
}

/**
 * Read from what ours did (its first run, alone in the request log), not restated: the page size
 * is the `limit` of the walk's pages after the first (the head re-read has no marker), the pages
 * in flight max-concurrency's default.
 */
async function walkShapeOf(cloud: RunningCloud): Promise<WalkShape> {
  const page = (await cloud.admin.requests()).find(
    (r) => r.service === 'trove' && r.path.endsWith('/backups') && r.query.marker !== undefined
  )
  if (!page?.query.limit) throw new Error('our report made no project-wide walk of backup pages')
  const inFlight = defaultOf('max-concurrency')
  if (!inFlight) throw new Error('the input catalogue has no default for max-concurrency')
  return { pageSize: page.query.limit, inFlight }
}

/** The floor: token and pages, JSON.parse only, in a fresh Node process like ours. */
function runFloor(info: CloudInfo, shape: WalkShape): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    FLOOR_PAGE_SIZE: shape.pageSize,
    FLOOR_IN_FLIGHT: shape.inFlight,
    OS_AUTH_URL: info.authUrl,
    OS_TROVE_URL: info.troveUrl,
    OS_APPLICATION_CREDENTIAL_ID: info.appCredId,
    OS_APPLICATION_CREDENTIAL_SECRET: info.appCredSecret
  }
  return timed(process.execPath, [path.join(ROOT, 'test/bench/report-floor.mjs')], env)
}

async function seed(cloud: RunningCloud): Promise<void> {
  const ids = await cloud.admin.seedInstances(INSTANCES, { namePrefix: 'bench-db-' })
  // A realistic history: one backup a day for 100 days (the oldest ones past retention).
  const history = Array.from({ length: BACKUPS_PER_INSTANCE }, (_, d) => ({
    ageHours: d * 24 + 1,
    sizeGb: 0.5
  }))
  await Promise.all(ids.map((id) => cloud.admin.seedBackups(id, history)))
}

function outputValue(outputs: string, name: string): string {
  const m = new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(outputs)
  return m?.[2] ?? new RegExp(`^${name}=(.*)$`, 'm').exec(outputs)?.[1] ?? ''
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-report-'))
  const cloud = await startCloud({ paceMs: 200 })
  try {
    await seed(cloud)
    const total = INSTANCES * BACKUPS_PER_INSTANCE

    // Alternating, so a busy moment of the machine hits all three alike; round 0 warms up.
    const oursRuns: number[] = []
    const cliRuns: number[] = []
    const floorRuns: number[] = []
    let shape: WalkShape | undefined
    for (let round = 0; round <= ROUNDS; round++) {
      const ours = await runOurs(cloud.info, dir)
      const counted = outputValue(ours.outputs, 'backups-count')
      if (ours.code !== 0 || counted !== String(total)) {
        throw new Error(
          `our report failed (exit ${ours.code}, backups-count "${counted}"):\n${ours.stdout}\n${ours.stderr}`
        )
      }
      if (process.env.BENCH_VERBOSE === '1' && round === 1) process.stdout.write(ours.stdout)
      // Read before any other client's requests are in the log.
      shape ??= await walkShapeOf(cloud)

      const cli = await runCli(cloud.info)
      const listed = cli.stdout.split('\n').filter((l) => l.trim() !== '').length
      if (cli.code !== 0 || listed !== total) {
        throw new Error(`openstack CLI failed (exit ${cli.code}, ${listed} lines):\n${cli.stderr}`)
      }

      const floor = await runFloor(cloud.info, shape)
      if (floor.code !== 0 || floor.stdout.trim() !== String(total)) {
        throw new Error(
          `the floor failed (exit ${floor.code}, "${floor.stdout.trim()}"):\n${floor.stderr}`
        )
      }
      if (round === 0) {
        console.log(
          `warm-up: ours ${ours.seconds.toFixed(2)} s, openstack-cli ${cli.seconds.toFixed(2)} s, floor ${floor.seconds.toFixed(2)} s (not counted)`
        )
        continue
      }
      oursRuns.push(ours.seconds)
      cliRuns.push(cli.seconds)
      floorRuns.push(floor.seconds)
      console.log(
        `round ${round}: ours ${ours.seconds.toFixed(2)} s (${counted} backups of ${INSTANCES} instances, report + JSON + summary), ` +
          `openstack-cli ${cli.seconds.toFixed(2)} s (${listed} backups listed), floor ${floor.seconds.toFixed(2)} s (pages fetched and parsed)`
      )
    }
    const ours = median(oursRuns)
    const cli = median(cliRuns)
    const floor = median(floorRuns)

    const requests = await cloud.admin.requests()
    const trove = requests.filter((r) => r.service === 'trove' && r.path.endsWith('/backups'))
    console.log(`backup list requests (all three, ${ROUNDS + 1} rounds): ${trove.length}`)
    console.log(
      `floor (node, token + the same pages of ${shape?.pageSize}, JSON.parse only): ${floor.toFixed(2)} s, ` +
        `ratio ${(floor / cli).toFixed(2)} of openstack-cli; ours is ${(ours / floor).toFixed(2)}x the floor`
    )
    console.log(
      `bench:report instances=${INSTANCES} backups=${total} ours=${ours.toFixed(2)} ` +
        `openstack-cli=${cli.toFixed(2)} ratio=${(ours / cli).toFixed(2)}`
    )
  } finally {
    await cloud.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
