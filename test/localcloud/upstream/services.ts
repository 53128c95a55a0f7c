// The two upstream servers: Keystone (Debian's `keystone`, served by uwsgi) and trove-api
// (Debian's `trove-api`, its own eventlet WSGI server and api-paste pipeline, through
// py/trove_api.py). Config files are written per cloud, into its temp dir.

import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startProcess, stopProcess, waitUntil, type Proc } from '../servers/proc.ts'

export const PY_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'py')
// Debian's python with the OpenStack packages; the python3 first on PATH may be another.
export const PYTHON = '/usr/bin/python3'
export const REGION = 'pukki_dbaas'

export interface KeystoneDirs {
  dir: string
  fernetKeys: string
  credentialKeys: string
}

export function keystoneConf(k: KeystoneDirs, dbUrl: string): string {
  return `[DEFAULT]
use_stderr = false
log_file = ${path.join(k.dir, 'keystone.log')}
[database]
connection = ${dbUrl}
[identity]
# bcrypt's cheapest cost: every password and application-credential check pays it.
password_hash_rounds = 4
[token]
provider = fernet
expiration = 3600
[fernet_tokens]
key_repository = ${k.fernetKeys}
[credential]
key_repository = ${k.credentialKeys}
[oslo_policy]
# Zed's defaults as most clouds run them: no scope enforcement.
enforce_scope = false
enforce_new_defaults = false
`
}

export async function startKeystone(k: KeystoneDirs, port: number): Promise<Proc> {
  const conf = path.join(k.dir, 'keystone.conf')
  // --http11-socket, not --http-socket: with the latter uwsgi drops a kept-alive
  // connection after the first answer, and python clients (the openstack CLI) fail with
  // ConnectionResetError on their second request.
  const proc = startProcess(
    'keystone (uwsgi)',
    '/usr/bin/uwsgi',
    [
      '--plugin',
      'python3',
      '--http11-socket',
      `127.0.0.1:${port}`,
      '--wsgi-file',
      '/usr/bin/keystone-wsgi-public',
      '--master',
      '--processes',
      '1',
      '--threads',
      '8',
      '--enable-threads',
      '--buffer-size',
      '65535',
      '--die-on-term',
      '--lazy-apps',
      '--env',
      `OS_KEYSTONE_CONFIG_FILES=${conf}`
    ],
    { env: { OS_KEYSTONE_CONFIG_FILES: conf, PYTHONPATH: '', PYTHONHOME: '' } }
  )
  await waitForHttp('keystone', `http://127.0.0.1:${port}/v3`, proc)
  return proc
}

/** The Swift container Trove keeps backups in (its backup_swift_container default). */
export const BACKUP_CONTAINER = 'database_backups'

/** Pukki's project quotas (trove.conf max_*_per_tenant); a project's own rows override them. */
export const QUOTA_DEFAULTS = { instances: 5, volumes: 50, backups: 1000 }

export interface TroveFiles {
  dir: string
  spool: string
  addresses: string
  flavors: string
}

export function troveConf(
  t: TroveFiles,
  o: { port: number; keystonePort: number; dbUrl: string }
): string {
  const ks = `http://127.0.0.1:${o.keystonePort}/v3`
  const remote = ['nova', 'neutron', 'cinder', 'glance', 'swift', 'guest']
    .map((s) => `remote_${s}_client = standins.${s}_client`)
    .join('\n')
  return `[DEFAULT]
bind_host = 127.0.0.1
bind_port = ${o.port}
trove_api_workers = 1
log_file = ${path.join(t.dir, 'trove-api.log')}
use_stderr = false
# oslo.messaging's in-memory driver: casts to the task manager stay in this process
# (py/trove_api.py copies them to the spool for the control plane).
transport_url = fake:/
control_exchange = trove
api_paste_config = /etc/trove/api-paste.ini
os_region_name = ${REGION}
max_instances_per_tenant = ${QUOTA_DEFAULTS.instances}
max_volumes_per_tenant = ${QUOTA_DEFAULTS.volumes}
max_backups_per_tenant = ${QUOTA_DEFAULTS.backups}
${remote}
[database]
connection = ${o.dbUrl}
[keystone_authtoken]
www_authenticate_uri = ${ks}
auth_url = ${ks}
auth_type = password
username = trove
password = trove-pass
project_name = service
user_domain_name = Default
project_domain_name = Default
# keystonemiddleware checks an application credential's access_rules only for this type.
service_type = database
[service_credentials]
auth_url = ${ks}
username = trove
password = trove-pass
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = ${REGION}
[oslo_policy]
policy_file = ${path.join(t.dir, 'policy.yaml')}
[oslo_messaging_notifications]
driver = noop
`
}

/** Pukki's one change to upstream's policy: users cannot delete backups. */
export const PUKKI_POLICY = '"backup:delete": "!"\n'

export async function writeTroveFiles(
  t: TroveFiles,
  o: { port: number; keystonePort: number; dbUrl: string }
): Promise<string> {
  const conf = path.join(t.dir, 'trove.conf')
  await writeFile(conf, troveConf(t, o))
  await writeFile(path.join(t.dir, 'policy.yaml'), PUKKI_POLICY)
  return conf
}

export function troveEnv(t: TroveFiles): NodeJS.ProcessEnv {
  return {
    PYTHONPATH: PY_DIR,
    PYTHONHOME: '',
    UPSTREAM_SPOOL: t.spool,
    UPSTREAM_ADDRESSES: t.addresses,
    UPSTREAM_FLAVORS: t.flavors
  }
}

export async function startTroveApi(t: TroveFiles, conf: string, port: number): Promise<Proc> {
  const proc = startProcess(
    'trove-api',
    PYTHON,
    [path.join(PY_DIR, 'trove_api.py'), '--config-file', conf],
    { env: troveEnv(t) }
  )
  await waitForHttp('trove-api', `http://127.0.0.1:${port}/`, proc)
  return proc
}

async function waitForHttp(what: string, url: string, proc: Proc): Promise<void> {
  try {
    await waitUntil(
      `${what} to answer ${url}`,
      async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).status < 500,
      // A deadline, not a pace: loading either Python app takes 3-6 s on an idle machine,
      // over a minute on a loaded one.
      { timeoutMs: 180_000, intervalMs: 100, proc }
    )
  } catch (err) {
    await stopProcess(proc, { graceMs: 5000 })
    throw err
  }
}
