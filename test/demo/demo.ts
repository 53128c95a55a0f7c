// `npm run demo`: the whole story on the local cloud, through the committed bundle.
// Brings the local cloud up, creates a PostgreSQL instance with sample data and a month of
// backup history, runs every mode built so far exactly as GitHub would, prints what a user
// would see (log, outputs, job summary), and tears everything down.

import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startCloud, type RunningCloud } from '../localcloud/harness.ts'
import { runBundle } from './run-bundle.ts'

const FLAVOR = 'd4a2cb9c-0000-4000-8000-000000000002'
const DB_PASSWORD = 'demo-app-pw'

async function main(): Promise<void> {
  banner('Starting the local cloud (Keystone + Trove on real PostgreSQL, MariaDB and Swift)')
  let t = Date.now()
  const cloud = await startCloud({ paceMs: 500 })
  console.log(`up in ${secs(t)}: auth ${cloud.info.authUrl}, project ${cloud.info.projectName}`)
  try {
    banner('Creating PostgreSQL instance "shop-db" with sample data')
    t = Date.now()
    const instance = await createInstance(cloud)
    console.log(`shop-db ${instance.id} ACTIVE/HEALTHY at ${instance.host}:5432 in ${secs(t)}`)
    execFileSync(
      '/usr/lib/postgresql/15/bin/psql',
      [
        '-h',
        instance.host,
        '-U',
        'app',
        '-d',
        'shop',
        '-qtAX',
        '-c',
        'CREATE TABLE orders (id serial primary key, total numeric, placed timestamptz default now()); ' +
          'INSERT INTO orders (total) SELECT round((random()*100)::numeric, 2) FROM generate_series(1, 10000)'
      ],
      { env: { ...process.env, PGPASSWORD: DB_PASSWORD } }
    )
    console.log('10000 rows in shop.orders')
    // A month of the provider's automatic backups, one day missed, one failed.
    const history = []
    for (let day = 1; day <= 30; day++) {
      if (day === 12) continue
      history.push({
        ageHours: day * 24 + 3,
        status: day === 20 ? 'FAILED' : 'COMPLETED',
        sizeGb: 0.05,
        name: `automatic-${day}`
      })
    }
    await cloud.admin.seedBackups(instance.id, history, 'postgresql')
    console.log(
      `seeded ${history.length} automatic backups over 30 days (day 12 missed, day 20 FAILED)`
    )

    const auth = {
      'auth-url': cloud.info.authUrl,
      'allow-insecure-http': 'true',
      region: cloud.info.region,
      'application-credential-id': cloud.info.appCredId,
      'application-credential-secret': cloud.info.appCredSecret
    }
    const steps: [string, Record<string, string>][] = [
      ['backup — the pre-deploy gate', { mode: 'backup', instance: 'shop-db' }],
      [
        'report — backup age against the 24 h / 90-day policy',
        { mode: 'report', instance: 'shop-db', 'fail-on': 'never' }
      ],
      [
        'verify — the restore drill (restore, check, delete)',
        {
          mode: 'verify',
          instance: 'shop-db',
          'db-user': 'app',
          'db-password': DB_PASSWORD,
          'allowed-cidrs': '127.0.0.1/32',
          'compare-with-source': 'true'
        }
      ],
      [
        'mirror — an encrypted, checksummed off-site copy (pg_dump → zstd → age → S3)',
        {
          mode: 'mirror',
          instance: 'shop-db',
          source: 'restored',
          'db-user': 'app',
          'db-password': DB_PASSWORD,
          'allowed-cidrs': '127.0.0.1/32',
          's3-uri': 's3://offsite/shop-db',
          's3-endpoint': cloud.info.s3.endpoint,
          's3-region': cloud.info.s3.region,
          's3-force-path-style': 'true',
          's3-access-key-id': cloud.info.s3.accessKeyId,
          's3-secret-access-key': cloud.info.s3.secretAccessKey,
          'age-recipients': await ageRecipient(),
          'keep-last': '4'
        }
      ],
      ['sweep — leftover temporary instances', { mode: 'sweep' }]
    ]
    // The off-site bucket (in the local cloud's own Swift S3, standing in for Allas or AWS).
    const s3 = new S3Client({
      endpoint: cloud.info.s3.endpoint,
      region: cloud.info.s3.region,
      forcePathStyle: true,
      credentials: {
        accessKeyId: cloud.info.s3.accessKeyId,
        secretAccessKey: cloud.info.s3.secretAccessKey
      }
    })
    await s3.send(new CreateBucketCommand({ Bucket: 'offsite' }))
    for (const [title, inputs] of steps) {
      banner(`Action step: ${title}`)
      const run = await runBundle('main', { ...auth, ...inputs }, { echo: true })
      console.log(`\n--- exit code ${run.exitCode} after ${run.seconds.toFixed(1)} s; outputs:`)
      for (const [k, v] of Object.entries(run.outputs)) console.log(`  ${k} = ${v}`)
      console.log('--- job summary (markdown):\n' + run.summary)
      if (run.exitCode !== 0) process.exitCode = 1
    }
  } finally {
    banner('Tearing down')
    t = Date.now()
    await cloud.stop()
    console.log(`every server stopped and temp dir removed in ${secs(t)}`)
  }
}

async function createInstance(cloud: RunningCloud): Promise<{ id: string; host: string }> {
  const tokenResponse = await fetch(`${cloud.info.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: cloud.info.appCredId, secret: cloud.info.appCredSecret }
        }
      }
    })
  })
  const token = tokenResponse.headers.get('x-subject-token') ?? ''
  const headers = { 'X-Auth-Token': token, 'Content-Type': 'application/json' }
  const created = await fetch(`${cloud.info.troveUrl}/instances`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      instance: {
        name: 'shop-db',
        flavorRef: FLAVOR,
        volume: { size: 2 },
        datastore: { type: 'postgresql', version: '15' },
        databases: [{ name: 'shop' }],
        users: [{ name: 'app', password: DB_PASSWORD, databases: [{ name: 'shop' }] }],
        access: { is_public: true, allowed_cidrs: ['127.0.0.0/22'] }
      }
    })
  })
  const { instance } = (await created.json()) as { instance: { id: string } }
  for (;;) {
    const shown = await fetch(`${cloud.info.troveUrl}/instances/${instance.id}`, { headers })
    const body = (await shown.json()) as { instance: { status: string; ip?: string[] } }
    if (body.instance.status === 'ACTIVE')
      return { id: instance.id, host: body.instance.ip?.[0] ?? '' }
    if (body.instance.status === 'ERROR') throw new Error('the demo instance ended in ERROR')
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** A throwaway age key pair; the demo encrypts to its public half. */
async function ageRecipient(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'demo-age-'))
  try {
    execFileSync('age-keygen', ['-o', path.join(dir, 'key.txt')], { stdio: 'ignore' })
    return execFileSync('age-keygen', ['-y', path.join(dir, 'key.txt')], {
      encoding: 'utf8'
    }).trim()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function banner(text: string): void {
  console.log(`\n=== ${text}`)
}

function secs(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`
}

await main()
