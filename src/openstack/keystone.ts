import { OpenStackResponseError } from './errors.js'
import type { HttpClient } from './http.js'
import { Reader } from './parse.js'

/** How to identify a user or a project: by id, or by name within a domain. */
export type NamedRef = { id: string } | { name: string; domain: { id: string } | { name: string } }

export type Credentials =
  | { method: 'application_credential'; id: string; secret: string }
  | { method: 'application_credential'; name: string; secret: string; user: NamedRef }
  | { method: 'password'; user: NamedRef; password: string; project: NamedRef }

export interface CatalogEndpoint {
  interface: string
  region?: string
  regionId?: string
  url: string
}

export interface CatalogService {
  type: string
  name?: string
  endpoints: CatalogEndpoint[]
}

export interface Token {
  /** The X-Subject-Token value. Secret. */
  value: string
  expiresAt: Date
  projectId: string
  projectName?: string
  catalog: CatalogService[]
}

/** The body of POST /v3/auth/tokens (docs/trove-api.md §1.2, 1.3). */
export function authRequestBody(credentials: Credentials): object {
  if (credentials.method === 'password') {
    return {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { ...credentials.user, password: credentials.password } }
        },
        scope: { project: credentials.project }
      }
    }
  }
  // An application credential carries its own scope; sending one is a 401 (docs/trove-api.md §1.3).
  const appCred =
    'id' in credentials
      ? { id: credentials.id, secret: credentials.secret }
      : { name: credentials.name, secret: credentials.secret, user: credentials.user }
  return {
    auth: {
      identity: { methods: ['application_credential'], application_credential: appCred }
    }
  }
}

/** Asks Keystone for a project-scoped token with its catalog. */
export async function issueToken(
  http: HttpClient,
  authUrl: string,
  credentials: Credentials
): Promise<Token> {
  const url = `${authUrl.replace(/\/+$/, '')}/auth/tokens`
  const response = await http.send({
    method: 'POST',
    url,
    body: authRequestBody(credentials),
    expected: [201, 200],
    // Issuing a token changes nothing on the server, so a lost answer may be retried.
    idempotent: true,
    context: 'Keystone: authenticate'
  })
  const value = response.headers.get('x-subject-token')
  if (!value) {
    throw new OpenStackResponseError(
      'Keystone: authenticate: the answer has no X-Subject-Token header'
    )
  }
  return readToken(response.body, value)
}

export function readToken(body: unknown, value: string): Token {
  const token = Reader.at(body, 'token', 'Keystone: authenticate')
  const project = token.optionalChild('project')
  if (!project) {
    throw new OpenStackResponseError(
      'Keystone: authenticate: the token is not scoped to a project — set a project (id, or name with its domain)'
    )
  }
  const catalog = (token.optionalArray('catalog') ?? []).map((entry, i) => {
    const service = new Reader(entry, `Keystone: catalog[${i}]`)
    const result: CatalogService = {
      type: service.string('type'),
      endpoints: service.array('endpoints').map((e, j) => {
        const endpoint = new Reader(e, `Keystone: catalog[${i}].endpoints[${j}]`)
        const out: CatalogEndpoint = {
          interface: endpoint.string('interface'),
          url: endpoint.string('url')
        }
        const region = endpoint.optionalString('region')
        const regionId = endpoint.optionalString('region_id')
        if (region !== undefined) out.region = region
        if (regionId !== undefined) out.regionId = regionId
        return out
      })
    }
    const name = service.optionalString('name')
    if (name !== undefined) result.name = name
    return result
  })
  const result: Token = {
    value,
    expiresAt: token.time('expires_at'),
    projectId: project.string('id'),
    catalog
  }
  const projectName = project.optionalString('name')
  if (projectName !== undefined) result.projectName = projectName
  return result
}

/**
 * The endpoint of a service type for a region and interface. The error lists what the catalog
 * offers, since a wrong region is the usual mistake (e.g. a cPouta config against Pukki).
 */
export function findEndpoint(
  catalog: CatalogService[],
  type: string,
  iface: string,
  region: string | undefined
): string {
  const services = catalog.filter((s) => s.type === type)
  const candidates = services.flatMap((s) => s.endpoints)
  const match = candidates.find(
    (e) => e.interface === iface && (!region || e.regionId === region || e.region === region)
  )
  if (match) return match.url
  const offered = candidates.map((e) => `${e.interface}@${e.regionId ?? e.region ?? '?'}`)
  const regionText = region ? ` in region "${region}"` : ''
  throw new OpenStackResponseError(
    `Keystone catalog: no ${iface} endpoint for service type "${type}"${regionText}` +
      (offered.length > 0
        ? `; the catalog offers: ${offered.join(', ')}`
        : `; the catalog has no "${type}" service at all (is this the right auth URL?)`)
  )
}

/**
 * Trove's catalog URL normally ends in /v1.0/<project_id>. Be forgiving when a cloud registers it
 * without the project, as docs/trove-api.md §1.5 recommends.
 */
export function troveBaseUrl(endpoint: string, projectId: string): string {
  const url = endpoint.replace(/\/+$/, '')
  if (url.endsWith(`/${projectId}`)) return url
  if (/\/v1\.0$/.test(url)) return `${url}/${projectId}`
  return `${url}/v1.0/${projectId}`
}
