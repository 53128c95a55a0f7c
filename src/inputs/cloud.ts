import type { Credentials, NamedRef, SessionConfig } from '../openstack/index.js'
import { InputError } from '../errors.js'
import { inputOrEnv, type InputSource, readBoolean, readDuration } from './source.js'

export interface CloudInputs {
  session: SessionConfig
  /** Per HTTP attempt. */
  requestTimeoutMs: number
}

/**
 * Reads the cloud connection. Inputs win over the standard OS_* variables, so a sourced openrc
 * file (or a workflow `env:` built from one) works unchanged. Secrets are masked first.
 */
export function readCloudInputs(source: InputSource): CloudInputs {
  const secret = inputOrEnv(
    source,
    'application-credential-secret',
    'OS_APPLICATION_CREDENTIAL_SECRET'
  )
  const password = inputOrEnv(source, 'password', 'OS_PASSWORD')
  if (secret) source.mask(secret)
  if (password) source.mask(password)

  const insecure = readBoolean(source, 'allow-insecure-http')
  const authUrl = inputOrEnv(source, 'auth-url', 'OS_AUTH_URL')
  if (!authUrl) {
    throw new InputError(
      'auth-url',
      'is required (or set OS_AUTH_URL), e.g. https://pukki.dbaas.csc.fi:5000/v3'
    )
  }
  checkUrl(source, 'auth-url', authUrl, insecure)
  const databaseEndpoint = source.get('database-endpoint')
  if (databaseEndpoint) checkUrl(source, 'database-endpoint', databaseEndpoint, insecure)

  const iface = inputOrEnv(source, 'interface', 'OS_INTERFACE', 'OS_ENDPOINT_TYPE') || 'public'
  if (!['public', 'internal', 'admin'].includes(iface.replace(/URL$/, ''))) {
    throw new InputError('interface', `"${iface}" is not allowed; use public, internal or admin`)
  }

  const session: SessionConfig = {
    authUrl: authUrl.replace(/\/+$/, ''),
    credentials: readCredentials(source, secret, password),
    interface: iface.replace(/URL$/, '')
  }
  const region = inputOrEnv(source, 'region', 'OS_REGION_NAME')
  if (region) session.region = region
  if (databaseEndpoint) session.databaseEndpoint = databaseEndpoint
  return {
    session,
    requestTimeoutMs: readDuration(source, 'request-timeout', {
      minMs: 1000,
      maxMs: 10 * 60_000
    })
  }
}

function readCredentials(source: InputSource, secret: string, password: string): Credentials {
  const appCredId = inputOrEnv(source, 'application-credential-id', 'OS_APPLICATION_CREDENTIAL_ID')
  const appCredName = inputOrEnv(
    source,
    'application-credential-name',
    'OS_APPLICATION_CREDENTIAL_NAME'
  )
  const authType = normaliseAuthType(
    inputOrEnv(source, 'auth-type', 'OS_AUTH_TYPE'),
    appCredId || appCredName
  )

  if (authType === 'application_credential') {
    if (!secret) {
      throw new InputError(
        'application-credential-secret',
        'is required with an application credential (or set OS_APPLICATION_CREDENTIAL_SECRET)'
      )
    }
    if (appCredId) return { method: 'application_credential', id: appCredId, secret }
    if (!appCredName) {
      throw new InputError(
        'application-credential-id',
        'is required (or application-credential-name with its user); set OS_APPLICATION_CREDENTIAL_ID'
      )
    }
    return {
      method: 'application_credential',
      name: appCredName,
      secret,
      user: readUser(source, 'application-credential-name')
    }
  }

  const username =
    inputOrEnv(source, 'username', 'OS_USERNAME') || inputOrEnv(source, 'user-id', 'OS_USER_ID')
  if (!password && !username && !secret) {
    throw new InputError(
      'application-credential-id',
      'no credentials were given: set application-credential-id and application-credential-secret ' +
        '(or OS_APPLICATION_CREDENTIAL_ID / OS_APPLICATION_CREDENTIAL_SECRET, as in an openrc file)'
    )
  }
  if (!password) {
    throw new InputError(
      'password',
      'is required for password authentication (or set OS_PASSWORD); application credentials are recommended instead'
    )
  }
  return {
    method: 'password',
    user: readUser(source, 'username'),
    password,
    project: readProject(source)
  }
}

function normaliseAuthType(
  value: string,
  haveAppCred: string
): 'application_credential' | 'password' {
  const type = value.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (type === '') return haveAppCred ? 'application_credential' : 'password'
  if (['v3applicationcredential', 'applicationcredential'].includes(type))
    return 'application_credential'
  if (['password', 'v3password'].includes(type)) return 'password'
  throw new InputError(
    'auth-type',
    `"${value}" is not supported; use v3applicationcredential or password`
  )
}

function readUser(source: InputSource, context: string): NamedRef {
  const userId = inputOrEnv(source, 'user-id', 'OS_USER_ID')
  if (userId) return { id: userId }
  const username = inputOrEnv(source, 'username', 'OS_USERNAME')
  if (!username) {
    throw new InputError(
      context === 'username' ? 'username' : 'user-id',
      'a user is required: set user-id, or username with user-domain-name'
    )
  }
  return { name: username, domain: readDomain(source, 'user', 'OS_USER_DOMAIN') }
}

function readProject(source: InputSource): NamedRef {
  const projectId = inputOrEnv(source, 'project-id', 'OS_PROJECT_ID', 'OS_TENANT_ID')
  if (projectId) return { id: projectId }
  const projectName = inputOrEnv(source, 'project-name', 'OS_PROJECT_NAME', 'OS_TENANT_NAME')
  if (!projectName) {
    throw new InputError(
      'project-id',
      'password authentication needs a project: set project-id, or project-name with project-domain-id'
    )
  }
  return { name: projectName, domain: readDomain(source, 'project', 'OS_PROJECT_DOMAIN') }
}

/** A name given without a domain is refused by Keystone, so ask for one up front. */
function readDomain(
  source: InputSource,
  kind: 'user' | 'project',
  envPrefix: string
): { id: string } | { name: string } {
  const id = inputOrEnv(source, `${kind}-domain-id`, `${envPrefix}_ID`)
  if (id) return { id }
  const name = inputOrEnv(source, `${kind}-domain-name`, `${envPrefix}_NAME`)
  if (name) return { name }
  throw new InputError(
    `${kind}-domain-name`,
    `is required when the ${kind} is given by name (or set ${envPrefix}_NAME or ${envPrefix}_ID)`
  )
}

function checkUrl(source: InputSource, input: string, value: string, insecure: boolean): void {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(input, `"${value}" is not a URL`)
  }
  if (url.username || url.password) {
    throw new InputError(input, 'must not carry credentials in the URL')
  }
  if (url.protocol === 'https:') return
  if (url.protocol === 'http:') {
    if (insecure) return
    throw new InputError(
      input,
      `"${value}" is plain http, which would send credentials and tokens unencrypted; use https, or set ${source.spell.setting('allow-insecure-http', 'true')} for a test cloud`
    )
  }
  throw new InputError(input, `"${value}" must be an https URL`)
}
