import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { type RunningCloud, startCloud } from '../localcloud/harness.js'
import { cloudInputs, runAction } from '../e2e/helpers/run-action.js'
import { mutatingTroveCalls } from './helpers/leftovers.js'
import { record } from './helpers/results.js'

// Bad input, mode by mode. Every case must fail the step with an error that
// names the input and says what is allowed, and the cloud's request log must show that no
// POST/PUT/DELETE reached Trove (an unknown or ambiguous instance needs reads, nothing more).
let cloud: RunningCloud
const dir = mkdtempSync(path.join(tmpdir(), 'bad-inputs-'))

beforeAll(async () => {
  cloud = await startCloud({ paceMs: 200 })
  // Records only (no servers): a name to find, and two instances sharing one name.
  await cloud.admin.seedInstances(0, { names: ['shop-db', 'twin', 'twin'] })
  // A MariaDB record, for the mirror inputs that apply to one engine only.
  await cloud.admin.seedInstances(0, { names: ['shop-maria'], datastore: 'mariadb' })
}, 60_000)

afterAll(async () => {
  await cloud?.stop()
})

function file(name: string, content: string): string {
  const p = path.join(dir, name)
  writeFileSync(p, content)
  return p
}

const BACKUP_ID = '3f0e2c1a-0000-4000-8000-000000000001'
type Mode =
  | 'backup'
  | 'verify'
  | 'restore'
  | 'report'
  | 'sweep'
  | 'mirror'
  | 'mirror-restore'
  | 'mirror-drill'
  | 'none'

/** What each mode needs besides the case's own inputs, so only the bad one is wrong. */
function baseInputs(mode: Mode): Record<string, string> {
  const auth = cloudInputs(cloud.info)
  switch (mode) {
    case 'backup':
      return { ...auth, mode, instance: 'shop-db' }
    case 'verify':
      return {
        ...auth,
        mode,
        'backup-id': BACKUP_ID,
        'db-user': 'app',
        'db-password': 'pw',
        'allowed-cidrs': '127.0.0.1/32'
      }
    case 'restore':
      return {
        ...auth,
        mode,
        'backup-id': BACKUP_ID,
        'restore-name': 'shop-db-2',
        'allowed-cidrs': '127.0.0.1/32'
      }
    case 'report':
      return { ...auth, mode, instance: 'shop-db' }
    case 'sweep':
      return { ...auth, mode }
    case 'mirror':
      return {
        ...auth,
        mode,
        instance: 'shop-db',
        'db-user': 'app',
        'db-password': 'pw',
        'allowed-cidrs': '127.0.0.1/32',
        's3-uri': 's3://offsite/copies',
        's3-endpoint': cloud.info.s3.endpoint,
        's3-access-key-id': cloud.info.s3.accessKeyId,
        's3-secret-access-key': cloud.info.s3.secretAccessKey,
        encryption: 'none'
      }
    case 'mirror-restore':
    case 'mirror-drill':
      return {
        ...auth,
        mode: 'mirror',
        'mirror-action': mode === 'mirror-restore' ? 'restore' : 'drill',
        's3-uri': 's3://offsite/copies',
        's3-endpoint': cloud.info.s3.endpoint,
        's3-access-key-id': cloud.info.s3.accessKeyId,
        's3-secret-access-key': cloud.info.s3.secretAccessKey,
        'target-url': 'postgresql://restorer:pw@127.0.0.1:5432/shop_copy',
        'age-identity': IDENTITY
      }
    case 'none':
      return { ...auth }
  }
}

/** A well-formed age identity (age-keygen's format), for the cases where another input is bad. */
const IDENTITY = 'AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX'

interface BadInput {
  name: string
  mode: Mode
  /** inputs to add; an empty string removes a base input */
  inputs: Record<string, string>
  /** the input the error must name */
  input: string
  /** what the error must say is allowed */
  allowed: RegExp
}

const DURATION = /each unit once, like 90s, 45m, 2h, 1h30m or 7d/
const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'
const BOOLEAN = /use true or false/

const CASES: BadInput[] = [
  // mode
  {
    name: 'unknown mode',
    mode: 'none',
    inputs: { mode: 'bakup' },
    input: 'mode',
    allowed: /use one of: backup, verify, restore, report/
  },
  {
    name: 'missing mode',
    mode: 'none',
    inputs: {},
    input: 'mode',
    allowed: /is required; use one of: backup/
  },
  // connection and credentials (checked by every mode)
  {
    name: 'http auth-url without allow-insecure-http',
    mode: 'backup',
    inputs: { 'allow-insecure-http': 'false' },
    input: 'auth-url',
    allowed: /https|allow-insecure-http/
  },
  {
    name: 'missing auth-url',
    mode: 'report',
    inputs: { 'auth-url': '' },
    input: 'auth-url',
    allowed: /is required .*OS_AUTH_URL/
  },
  {
    name: 'auth-url that is not a URL',
    mode: 'report',
    inputs: { 'auth-url': 'pukki dbaas' },
    input: 'auth-url',
    allowed: /URL|https/
  },
  {
    name: 'allow-insecure-http not a boolean',
    mode: 'report',
    inputs: { 'allow-insecure-http': 'please' },
    input: 'allow-insecure-http',
    allowed: BOOLEAN
  },
  {
    name: 'missing application credential secret',
    mode: 'backup',
    inputs: { 'application-credential-secret': '' },
    input: 'application-credential-secret',
    allowed: /is required with an application credential/
  },
  {
    name: 'no credentials at all',
    mode: 'report',
    inputs: { 'application-credential-id': '', 'application-credential-secret': '' },
    input: 'application-credential-id',
    allowed:
      /no credentials were given: set application-credential-id and application-credential-secret/
  },
  {
    name: 'password auth without a password',
    mode: 'report',
    inputs: {
      'application-credential-id': '',
      'application-credential-secret': '',
      'auth-type': 'password',
      username: 'demo',
      'user-domain-name': 'Default',
      'project-name': 'demo',
      'project-domain-name': 'Default'
    },
    input: 'password',
    allowed: /is required for password authentication/
  },
  {
    name: 'unknown auth-type',
    mode: 'report',
    inputs: { 'auth-type': 'token' },
    input: 'auth-type',
    allowed: /use v3applicationcredential or password/
  },
  {
    name: 'unknown interface',
    mode: 'report',
    inputs: { interface: 'private' },
    input: 'interface',
    allowed: /use public, internal or admin/
  },
  {
    name: 'request-timeout of zero',
    mode: 'report',
    inputs: { 'request-timeout': '0s' },
    input: 'request-timeout',
    allowed: /minimum is 1s/
  },
  {
    name: 'absurd request-timeout',
    mode: 'report',
    inputs: { 'request-timeout': '3d' },
    input: 'request-timeout',
    allowed: /maximum is/
  },
  {
    name: 'database-endpoint not http(s)',
    mode: 'report',
    inputs: { 'database-endpoint': 'ftp://trove.example/v1.0' },
    input: 'database-endpoint',
    allowed: /http/
  },
  // backup
  {
    name: 'backup: missing instance',
    mode: 'backup',
    inputs: { instance: '' },
    input: 'instance',
    allowed: /is required: the id or name/
  },
  {
    name: 'backup: unknown instance',
    mode: 'backup',
    inputs: { instance: 'shop-dbb' },
    input: 'instance',
    allowed: /no instance "shop-dbb" in this project; instances: .*shop-db/
  },
  {
    name: 'backup: ambiguous instance name',
    mode: 'backup',
    inputs: { instance: 'twin' },
    input: 'instance',
    allowed: /names 2 instances .*use the id instead/
  },
  {
    name: 'backup: timeout without a unit',
    mode: 'backup',
    inputs: { timeout: '60' },
    input: 'timeout',
    allowed: DURATION
  },
  {
    name: 'backup: negative timeout',
    mode: 'backup',
    inputs: { timeout: '-5m' },
    input: 'timeout',
    allowed: /like 90s|minimum/
  },
  {
    name: 'backup: timeout below 10s',
    mode: 'backup',
    inputs: { timeout: '2s' },
    input: 'timeout',
    allowed: /minimum is 10s/
  },
  {
    name: 'backup: absurd timeout',
    mode: 'backup',
    inputs: { timeout: '400d' },
    input: 'timeout',
    allowed: /maximum is 24h/
  },
  {
    name: 'backup: malformed reuse-if-newer-than',
    mode: 'backup',
    inputs: { 'reuse-if-newer-than': 'soon' },
    input: 'reuse-if-newer-than',
    allowed: DURATION
  },
  {
    name: 'backup: wait not a boolean',
    mode: 'backup',
    inputs: { wait: 'perhaps' },
    input: 'wait',
    allowed: BOOLEAN
  },
  {
    name: 'backup: incremental not a boolean',
    mode: 'backup',
    inputs: { incremental: 'sometimes' },
    input: 'incremental',
    allowed: BOOLEAN
  },
  {
    name: 'backup: unknown name placeholder',
    mode: 'backup',
    inputs: { 'backup-name': '{instance}-{branch}' },
    input: 'backup-name',
    allowed: /use \{instance\} \{sha\}/
  },
  {
    name: 'backup: description too long',
    mode: 'backup',
    inputs: { description: 'x'.repeat(300) },
    input: 'description',
    allowed: /Trove allows 255/
  },
  // report
  {
    name: 'report: instance and instances together',
    mode: 'report',
    inputs: { instances: 'all' },
    input: 'instances',
    allowed: /not both/
  },
  {
    name: 'report: neither instance nor instances',
    mode: 'report',
    inputs: { instance: '' },
    input: 'instance',
    allowed: /or set "instances"/
  },
  {
    name: 'report: "all" with other names',
    mode: 'report',
    inputs: { instance: '', instances: 'all, shop-db' },
    input: 'instances',
    allowed: /give it alone/
  },
  {
    name: 'report: unknown instance',
    mode: 'report',
    inputs: { instance: 'nope' },
    input: 'instance',
    allowed: /no instance "nope" in this project; instances:/
  },
  {
    name: 'report: ambiguous instance name',
    mode: 'report',
    inputs: { instance: 'twin' },
    input: 'instance',
    allowed: /names 2 instances .*use the id instead/
  },
  {
    name: 'report: max-concurrency 0',
    mode: 'report',
    inputs: { 'max-concurrency': '0' },
    input: 'max-concurrency',
    allowed: /from 1 to 32/
  },
  {
    name: 'report: absurd max-concurrency',
    mode: 'report',
    inputs: { 'max-concurrency': '1000' },
    input: 'max-concurrency',
    allowed: /from 1 to 32/
  },
  {
    name: 'report: max-concurrency not a number',
    mode: 'report',
    inputs: { 'max-concurrency': 'four' },
    input: 'max-concurrency',
    allowed: /from 1 to 32/
  },
  {
    name: 'report: unknown fail-on',
    mode: 'report',
    inputs: { 'fail-on': 'always' },
    input: 'fail-on',
    allowed: /use one of: stale, never/
  },
  {
    name: 'report: malformed max-age',
    mode: 'report',
    inputs: { 'max-age': 'a day' },
    input: 'max-age',
    allowed: DURATION
  },
  {
    name: 'report: negative grace',
    mode: 'report',
    inputs: { grace: '-1h' },
    input: 'grace',
    allowed: /like 90s|minimum/
  },
  {
    name: 'report: gap-window under an hour',
    mode: 'report',
    inputs: { 'gap-window': '30m' },
    input: 'gap-window',
    allowed: /minimum is 3600s/
  },
  // verify and restore
  {
    name: 'verify: invalid CIDR',
    mode: 'verify',
    inputs: { 'allowed-cidrs': '10.0.0.0/33' },
    input: 'allowed-cidrs',
    allowed: /use CIDRs separated by commas, or "runner"/
  },
  {
    name: 'verify: CIDR open to the world',
    mode: 'verify',
    inputs: { 'allowed-cidrs': '0.0.0.0/0' },
    input: 'allowed-cidrs',
    allowed: /use CIDRs separated by commas, or "runner"/
  },
  {
    name: 'verify: not a CIDR at all',
    mode: 'verify',
    inputs: { 'allowed-cidrs': 'office' },
    input: 'allowed-cidrs',
    allowed: /use CIDRs separated by commas, or "runner"/
  },
  {
    name: 'verify: backup-id not a UUID',
    mode: 'verify',
    inputs: { 'backup-id': 'latest' },
    input: 'backup-id',
    allowed: /a UUID/
  },
  {
    name: 'verify: neither instance nor backup-id',
    mode: 'verify',
    inputs: { 'backup-id': '' },
    input: 'instance',
    allowed: /is required \(or backup-id\)/
  },
  {
    name: 'verify: restore-timeout below 30s',
    mode: 'verify',
    inputs: { 'restore-timeout': '5s' },
    input: 'restore-timeout',
    allowed: /minimum is 30s/
  },
  {
    name: 'verify: negative restore-timeout',
    mode: 'verify',
    inputs: { 'restore-timeout': '-10m' },
    input: 'restore-timeout',
    allowed: /like 90s|minimum/
  },
  {
    name: 'verify: absurd restore-timeout',
    mode: 'verify',
    inputs: { 'restore-timeout': '100d' },
    input: 'restore-timeout',
    allowed: /maximum is 12h/
  },
  {
    name: 'verify: delete-timeout too short',
    mode: 'verify',
    inputs: { 'delete-timeout': '1s' },
    input: 'delete-timeout',
    allowed: /minimum is 10s/
  },
  {
    name: 'verify: missing db-user',
    mode: 'verify',
    inputs: { 'db-user': '' },
    input: 'db-user',
    allowed: /is required: a database user/
  },
  {
    name: 'verify: missing db-password',
    mode: 'verify',
    inputs: { 'db-password': '' },
    input: 'db-password',
    allowed: /is required/
  },
  {
    name: 'verify: unknown db-tls',
    mode: 'verify',
    inputs: { 'db-tls': 'always' },
    input: 'db-tls',
    allowed: /disable, prefer, require, verify-ca, verify-full/
  },
  {
    name: 'verify: row-count-tolerance over 100',
    mode: 'verify',
    inputs: { 'row-count-tolerance': '150' },
    input: 'row-count-tolerance',
    allowed: /between 0 and 100/
  },
  {
    name: 'verify: volume-size 0',
    mode: 'verify',
    inputs: { 'volume-size': '0' },
    input: 'volume-size',
    allowed: /whole number from 1 to 10000/
  },
  {
    name: 'verify: runner-ip-url not a URL',
    mode: 'verify',
    inputs: { 'allowed-cidrs': 'runner', 'runner-ip-url': 'ipify' },
    input: 'runner-ip-url',
    allowed: /is not a URL/
  },
  {
    name: 'verify: compare-with-source not a boolean',
    mode: 'verify',
    inputs: { 'compare-with-source': 'maybe' },
    input: 'compare-with-source',
    allowed: BOOLEAN
  },
  {
    name: 'verify: missing checks file',
    mode: 'verify',
    inputs: { 'checks-file': path.join(dir, 'nope.yml') },
    input: 'checks-file',
    allowed: /does not exist/
  },
  {
    name: 'verify: malformed YAML checks file',
    mode: 'verify',
    inputs: { 'checks-file': file('broken.yml', 'checks:\n  - name: a\n    sql: [select 1\n') },
    input: 'checks-file',
    allowed: /is not valid YAML/
  },
  {
    name: 'verify: malformed JSON checks file',
    mode: 'verify',
    inputs: { 'checks-file': file('broken.json', '{"checks": [') },
    input: 'checks-file',
    allowed: /is not valid JSON/
  },
  {
    name: 'verify: checks file without a checks list',
    mode: 'verify',
    inputs: { 'checks-file': file('nolist.yml', 'assertions: []\n') },
    input: 'checks-file',
    allowed: /must hold a "checks" list/
  },
  {
    name: 'verify: check with an unknown key',
    mode: 'verify',
    inputs: {
      'checks-file': file(
        'key.yml',
        'checks:\n  - {name: a, sql: select 1, expect: "== 1", when: always}\n'
      )
    },
    input: 'checks-file',
    allowed: /allowed: /
  },
  {
    name: 'verify: checks file of the wrong type',
    mode: 'verify',
    inputs: { 'checks-file': file('checks.txt', 'select 1') },
    input: 'checks-file',
    allowed: /must be a \.yml, \.yaml or \.json file/
  },
  {
    name: 'restore: invalid CIDR',
    mode: 'restore',
    inputs: { 'allowed-cidrs': '192.168.1.1/12' },
    input: 'allowed-cidrs',
    allowed: /use CIDRs separated by commas, or "runner"/
  },
  {
    name: 'restore: absurd restore-timeout',
    mode: 'restore',
    inputs: { 'restore-timeout': '1y' },
    input: 'restore-timeout',
    allowed: DURATION
  },
  // mirror
  {
    name: 'mirror: missing s3-uri',
    mode: 'mirror',
    inputs: { 's3-uri': '' },
    input: 's3-uri',
    allowed: /s3:\/\/bucket\/prefix/
  },
  {
    name: 'mirror: s3-uri without the scheme',
    mode: 'mirror',
    inputs: { 's3-uri': 'offsite/copies' },
    input: 's3-uri',
    allowed: /s3:\/\//
  },
  {
    name: 'mirror: s3-uri of another scheme',
    mode: 'mirror',
    inputs: { 's3-uri': 'https://offsite/copies' },
    input: 's3-uri',
    allowed: /s3:\/\//
  },
  {
    name: 'mirror: s3-uri without a bucket',
    mode: 'mirror',
    inputs: { 's3-uri': 's3:///copies' },
    input: 's3-uri',
    allowed: /bucket/
  },
  {
    name: 'mirror: s3-endpoint not a URL',
    mode: 'mirror',
    inputs: { 's3-endpoint': 'allas' },
    input: 's3-endpoint',
    allowed: /is not a URL/
  },
  {
    name: 'mirror: an age secret key as recipient',
    mode: 'mirror',
    inputs: {
      'age-recipients':
        'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'
    },
    input: 'age-recipients',
    allowed: /give the public key \(age1…\)/
  },
  {
    name: 'mirror: unknown compression',
    mode: 'mirror',
    inputs: { compression: 'xz' },
    input: 'compression',
    allowed: /zstd, gzip/
  },
  // sweep
  {
    name: 'sweep: ttl under 10 minutes',
    mode: 'sweep',
    inputs: { ttl: '5m' },
    input: 'ttl',
    allowed: /minimum is 600s/
  },
  {
    name: 'sweep: malformed ttl',
    mode: 'sweep',
    inputs: { ttl: 'forever' },
    input: 'ttl',
    allowed: DURATION
  },
  // Upper bounds, plain numbers, one unit once, one-line names, files checked up front.
  {
    name: 'backup: a unit given twice in timeout',
    mode: 'backup',
    inputs: { timeout: '1h1h' },
    input: 'timeout',
    allowed: DURATION
  },
  {
    name: 'backup: a 400-digit timeout',
    mode: 'backup',
    inputs: { timeout: `${'9'.repeat(400)}s` },
    input: 'timeout',
    allowed: DURATION
  },
  {
    name: 'backup: a newline in the backup-name template',
    mode: 'backup',
    inputs: { 'backup-name': 'a\n::warning::TEMPLATE-INJ' },
    input: 'backup-name',
    allowed: /control character/
  },
  {
    name: 'backup: a carriage return in the description',
    mode: 'backup',
    inputs: { description: 'deploy\r::warning::x' },
    input: 'description',
    allowed: /control character/
  },
  {
    name: 'report: max-age beyond 90 days',
    mode: 'report',
    inputs: { 'max-age': '400d' },
    input: 'max-age',
    allowed: /too long; the maximum is 2160h/
  },
  {
    name: 'report: a 400-digit max-age',
    mode: 'report',
    inputs: { 'max-age': `${'4'.repeat(400)}d` },
    input: 'max-age',
    allowed: DURATION
  },
  {
    name: 'report: grace beyond a week',
    mode: 'report',
    inputs: { grace: '8d' },
    input: 'grace',
    allowed: /too long/
  },
  {
    name: 'report: retention beyond ten years',
    mode: 'report',
    inputs: { retention: '3651d' },
    input: 'retention',
    allowed: /too long/
  },
  {
    name: 'report: gap-window beyond a year',
    mode: 'report',
    inputs: { 'gap-window': '400d' },
    input: 'gap-window',
    allowed: /too long/
  },
  {
    name: 'report: max-concurrency in hex',
    mode: 'report',
    inputs: { 'max-concurrency': '0x4' },
    input: 'max-concurrency',
    allowed: /whole number from 1 to 32/
  },
  {
    name: 'report: report-path is a directory',
    mode: 'report',
    inputs: { 'report-path': dir },
    input: 'report-path',
    allowed: /is a directory; name the JSON file/
  },
  {
    name: 'report: metrics-file in a folder that does not exist',
    mode: 'report',
    inputs: { 'metrics-file': path.join(dir, 'no-such-folder', 'dbaas.prom') },
    input: 'metrics-file',
    allowed: /does not exist; give the textfile collector's folder/
  },
  {
    name: 'report: metrics-file is a directory',
    mode: 'report',
    inputs: { 'metrics-file': dir },
    input: 'metrics-file',
    allowed: /is a directory; name the \.prom file/
  },
  {
    name: 'verify: metrics-file not ending in .prom',
    mode: 'verify',
    inputs: { 'metrics-file': path.join(dir, 'dbaas.txt') },
    input: 'metrics-file',
    allowed: /textfile collector reads only \*\.prom files/
  },
  {
    name: 'mirror: metrics-file under a file, not a folder',
    mode: 'mirror',
    inputs: { 'metrics-file': path.join(file('plain-for-metrics', ''), 'dbaas.prom') },
    input: 'metrics-file',
    allowed: /is a file, not a folder/
  },
  {
    name: 'verify: evidence-path is a directory',
    mode: 'verify',
    inputs: { 'evidence-path': dir },
    input: 'evidence-path',
    allowed: /is a directory; name the evidence JSON file/
  },
  {
    name: 'verify: evidence-path under a file, not a folder',
    mode: 'verify',
    inputs: { 'evidence-path': path.join(file('plain-for-evidence', ''), 'evidence.json') },
    input: 'evidence-path',
    allowed: /is a file, not a folder/
  },
  {
    name: 'verify: volume-size in exponent notation',
    mode: 'verify',
    inputs: { 'volume-size': '1e3' },
    input: 'volume-size',
    allowed: /whole number from 1 to 10000/
  },
  {
    name: 'verify: volume-size in hex',
    mode: 'verify',
    inputs: { 'volume-size': '0x10' },
    input: 'volume-size',
    allowed: /whole number from 1 to 10000/
  },
  {
    name: 'verify: row-count-tolerance in exponent notation',
    mode: 'verify',
    inputs: { 'row-count-tolerance': '1e1' },
    input: 'row-count-tolerance',
    allowed: /not a percentage between 0 and 100/
  },
  {
    name: 'verify: a checks file far too large',
    mode: 'verify',
    inputs: { 'checks-file': file('huge.yml', `checks:\n${'# filler\n'.repeat(40_000)}`) },
    input: 'checks-file',
    allowed: /at most 256 KiB/
  },
  {
    name: 'verify: a plain-http runner-ip-url',
    mode: 'verify',
    inputs: {
      'allow-insecure-http': 'false',
      'allowed-cidrs': 'runner',
      'runner-ip-url': 'http://echo.example/'
    },
    input: 'runner-ip-url',
    allowed: /plain http.*allow-insecure-http: true/
  },
  {
    name: 'verify: command-env passing the cloud password on',
    mode: 'verify',
    inputs: { command: 'true', 'command-env': 'OS_PASSWORD' },
    input: 'command-env',
    allowed: /never passed on: OS_\*, AWS_\*/
  },
  {
    name: 'verify: command-env with a name that is no variable',
    mode: 'verify',
    inputs: { command: 'true', 'command-env': 'MY-VAR' },
    input: 'command-env',
    allowed: /not an environment variable name/
  },
  {
    name: 'restore: a newline in restore-name',
    mode: 'restore',
    inputs: { 'restore-name': 'shop-db-2\n::warning::x' },
    input: 'restore-name',
    allowed: /control character/
  },
  {
    name: 'mirror: a query in s3-uri',
    mode: 'mirror',
    inputs: { 's3-uri': 's3://offsite/copies?versionId=1&x=y' },
    input: 's3-uri',
    allowed: /has a \? or #/
  },
  {
    name: 'mirror: the same age recipient twice',
    mode: 'mirror',
    inputs: { 'age-recipients': `${RECIPIENT},${RECIPIENT}` },
    input: 'age-recipients',
    allowed: /twice; give each recipient once/
  },
  {
    name: 'mirror: keep-days in exponent notation',
    mode: 'mirror',
    inputs: { 'keep-days': '1e-9' },
    input: 'keep-days',
    allowed: /whole number of days from 1 to 36500/
  },
  {
    name: 'mirror: keep-days in hex',
    mode: 'mirror',
    inputs: { 'keep-days': '0x10' },
    input: 'keep-days',
    allowed: /whole number of days from 1 to 36500/
  },
  {
    name: 'mirror: upload-concurrency in exponent notation',
    mode: 'mirror',
    inputs: { 'upload-concurrency': '1e1' },
    input: 'upload-concurrency',
    allowed: /whole number from 1 to 32/
  },
  {
    name: 'mirror: no recipients and no encryption: none',
    mode: 'mirror',
    inputs: { encryption: '' },
    input: 'age-recipients',
    allowed: /stored unencrypted: give age public keys .*or set encryption: none/
  },
  {
    name: 'mirror: unknown encryption',
    mode: 'mirror',
    inputs: { encryption: 'rot13' },
    input: 'encryption',
    allowed: /use age or none/
  },
  {
    name: 'mirror: keep-daily negative',
    mode: 'mirror',
    inputs: { 'keep-daily': '-1' },
    input: 'keep-daily',
    allowed: /whole number from 0 to 100000/
  },
  {
    name: 'mirror: keep-weekly not a whole number',
    mode: 'mirror',
    inputs: { 'keep-weekly': '2.5' },
    input: 'keep-weekly',
    allowed: /whole number from 0 to 100000/
  },
  {
    name: 'mirror: keep-monthly in exponent notation',
    mode: 'mirror',
    inputs: { 'keep-monthly': '1e3' },
    input: 'keep-monthly',
    allowed: /whole number from 0 to 100000/
  },
  {
    name: 'mirror: keep-monthly absurd',
    mode: 'mirror',
    inputs: { 'keep-monthly': '1000000' },
    input: 'keep-monthly',
    allowed: /whole number from 0 to 100000/
  },
  {
    name: 'mirror: exclude-tables that is an option',
    mode: 'mirror',
    inputs: { 'exclude-tables': '--file=/etc/passwd' },
    input: 'exclude-tables',
    allowed: /is not a table or schema\.table .*no quotes, spaces, wildcards or leading -/
  },
  {
    name: 'mirror: exclude-tables with a wildcard',
    mode: 'mirror',
    inputs: { 'exclude-tables': 'public.log_*' },
    input: 'exclude-tables',
    allowed: /no quotes, spaces, wildcards/
  },
  {
    name: 'mirror: exclude-tables with shell syntax',
    mode: 'mirror',
    inputs: { 'exclude-tables': 'orders;$(reboot)' },
    input: 'exclude-tables',
    allowed: /letters, digits, _ and \$/
  },
  {
    name: 'mirror: exclude-tables with three parts',
    mode: 'mirror',
    inputs: { 'exclude-tables': 'shop.public.orders' },
    input: 'exclude-tables',
    allowed: /a table or schema\.table/
  },
  {
    name: 'mirror: exclude-tables outside the schemas dumped',
    mode: 'mirror',
    inputs: { schemas: 'app', 'exclude-tables': 'billing.invoices' },
    input: 'exclude-tables',
    allowed: /billing is not among the schemas dumped \(app\)/
  },
  {
    name: 'mirror: schemas with a quote',
    mode: 'mirror',
    inputs: { schemas: '"App"' },
    input: 'schemas',
    allowed: /is not a plain name/
  },
  {
    name: 'mirror: schemas qualified',
    mode: 'mirror',
    inputs: { schemas: 'shop.app' },
    input: 'schemas',
    allowed: /is not a plain name/
  },
  {
    name: 'mirror: schemas for a MariaDB instance',
    mode: 'mirror',
    inputs: { instance: 'shop-maria', schemas: 'app' },
    input: 'schemas',
    allowed: /applies to PostgreSQL only.*choose databases instead/
  },
  {
    name: 'mirror: databases as a connection string',
    mode: 'mirror',
    inputs: { databases: 'host=evil.example' },
    input: 'databases',
    allowed: /is not a plain name/
  },
  {
    name: 'mirror: databases as an option',
    mode: 'mirror',
    inputs: { databases: '--all-databases' },
    input: 'databases',
    allowed: /leading -/
  },
  {
    name: 'mirror: two databases for a PostgreSQL instance',
    mode: 'mirror',
    inputs: { databases: 'shop, crm' },
    input: 'databases',
    allowed: /a pg_dump holds one/
  },
  {
    name: 'sweep: a unit given twice in ttl',
    mode: 'sweep',
    inputs: { ttl: '1h1h' },
    input: 'ttl',
    allowed: DURATION
  },
  {
    name: 'sweep: dry-run not a boolean',
    mode: 'sweep',
    inputs: { 'dry-run': 'maybe' },
    input: 'dry-run',
    allowed: /not a boolean/
  },
  // db-tls and db-ca
  {
    name: 'verify: db-tls verify-full without db-ca',
    mode: 'verify',
    inputs: { 'db-tls': 'verify-full' },
    input: 'db-ca',
    allowed: /is required with db-tls: verify-full: the CA certificate/
  },
  {
    name: 'mirror: db-tls verify-ca without db-ca',
    mode: 'mirror',
    inputs: { 'db-tls': 'verify-ca', source: 'live' },
    input: 'db-ca',
    allowed: /is required with db-tls: verify-ca/
  },
  {
    name: 'verify: db-ca with db-tls require (it would go unused)',
    mode: 'verify',
    inputs: { 'db-tls': 'require', 'db-ca': '/etc/ssl/certs/ca-certificates.crt' },
    input: 'db-ca',
    allowed: /is used only with db-tls: verify-ca or verify-full, and db-tls is require/
  },
  {
    name: 'verify: db-ca file missing',
    mode: 'verify',
    inputs: { 'db-tls': 'verify-full', 'db-ca': '/nonexistent/pukki-ca.pem' },
    input: 'db-ca',
    allowed: /cannot read \/nonexistent\/pukki-ca\.pem \(ENOENT\)/
  },
  {
    name: 'mirror: db-ca is not a certificate',
    mode: 'mirror',
    inputs: { 'db-tls': 'verify-full', 'db-ca': '-----BEGIN CERTIFICATE-----\nnot base64' },
    input: 'db-ca',
    allowed: /PEM text holds no PEM certificate/
  },
  {
    name: 'verify: db-ca holds a private key',
    mode: 'verify',
    inputs: {
      'db-tls': 'verify-full',
      'db-ca': '-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n-----END PRIVATE KEY-----'
    },
    input: 'db-ca',
    allowed: /holds a private key: give the CA certificate only/
  },
  {
    name: 'mirror: db-tls verify (not a libpq mode)',
    mode: 'mirror',
    inputs: { 'db-tls': 'verify' },
    input: 'db-tls',
    allowed: /disable, prefer, require, verify-ca, verify-full/
  },
  // the verified-drill gate on backup (require-verified-within + verify-workflow)
  {
    name: 'backup: require-verified-within without verify-workflow',
    mode: 'backup',
    inputs: { 'require-verified-within': '7d', 'github-token': 'ghs_x' },
    input: 'verify-workflow',
    allowed: /is required with require-verified-within: the file name/
  },
  {
    name: 'backup: verify-workflow without require-verified-within',
    mode: 'backup',
    inputs: { 'verify-workflow': 'nightly-drill.yml', 'github-token': 'ghs_x' },
    input: 'require-verified-within',
    allowed: /is required with verify-workflow: .*e\.g\. 7d/
  },
  {
    name: 'backup: malformed require-verified-within',
    mode: 'backup',
    inputs: {
      'require-verified-within': 'a week',
      'verify-workflow': 'nightly-drill.yml',
      'github-token': 'ghs_x'
    },
    input: 'require-verified-within',
    allowed: DURATION
  },
  {
    name: 'backup: verify-workflow given as a path',
    mode: 'backup',
    inputs: {
      'require-verified-within': '7d',
      'verify-workflow': '.github/workflows/nightly-drill.yml',
      'github-token': 'ghs_x'
    },
    input: 'verify-workflow',
    allowed: /use the file name alone, like nightly-drill\.yml/
  },
  {
    name: 'backup: the gate without a token',
    mode: 'backup',
    inputs: { 'require-verified-within': '7d', 'verify-workflow': 'nightly-drill.yml' },
    input: 'github-token',
    allowed: /is required for require-verified-within/
  },
  // notifications (backup, verify, report, mirror)
  {
    name: 'report: notify not a choice',
    mode: 'report',
    inputs: { notify: 'email' },
    input: 'notify',
    allowed: /use one of: none, issue/
  },
  {
    name: 'verify: notify: issue without a token',
    mode: 'verify',
    inputs: { notify: 'issue' },
    input: 'github-token',
    allowed: /is required for notify/
  },
  {
    name: 'mirror: notify-labels without a label',
    mode: 'mirror',
    inputs: { notify: 'issue', 'github-token': 'ghs_x', 'notify-labels': ' , ' },
    input: 'notify-labels',
    allowed: /needs at least one label/
  },
  {
    name: 'report: webhook-url not https',
    mode: 'report',
    inputs: { 'webhook-url': 'ftp://hooks.example.com/T0/B0/secretpart' },
    input: 'webhook-url',
    allowed: /must be an https URL/
  },
  {
    name: 'backup: heartbeat-url not a URL',
    mode: 'backup',
    inputs: { 'heartbeat-url': 'hc-ping.com/uuid' },
    input: 'heartbeat-url',
    allowed: /must be an https URL/
  },
  {
    name: 'sweep: heartbeat-url on a mode that does not notify',
    mode: 'sweep',
    inputs: { 'heartbeat-url': 'https://hc-ping.com/0c2c8a7e' },
    input: 'heartbeat-url',
    allowed: /applies to the modes backup, verify, report, mirror/
  },
  // mirror-action restore and drill
  {
    name: 'mirror: unknown mirror-action',
    mode: 'mirror-restore',
    inputs: { 'mirror-action': 'recover' },
    input: 'mirror-action',
    allowed: /upload, verify, restore, drill/
  },
  {
    name: 'mirror restore: missing target-url',
    mode: 'mirror-restore',
    inputs: { 'target-url': '' },
    input: 'target-url',
    allowed: /is required: the server to restore into, as postgresql:\/\//
  },
  {
    name: 'mirror restore: target-url not a URL',
    mode: 'mirror-restore',
    inputs: { 'target-url': 'db.example.com:5432' },
    input: 'target-url',
    allowed: /is not a URL|scheme/
  },
  {
    name: 'mirror restore: target-url of another scheme',
    mode: 'mirror-restore',
    inputs: { 'target-url': 'https://restorer:pw@db.example.com/shop' },
    input: 'target-url',
    allowed: /use postgresql:\/\/, postgres:\/\/, mysql:\/\/ or mariadb:\/\//
  },
  {
    name: 'mirror restore: target-url without a user',
    mode: 'mirror-restore',
    inputs: { 'target-url': 'postgresql://db.example.com/shop' },
    input: 'target-url',
    allowed: /names no user/
  },
  {
    name: 'mirror restore: target-url with a query',
    mode: 'mirror-restore',
    inputs: { 'target-url': 'postgresql://restorer:pw@db.example.com/shop?sslmode=require' },
    input: 'target-url',
    allowed: /give TLS settings with db-tls and db-ca/
  },
  {
    name: 'mirror restore: target-url names an odd database',
    mode: 'mirror-restore',
    inputs: { 'target-url': 'postgresql://restorer:pw@db.example.com/shop;drop' },
    input: 'target-url',
    allowed: /letters, digits, _ and -/
  },
  {
    name: 'mirror restore: unknown target',
    mode: 'mirror-restore',
    inputs: { target: 'somewhere' },
    input: 'target',
    allowed: /use one of: url, new-instance/
  },
  {
    name: 'mirror restore: target new-instance and a target-url',
    mode: 'mirror-restore',
    inputs: { target: 'new-instance', 'db-user': 'dr', 'db-password': 'pw' },
    input: 'target',
    allowed: /give target-url \(an existing server\) or new-instance, not both/
  },
  {
    name: 'mirror drill: target new-instance',
    mode: 'mirror-drill',
    inputs: { target: 'new-instance', 'target-url': '' },
    input: 'target',
    allowed: /new-instance is for mirror-action: restore/
  },
  {
    name: 'mirror restore: new-instance without db-user',
    mode: 'mirror-restore',
    inputs: { target: 'new-instance', 'target-url': '', 'db-password': 'pw' },
    input: 'db-user',
    allowed: /the login to create on the new instance/
  },
  {
    name: 'mirror restore: new-instance without db-password',
    mode: 'mirror-restore',
    inputs: { target: 'new-instance', 'target-url': '', 'db-user': 'dr' },
    input: 'db-password',
    allowed: /is required \(pass it from a secret\)/
  },
  {
    name: 'mirror restore: new-instance restore-name on two lines',
    mode: 'mirror-restore',
    inputs: {
      target: 'new-instance',
      'target-url': '',
      'db-user': 'dr',
      'db-password': 'pw',
      'restore-name': 'shop\n::error::x'
    },
    input: 'restore-name',
    allowed: /holds a control character/
  },
  {
    name: 'mirror restore: new-instance volume-size zero',
    mode: 'mirror-restore',
    inputs: {
      target: 'new-instance',
      'target-url': '',
      'db-user': 'dr',
      'db-password': 'pw',
      'volume-size': '0'
    },
    input: 'volume-size',
    allowed: /whole number from 1 to 10000/
  },
  {
    name: 'mirror restore: new-instance open to the world',
    mode: 'mirror-restore',
    inputs: {
      target: 'new-instance',
      'target-url': '',
      'db-user': 'dr',
      'db-password': 'pw',
      'allowed-cidrs': '0.0.0.0/0'
    },
    input: 'allowed-cidrs',
    allowed: /whole internet/
  },
  {
    name: 'mirror restore: age-identity is a public key',
    mode: 'mirror-restore',
    inputs: { 'age-identity': RECIPIENT },
    input: 'age-identity',
    allowed: /give the secret key \(AGE-SECRET-KEY-1…\)/
  },
  {
    name: 'mirror restore: age-identity is not a key',
    mode: 'mirror-restore',
    inputs: { 'age-identity': 'AGE-SECRET-KEY-1NOTAKEY' },
    input: 'age-identity',
    allowed: /is not an age secret key/
  },
  {
    name: 'mirror restore: overwrite not a boolean',
    mode: 'mirror-restore',
    inputs: { overwrite: 'replace' },
    input: 'overwrite',
    allowed: BOOLEAN
  },
  {
    name: 'mirror restore: object-key outside s3-uri',
    mode: 'mirror-restore',
    inputs: { 'object-key': 'elsewhere/shop.pgdump.zst.age' },
    input: 'object-key',
    allowed: /is not under the prefix of s3-uri/
  },
  {
    name: 'mirror drill: row-count-tolerance over 100',
    mode: 'mirror-drill',
    inputs: { 'row-count-tolerance': '150' },
    input: 'row-count-tolerance',
    allowed: /a percentage between 0 and 100/
  },
  {
    name: 'mirror drill: max-age not a duration',
    mode: 'mirror-drill',
    inputs: { 'max-age': 'daily' },
    input: 'max-age',
    allowed: DURATION
  },
  {
    name: 'mirror drill: command-env names a credential',
    mode: 'mirror-drill',
    inputs: { 'command-env': 'AWS_SECRET_ACCESS_KEY' },
    input: 'command-env',
    allowed: /never passed on/
  }
]

describe('bad input fails before anything changes in the cloud', () => {
  test.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      let ok = false
      try {
        await cloud.admin.clearRequests()
        const inputs = { ...baseInputs(c.mode), ...c.inputs }
        for (const [k, v] of Object.entries(inputs)) if (v === '') delete inputs[k]
        const result = await runAction('main', inputs)
        expect(result.exitCode).not.toBe(0)
        const error = result.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
        expect(error).toContain(`Input "${c.input}"`)
        expect(error).toMatch(c.allowed)
        expect(mutatingTroveCalls(await cloud.admin.requests())).toEqual([])
        ok = true
      } finally {
        record({ kind: 'bad-input', name: c.name, ok })
      }
      // Each case starts the bundle as a process: a deadline for a loaded machine, not a pace.
    },
    60_000
  )
})
