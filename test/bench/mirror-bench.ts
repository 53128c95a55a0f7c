// npm run bench:mirror — our mirror (source live, zstd-3, encrypted to one age recipient, through
// the committed bundle as GitHub runs it) of a generated ~1 GB PostgreSQL database to the local
// cloud's real Swift S3 API, next to the dump alone, `pg_dump -Fc -Z0 > /dev/null` (the floor), and
// the same work by hand, `pg_dump -Fc -Z0 | zstd -3 | age -r KEY | aws s3 cp -` (Debian's awscli)
// to the same store; then our peak RSS again at about twice the size. Plain `pg_dump -Fc`
// compresses with zlib, so it is work, not a floor. Run by Node 24 directly (type stripping):
// erasable syntax only, relative imports end in .ts. Prints figures and one summary line; it
// asserts nothing.
//
// BENCH_GB=0.2 runs a smaller database while developing (default 1); BENCH_ROUNDS (default 2)
// repeats each command and keeps the best; BENCH_PROFILE=dir writes a `node --cpu-prof` profile
// of each of our runs there.
//
// It also prints what each command cost the whole machine in CPU (/proc/stat), and what the
// stages both pipelines do (dump, zstd, the store's side of the upload) cost when run alone:
// with every core busy, that total over the cores is the floor no pipeline of this work beats.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import type { CloudInfo, RunningCloud } from '../localcloud/harness.ts'
import {
  best,
  createInstance,
  exec,
  GB,
  generateHexTable,
  type Measured,
  measured,
  PASSWORD,
  PG_BIN,
  psqlAt,
  ROOT,
  startBenchCloud,
  USER
} from './kit.ts'

// Scale 70 ≈ 1 GB: 7 M rows. Default data is hex text (compresses ~2.5:1, so the upload is
// exercised); BENCH_DATA=pgbench uses pgbench's blank-padded rows (~150:1).
const SCALE = Math.max(1, Math.round(70 * GB))
const LEVEL = 3
const PROFILE = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined
const BUCKET = 'bench'

function ourEnv(
  info: CloudInfo,
  dir: string,
  prefix: string,
  recipient: string
): NodeJS.ProcessEnv {
  for (const f of ['output', 'summary', 'state']) writeFileSync(path.join(dir, f), '')
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    RUNNER_TEMP: dir,
    INPUT_MODE: 'mirror',
    INPUT_SOURCE: 'live',
    INPUT_INSTANCE: 'bench-db',
    'INPUT_DB-USER': USER,
    'INPUT_DB-PASSWORD': PASSWORD,
    'INPUT_S3-URI': `s3://${BUCKET}/${prefix}`,
    'INPUT_S3-ENDPOINT': info.s3.endpoint,
    'INPUT_S3-REGION': info.s3.region,
    'INPUT_S3-ACCESS-KEY-ID': info.s3.accessKeyId,
    'INPUT_S3-SECRET-ACCESS-KEY': info.s3.secretAccessKey,
    'INPUT_AUTH-URL': info.authUrl,
    'INPUT_ALLOW-INSECURE-HTTP': 'true',
    // The same work as the hand pipeline it is timed against: zstd at the same level, one age
    // recipient.
    INPUT_COMPRESSION: 'zstd',
    'INPUT_COMPRESSION-LEVEL': String(LEVEL),
    'INPUT_AGE-RECIPIENTS': recipient,
    INPUT_REGION: info.region,
    'INPUT_APPLICATION-CREDENTIAL-ID': info.appCredId,
    'INPUT_APPLICATION-CREDENTIAL-SECRET': info.appCredSecret,
    // Tuning runs: BENCH_INPUTS='{"part-size":"8MiB"}' overrides our inputs.
    ...Object.fromEntries(
      Object.entries(JSON.parse(process.env.BENCH_INPUTS ?? '{}') as Record<string, string>).map(
        ([name, value]) => [`INPUT_${name.toUpperCase()}`, value]
      )
    )
  }
}

async function ours(
  info: CloudInfo,
  dir: string,
  prefix: string,
  recipient: string
): Promise<Measured> {
  const profile = PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', PROFILE, '--cpu-prof-name', `${prefix}.cpuprofile`]
    : []
  const result = await measured(
    process.execPath,
    [...profile, path.join(ROOT, 'dist/main/index.js')],
    ourEnv(info, dir, prefix, recipient)
  )
  if (result.code !== 0) throw new Error(`our mirror failed: ${result.stderr}`)
  const outputs = readFileSync(path.join(dir, 'output'), 'utf8')
  // GITHUB_OUTPUT holds `name<<delimiter`, the value, `delimiter`.
  const output = (name: string) => new RegExp(`^${name}<<.*\\n(.*)$`, 'm').exec(outputs)?.[1]
  const seconds = output('seconds')
  const bytes = output('bytes')
  console.log(`  ours: dump+upload ${seconds} s of ${result.seconds} s, stored ${bytes} bytes`)
  return result
}

/** Machine CPU seconds of each stage that ours and the hand pipeline both do. */
interface SharedStages {
  dump: number
  zstd: number
  store: number
}

/**
 * What the work both pipelines share costs the machine, stage by stage: the dump (pg_dump and
 * the PostgreSQL server; the best floor run), zstd at the same level over the same dump (its own
 * CPU: no server takes part), and the store's side of uploading the same ciphertext (the
 * machine's CPU during `aws s3 cp` less the CLI's own). When every core is busy, no pipeline
 * doing this work can end sooner than this total over the cores: the floor the hardware sets,
 * which the hand pipeline and ours share.
 */
async function sharedStages(
  info: CloudInfo,
  dir: string,
  dump: string,
  recipient: string,
  pgEnv: NodeJS.ProcessEnv,
  awsEnv: NodeJS.ProcessEnv,
  floor: Measured
): Promise<SharedStages> {
  const plain = path.join(dir, 'dump.bin')
  const sealed = path.join(dir, 'dump.zst.age')
  try {
    await exec('sh', ['-c', `${dump} > ${plain}`], pgEnv)
    // Timed to /dev/null, as in the pipelines zstd writes to a pipe: written to a file, its CPU
    // grew by about 1.5 s of the file system's work. So the ciphertext is compressed again.
    const zstd = await measured('sh', ['-c', `zstd -${LEVEL} -q -c ${plain} > /dev/null`], pgEnv)
    if (zstd.code !== 0) throw new Error(`stage zstd failed: ${zstd.stderr}`)
    await exec('sh', ['-c', `zstd -${LEVEL} -q -c ${plain} | age -r ${recipient} > ${sealed}`])
    const upload = await measured(
      '/usr/bin/aws',
      ['--endpoint-url', info.s3.endpoint, 's3', 'cp', sealed, `s3://${BUCKET}/stage.age`],
      awsEnv
    )
    if (upload.code !== 0) throw new Error(`stage upload failed: ${upload.stderr}`)
    const store = Math.max(0, upload.machineCpu - upload.ownCpu)
    return { dump: floor.machineCpu, zstd: zstd.ownCpu, store }
  } finally {
    for (const file of [plain, sealed]) rmSync(file, { force: true })
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  const dir = mkdtempSync(path.join(tmpdir(), 'mirror-bench-'))
  let cloud: RunningCloud | undefined
  try {
    cloud = await startBenchCloud(BUCKET)
    const info = cloud.info
    const host = await createInstance(info, 'bench-db')
    const pgEnv = { ...process.env, PGPASSWORD: PASSWORD }
    const psql = psqlAt(host, 'shop')

    console.log(
      `generating ${process.env.BENCH_DATA === 'pgbench' ? 'pgbench data' : 'hex text'} (scale ${SCALE}) on ${host} …`
    )
    if (process.env.BENCH_DATA !== 'pgbench') await generateHexTable(psql, GB)
    else
      await exec(
        `${PG_BIN}/pgbench`,
        ['-i', '-q', '-s', String(SCALE), '-I', 'dtgv', '-h', host, '-U', USER, 'shop'],
        pgEnv
      )
    const keyFile = path.join(dir, 'key.txt')
    await exec('age-keygen', ['-o', keyFile])
    const recipient = await exec('age-keygen', ['-y', keyFile])
    const bytes = Number(await psql("select pg_database_size('shop')"))
    const gb = bytes / 1e9
    console.log(`database: ${gb.toFixed(2)} GB (${Math.round((Date.now() - started) / 1000)} s in)`)

    const dump = `${PG_BIN}/pg_dump -Fc -Z0 -h ${host} -U ${USER} shop`
    const awsEnv: NodeJS.ProcessEnv = {
      ...pgEnv,
      AWS_ACCESS_KEY_ID: info.s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: info.s3.secretAccessKey,
      AWS_DEFAULT_REGION: info.s3.region
    }
    delete awsEnv.AWS_CA_BUNDLE
    const floorRuns: Measured[] = []
    const ourRuns: Measured[] = []
    const handRuns: Measured[] = []
    for (let round = 1; round <= Number(process.env.BENCH_ROUNDS ?? 2); round++) {
      floorRuns.push(await measured('sh', ['-c', `${dump} > /dev/null`], pgEnv))
      ourRuns.push(await ours(info, dir, `ours${round}`, recipient))
      handRuns.push(
        await measured(
          'bash',
          [
            '-o',
            'pipefail',
            '-c',
            `${dump} | zstd -${LEVEL} -q | age -r ${recipient} | /usr/bin/aws --endpoint-url ${info.s3.endpoint} s3 cp - s3://${BUCKET}/hand/${round}.pgdump.zst.age`
          ],
          awsEnv
        )
      )
      if (handRuns.at(-1)?.code !== 0)
        throw new Error(`hand pipeline failed: ${handRuns.at(-1)?.stderr}`)
      const [f, o, h] = [floorRuns.at(-1), ourRuns.at(-1), handRuns.at(-1)] as [
        Measured,
        Measured,
        Measured
      ]
      console.log(
        `round ${round}: floor ${f.seconds}s/${f.rssMb}MB  ours ${o.seconds}s/${o.rssMb}MB  hand ${h.seconds}s/${h.rssMb}MB` +
          `  (machine CPU: floor ${f.machineCpu.toFixed(1)}s, ours ${o.machineCpu.toFixed(1)}s, hand ${h.machineCpu.toFixed(1)}s)`
      )
    }
    const floor = best(floorRuns)
    const mine = best(ourRuns)
    const hand = best(handRuns)
    const shared = await sharedStages(info, dir, dump, recipient, pgEnv, awsEnv, floor)
    console.log(
      `pg_dump -Fc -Z0 > /dev/null:                      ${floor.seconds.toFixed(1)} s, peak RSS ${floor.rssMb} MB`
    )
    console.log(
      `pg_dump -Fc -Z0 | zstd -${LEVEL} | age | aws s3 cp -:    ${hand.seconds.toFixed(1)} s, peak RSS ${hand.rssMb} MB (largest process)`
    )
    console.log(
      `ours (mirror, live, zstd-${LEVEL}, age):                ${mine.seconds.toFixed(1)} s, peak RSS ${mine.rssMb} MB`
    )

    // About twice the size: our peak RSS must not follow it.
    await psql(
      'insert into pgbench_accounts select aid + (select max(aid) from pgbench_accounts), bid, abalance, filler from pgbench_accounts'
    )
    const bigGb = Number(await psql("select pg_database_size('shop')")) / 1e9
    const big = await ours(info, dir, 'big', recipient)
    console.log(
      `ours at ${bigGb.toFixed(2)} GB:                  ${big.seconds.toFixed(1)} s, peak RSS ${big.rssMb} MB`
    )
    const cores = availableParallelism()
    const sharedCpu = shared.dump + shared.zstd + shared.store
    const busy = (m: Measured) => (m.machineCpu / m.seconds).toFixed(2)
    console.log(
      `machine CPU: ours ${mine.machineCpu.toFixed(1)} s (${busy(mine)} of ${cores} cores busy), ` +
        `hand ${hand.machineCpu.toFixed(1)} s (${busy(hand)} cores busy)`
    )
    console.log(
      `the stages both do: dump ${shared.dump.toFixed(1)} s, zstd -${LEVEL} ${shared.zstd.toFixed(1)} s, ` +
        `the store's side of the upload ${shared.store.toFixed(1)} s: ${sharedCpu.toFixed(1)} s of CPU, ` +
        `which ${cores} cores finish in ${(sharedCpu / cores).toFixed(1)} s at best ` +
        `(ratio-hand ${(sharedCpu / cores / hand.seconds).toFixed(2)} with nothing else to do)`
    )
    console.log(`bench took ${Math.round((Date.now() - started) / 1000)} s`)
    console.log(
      `bench:mirror gb=${gb.toFixed(2)} ours=${mine.seconds.toFixed(1)} floor=${floor.seconds.toFixed(1)} ` +
        `hand=${hand.seconds.toFixed(1)} ratio-floor=${(mine.seconds / floor.seconds).toFixed(2)} ` +
        `ratio-hand=${(mine.seconds / hand.seconds).toFixed(2)} peak-rss-mb=${mine.rssMb} rss-mb-2x=${big.rssMb}`
    )
  } finally {
    await cloud?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
