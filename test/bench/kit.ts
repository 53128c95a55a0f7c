// What the benchmarks share: timing a whole command under GNU time, running a helper command,
// and a PostgreSQL instance of the local cloud with generated data. Run by Node 24 directly
// (type stripping): erasable syntax only, relative imports end in .ts.

import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { type CloudInfo, type RunningCloud, startCloud } from '../localcloud/harness.ts'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const PG_BIN = '/usr/lib/postgresql/15/bin'
export const USER = 'app'
export const PASSWORD = 'bench-secret-pw'
const FLAVOR = 'd4a2cb9c-0000-4000-8000-000000000002'

/** BENCH_GB: the size of the generated database (default 1; smaller while developing). */
export const GB = Number(process.env.BENCH_GB ?? 1)
if (!(GB > 0))
  throw new Error(`BENCH_GB must be a positive number of GB, not ${process.env.BENCH_GB}`)

export interface Measured {
  seconds: number
  rssMb: number
  /** CPU seconds the whole machine spent while the command ran (every process, every core). */
  machineCpu: number
  /** CPU seconds of the command itself and the processes it waited for (GNU time's user + sys). */
  ownCpu: number
  code: number | null
  stderr: string
}

/**
 * The machine's busy CPU seconds so far, from /proc/stat's first line: user, nice, system, irq,
 * softirq and steal time, in USER_HZ ticks (100 a second on Linux).
 */
export function machineCpuSeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.trim().split(/\s+/) ?? []
  const ticks = [1, 2, 3, 6, 7, 8].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0)
  return ticks / 100
}

/**
 * Runs under GNU time: wall seconds, the peak RSS of the largest process of the command, its own
 * CPU, and what the whole machine spent meanwhile — on a quiet machine, the command's CPU plus
 * the servers it made work (PostgreSQL, Swift).
 */
export function measured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const cpuBefore = machineCpuSeconds()
    const child = spawn('/usr/bin/time', ['-f', 'BENCH_TIME %e %M %U %S', command, ...args], {
      env,
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)))
    child.on('error', reject)
    child.on('close', (code) => {
      const machineCpu = machineCpuSeconds() - cpuBefore
      const match = /BENCH_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr)
      if (!match) return reject(new Error(`no timing from ${command}: ${stderr}`))
      resolve({
        seconds: Number(match[1]),
        rssMb: Math.round(Number(match[2]) / 1024),
        machineCpu,
        ownCpu: Number(match[3]) + Number(match[4]),
        code,
        stderr
      })
    })
  })
}

export function exec(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`${command} exited ${code}: ${err}`))
    )
  })
}

export const best = (runs: Measured[]): Measured =>
  runs.reduce((a, b) => (b.seconds < a.seconds ? b : a))

async function token(info: CloudInfo): Promise<string> {
  const answer = await fetch(`${info.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: info.appCredId, secret: info.appCredSecret }
        }
      }
    })
  })
  const value = answer.headers.get('x-subject-token')
  if (!value) throw new Error(`no token: ${answer.status}`)
  return value
}

/** A PostgreSQL 15 instance reachable from here, with USER owning `database`: its address. */
export async function createInstance(
  info: CloudInfo,
  name: string,
  database = 'shop'
): Promise<string> {
  const headers = { 'content-type': 'application/json', 'x-auth-token': await token(info) }
  const created = await fetch(`${info.troveUrl}/instances`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      instance: {
        name,
        flavorRef: FLAVOR,
        volume: { size: 10 },
        datastore: { type: 'postgresql', version: '15' },
        databases: [{ name: database }],
        users: [{ name: USER, password: PASSWORD, databases: [{ name: database }] }],
        access: { is_public: true, allowed_cidrs: ['127.0.0.0/22'] }
      }
    })
  })
  const answer = (await created.json()) as { instance?: { id: string } }
  if (!answer.instance)
    throw new Error(`create instance: ${created.status} ${JSON.stringify(answer)}`)
  const id = answer.instance.id
  for (let i = 0; i < 600; i++) {
    const got = await fetch(`${info.troveUrl}/instances/${id}`, { headers })
    const instance = ((await got.json()) as { instance: { status: string; ip: string[] } }).instance
    if (instance.status === 'ACTIVE' || instance.status === 'HEALTHY')
      return instance.ip[0] as string
    if (instance.status === 'ERROR') throw new Error('instance ERROR')
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('instance not ready')
}

/** psql as USER against `host`. */
export function psqlAt(host: string, database: string): (sql: string) => Promise<string> {
  const env = { ...process.env, PGPASSWORD: PASSWORD }
  return (sql) =>
    exec(`${PG_BIN}/psql`, ['-h', host, '-U', USER, '-d', database, '-tAX', '-c', sql], env)
}

/**
 * About `gb` GB in one table: hex text, which compresses about 2.5:1 (pgbench's blank-padded
 * rows compress ~150:1 and would flatter every compressing step). Scale 70 ≈ 1 GB, 7 M rows.
 */
export async function generateHexTable(psql: (sql: string) => Promise<string>, gb: number) {
  const rows = Math.max(1, Math.round(70 * gb)) * 100_000
  await psql(
    `CREATE TABLE pgbench_accounts AS SELECT g AS aid, 1 AS bid, 0 AS abalance, md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text) AS filler FROM generate_series(1, ${rows}) g`
  )
}

/** The local cloud, with `bucket` made in its Swift S3 store. */
export async function startBenchCloud(bucket: string): Promise<RunningCloud> {
  const cloud = await startCloud({ paceMs: 100 })
  const { s3: settings } = cloud.info
  const s3 = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED'
  })
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }))
  } catch (error) {
    await cloud.stop()
    throw error
  } finally {
    s3.destroy()
  }
  return cloud
}
