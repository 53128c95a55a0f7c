// npm run bench:restore — our restore of an off-site copy (mirror-action: restore, through the
// committed bundle as GitHub runs it) next to the same work by hand:
// `aws s3 cp s3://… - | age -d -i KEY | zstd -d | pg_restore -d …` (Debian's awscli), each into a
// fresh database of the same kind on the same server. The copy is made once by our mirror
// (zstd-3, one age recipient) from a generated ~1 GB PostgreSQL database on the local cloud, to
// its real Swift S3 API. Both sides check nothing the other does not need: ours also checks the
// size and SHA-256 against the manifest, as a user's script should and rarely does. Prints
// figures and one summary line; it asserts nothing.
//
// BENCH_GB=0.2 runs a smaller database while developing (default 1); BENCH_ROUNDS (default 2)
// repeats each command and keeps the best.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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

const BUCKET = 'bench'

/** The action's environment: GitHub's files and the inputs of one run. */
function actionEnv(
  info: CloudInfo,
  dir: string,
  inputs: Record<string, string>
): NodeJS.ProcessEnv {
  for (const f of ['output', 'summary', 'state']) writeFileSync(path.join(dir, f), '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    RUNNER_TEMP: dir
  }
  const all: Record<string, string> = {
    mode: 'mirror',
    's3-uri': `s3://${BUCKET}/copies/`,
    's3-endpoint': info.s3.endpoint,
    's3-region': info.s3.region,
    's3-access-key-id': info.s3.accessKeyId,
    's3-secret-access-key': info.s3.secretAccessKey,
    'auth-url': info.authUrl,
    'allow-insecure-http': 'true',
    region: info.region,
    'application-credential-id': info.appCredId,
    'application-credential-secret': info.appCredSecret,
    ...inputs
  }
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

function output(dir: string, name: string): string | undefined {
  // GITHUB_OUTPUT holds `name<<delimiter`, the value, `delimiter`.
  const text = readFileSync(path.join(dir, 'output'), 'utf8')
  return new RegExp(`^${name}<<.*\\n(.*)$`, 'm').exec(text)?.[1]
}

async function main(): Promise<void> {
  const started = Date.now()
  const dir = mkdtempSync(path.join(tmpdir(), 'restore-bench-'))
  let cloud: RunningCloud | undefined
  try {
    cloud = await startBenchCloud(BUCKET)
    const info = cloud.info
    const [source, target] = await Promise.all([
      createInstance(info, 'bench-db'),
      createInstance(info, 'bench-target', 'scratch')
    ])
    // The restore creates its database: the target's user may (as a restore login must).
    const targetBase = (await cloud.admin.instances()).find((i) => i.name === 'bench-target')
    if (!targetBase?.baseDir) throw new Error('no server behind bench-target')
    await exec(`${PG_BIN}/psql`, [
      '-h',
      `${targetBase.baseDir}/run`,
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-tAX',
      '-c',
      `ALTER ROLE ${USER} CREATEDB`
    ])

    console.log(`generating hex text (~${GB} GB) on ${source} …`)
    const psql = psqlAt(source, 'shop')
    await generateHexTable(psql, GB)
    const gb = Number(await psql("select pg_database_size('shop')")) / 1e9
    const keyFile = path.join(dir, 'key.txt')
    await exec('age-keygen', ['-o', keyFile])
    const recipient = await exec('age-keygen', ['-y', keyFile])
    const identity = readFileSync(keyFile, 'utf8')
    const made = await measured(
      process.execPath,
      [path.join(ROOT, 'dist/main/index.js')],
      actionEnv(info, dir, {
        source: 'live',
        instance: 'bench-db',
        'db-user': USER,
        'db-password': PASSWORD,
        compression: 'zstd',
        'compression-level': '3',
        'age-recipients': recipient
      })
    )
    if (made.code !== 0) throw new Error(`our mirror failed: ${made.stderr}`)
    const key = output(dir, 'object-key') as string
    console.log(
      `database: ${gb.toFixed(2)} GB; copy ${key}, ${output(dir, 'bytes')} bytes stored (${Math.round((Date.now() - started) / 1000)} s in)`
    )

    const targetPsql = psqlAt(target, 'scratch')
    const rows = async (database: string) =>
      exec(
        `${PG_BIN}/psql`,
        [
          '-h',
          target,
          '-U',
          USER,
          '-d',
          database,
          '-tAX',
          '-c',
          'select count(*) from pgbench_accounts'
        ],
        { ...process.env, PGPASSWORD: PASSWORD }
      )
    const expected = await psql('select count(*) from pgbench_accounts')
    const handEnv: NodeJS.ProcessEnv = {
      ...process.env,
      PGPASSWORD: PASSWORD,
      AWS_ACCESS_KEY_ID: info.s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: info.s3.secretAccessKey,
      AWS_DEFAULT_REGION: info.s3.region
    }
    delete handEnv.AWS_CA_BUNDLE
    const ourRuns: Measured[] = []
    const handRuns: Measured[] = []
    for (let round = 1; round <= Number(process.env.BENCH_ROUNDS ?? 2); round++) {
      const ours = await measured(
        process.execPath,
        [path.join(ROOT, 'dist/main/index.js')],
        actionEnv(info, dir, {
          'mirror-action': 'restore',
          'object-key': key,
          'target-url': `postgresql://${USER}:${PASSWORD}@${target}:5432/ours${round}`,
          'age-identity': identity
        })
      )
      if (ours.code !== 0) throw new Error(`our restore failed: ${ours.stderr}`)
      // The same work by hand, down to creating the fresh database.
      const hand = await measured(
        'bash',
        [
          '-o',
          'pipefail',
          '-c',
          `${PG_BIN}/createdb -h ${target} -U ${USER} hand${round} && ` +
            `/usr/bin/aws --endpoint-url ${info.s3.endpoint} s3 cp s3://${BUCKET}/${key} - | age -d -i ${keyFile} | zstd -d -q | ` +
            `${PG_BIN}/pg_restore --no-owner --no-acl --exit-on-error -h ${target} -U ${USER} -d hand${round}`
        ],
        handEnv
      )
      if (hand.code !== 0) throw new Error(`hand pipeline failed: ${hand.stderr}`)
      for (const database of [`ours${round}`, `hand${round}`]) {
        const got = await rows(database)
        if (got !== expected) throw new Error(`${database} has ${got} rows, not ${expected}`)
      }
      // Keep one round's databases at a time on the disk.
      await targetPsql(`DROP DATABASE ours${round}`)
      await targetPsql(`DROP DATABASE hand${round}`)
      ourRuns.push(ours)
      handRuns.push(hand)
      console.log(
        `round ${round}: ours ${ours.seconds}s/${ours.rssMb}MB  hand ${hand.seconds}s/${hand.rssMb}MB`
      )
    }
    const mine = best(ourRuns)
    const hand = best(handRuns)
    console.log(
      `aws s3 cp - | age -d | zstd -d | pg_restore:   ${hand.seconds.toFixed(1)} s, peak RSS ${hand.rssMb} MB (largest process)`
    )
    console.log(
      `ours (mirror-action: restore):                ${mine.seconds.toFixed(1)} s, peak RSS ${mine.rssMb} MB`
    )
    console.log(`bench took ${Math.round((Date.now() - started) / 1000)} s`)
    console.log(
      `bench:restore gb=${gb.toFixed(2)} ours=${mine.seconds.toFixed(1)} hand=${hand.seconds.toFixed(1)} ` +
        `ratio-hand=${(mine.seconds / hand.seconds).toFixed(2)} peak-rss-mb=${mine.rssMb}`
    )
  } finally {
    await cloud?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
