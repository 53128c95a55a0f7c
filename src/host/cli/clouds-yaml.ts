import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../../errors.js'

/**
 * OpenStack's own configuration files, as the openstack CLI reads them: `clouds.yaml` (and
 * `secure.yaml`, whose values win) from the current directory, `$XDG_CONFIG_HOME/openstack/`
 * (default `~/.config/openstack/`) or `/etc/openstack/`, the first found; OS_CLIENT_CONFIG_FILE
 * and OS_CLIENT_SECURE_FILE name the files instead. The cloud is `--os-cloud` or OS_CLOUD.
 *
 * The chosen cloud becomes the OS_* variables an openrc file would set, and the CLI's
 * environment is the process environment laid over them. The input readers already fall back
 * to OS_* (src/inputs/cloud.ts), so they check a value from the file exactly as one from an
 * openrc file, and the precedence falls out: flags and DBAAS_BACKUP_* > OS_* in the
 * environment > the file. The action reads no clouds.yaml: a workflow has secrets for that.
 */
export interface CloudsYaml {
  /** OS_* variables from the cloud's entry. */
  env: Record<string, string>
  /** The values that are secrets, to mask before anything can print them. */
  secrets: string[]
  /** Where the cloud was found. */
  file: string
}

export interface CloudsYamlOptions {
  /** `--os-cloud`, else OS_CLOUD; nothing is read without one. */
  cloud: string | undefined
  env: NodeJS.ProcessEnv
  cwd: string
  home: string
  /** `/etc/openstack`; a test points it elsewhere. */
  systemDir?: string
}

/** clouds.yaml keys (under `auth:` or at the top of a cloud) → the openrc variable. */
const AUTH_KEYS: Record<string, string> = {
  auth_url: 'OS_AUTH_URL',
  application_credential_id: 'OS_APPLICATION_CREDENTIAL_ID',
  application_credential_name: 'OS_APPLICATION_CREDENTIAL_NAME',
  application_credential_secret: 'OS_APPLICATION_CREDENTIAL_SECRET',
  username: 'OS_USERNAME',
  user_id: 'OS_USER_ID',
  password: 'OS_PASSWORD',
  project_id: 'OS_PROJECT_ID',
  project_name: 'OS_PROJECT_NAME',
  tenant_id: 'OS_PROJECT_ID',
  tenant_name: 'OS_PROJECT_NAME',
  user_domain_id: 'OS_USER_DOMAIN_ID',
  user_domain_name: 'OS_USER_DOMAIN_NAME',
  project_domain_id: 'OS_PROJECT_DOMAIN_ID',
  project_domain_name: 'OS_PROJECT_DOMAIN_NAME'
}
const CLOUD_KEYS: Record<string, string> = {
  auth_type: 'OS_AUTH_TYPE',
  region_name: 'OS_REGION_NAME',
  interface: 'OS_INTERFACE'
}
const SECRET_KEYS = new Set(['password', 'application_credential_secret'])

/** The named cloud's settings, or undefined when no cloud is named. Bad input names --os-cloud. */
export async function readCloudsYaml(options: CloudsYamlOptions): Promise<CloudsYaml | undefined> {
  const name = options.cloud ?? options.env.OS_CLOUD?.trim()
  if (!name) return undefined
  const dirs = searchDirs(options)
  const file = options.env.OS_CLIENT_CONFIG_FILE || firstFile(dirs, 'clouds.yaml')
  if (!file) {
    throw new InputError(
      '--os-cloud',
      `cloud "${name}" is named but no clouds.yaml was found (looked in ${dirs.join(', ')}; ` +
        'OS_CLIENT_CONFIG_FILE names one elsewhere)'
    )
  }
  const clouds = await cloudsOf(file)
  const secureFile = options.env.OS_CLIENT_SECURE_FILE || firstFile(dirs, 'secure.yaml')
  const secure = secureFile ? await cloudsOf(secureFile) : {}
  const entry = Object.hasOwn(clouds, name) ? clouds[name] : undefined
  if (!isRecord(entry)) {
    const names = Object.keys(clouds)
    throw new InputError(
      '--os-cloud',
      `no cloud "${name}" in ${file}; ${names.length > 0 ? `its clouds: ${names.join(', ')}` : 'it has no clouds'}`
    )
  }
  const secured = Object.hasOwn(secure, name) ? secure[name] : undefined
  const merged = mergeDeep(entry, isRecord(secured) ? secured : {})
  const env: Record<string, string> = {}
  const secrets: string[] = []
  const take = (key: string, value: unknown, variable: string | undefined): void => {
    if (variable === undefined || value === undefined || value === null || isRecord(value)) return
    const text = String(value).trim()
    if (text === '') return
    env[variable] = text
    if (SECRET_KEYS.has(key)) secrets.push(text)
  }
  const auth = isRecord(merged.auth) ? merged.auth : {}
  for (const [key, value] of Object.entries(auth)) take(key, value, AUTH_KEYS[key])
  for (const [key, value] of Object.entries(merged)) take(key, value, CLOUD_KEYS[key])
  return { env, secrets, file }
}

/** The CLI's environment: the process's own variables win over the file's. */
export function overlay(
  processEnv: NodeJS.ProcessEnv,
  fromFile: Record<string, string>
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...fromFile }
  for (const [key, value] of Object.entries(processEnv)) {
    // An empty variable is unset for the readers (inputOrEnv), so it must not hide the file's.
    if (value !== undefined && (value.trim() !== '' || !(key in fromFile))) env[key] = value
  }
  return env
}

function searchDirs(options: CloudsYamlOptions): string[] {
  const config = options.env.XDG_CONFIG_HOME || path.join(options.home, '.config')
  return [options.cwd, path.join(config, 'openstack'), options.systemDir ?? '/etc/openstack']
}

function firstFile(dirs: string[], name: string): string | undefined {
  return dirs.map((dir) => path.join(dir, name)).find((file) => existsSync(file))
}

async function cloudsOf(file: string): Promise<Record<string, unknown>> {
  // Loaded only when a cloud is named: the parser is a third of the CLI's start-up bundle.
  const { parse } = await import('yaml')
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw new InputError('--os-cloud', `cannot read ${file} (${String(code ?? 'error')})`)
  }
  let doc: unknown
  try {
    doc = parse(text)
  } catch (error) {
    // Only the position: the parser's message quotes the line, which may hold a secret.
    const at = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0]
    throw new InputError(
      '--os-cloud',
      `${file} is not valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ''}`
    )
  }
  if (doc === null || doc === undefined) return {}
  if (!isRecord(doc) || (doc.clouds !== undefined && !isRecord(doc.clouds))) {
    throw new InputError('--os-cloud', `${file} has no "clouds:" mapping`)
  }
  return (doc.clouds as Record<string, unknown> | undefined) ?? {}
}

function mergeDeep(
  base: Record<string, unknown>,
  over: Record<string, unknown>
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) {
    const current = out[key]
    out[key] = isRecord(current) && isRecord(value) ? mergeDeep(current, value) : value
  }
  return out
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
