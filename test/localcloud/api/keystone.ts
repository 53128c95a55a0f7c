// Keystone v3, the subset clients need: version discovery and POST /v3/auth/tokens
// with password or application-credential auth. One user, one project, one app
// credential (CloudInfo has them). Tokens live in State for Trove to check.

import { randomBytes, randomUUID } from 'node:crypto'
import { json, type Handler, type Req, type Res } from './http.ts'
import { unauthorizedBody } from './faults.ts'
import { keystoneTime, type State } from './state.ts'

const DOMAIN = { id: 'default', name: 'Default' }
const ROLES = [
  { id: '9fe2ff9ee4384b1894a90878d3e92bab', name: 'member' },
  { id: '1c6a1d6f2b8f4f4e8c3c7d6b5a4e3f21', name: 'reader' }
]

class AuthError extends Error {
  status: number
  /** an auth plugin's error (AuthPluginException): the body carries `identity: {}` */
  plugin: boolean
  constructor(status: number, message: string, plugin = false) {
    super(message)
    this.status = status
    this.plugin = plugin
  }
}

export function keystoneHandler(state: State): Handler {
  // Keystone's pipeline has oslo's request_id filter: every answer names its request.
  return async (req) => {
    const res = await answer(state, req)
    return { ...res, headers: { ...res.headers, 'x-openstack-request-id': `req-${randomUUID()}` } }
  }
}

async function answer(state: State, req: Req): Promise<Res> {
  const p = req.path.replace(/\/+$/, '')
  if (req.method === 'GET' && (p === '/v3' || p === '')) return versions(state, p)
  if (p === '/v3/auth/tokens' && req.method === 'POST') {
    try {
      return issueToken(state, req)
    } catch (err) {
      if (!(err instanceof AuthError)) throw err
      if (err.status === 401) {
        // keystone/server/flask/application.py: every Unauthorized names Keystone's base
        // URL (without the version); a plugin's error adds an empty `identity`.
        const body = unauthorizedBody(err.message) as { error: Record<string, unknown> }
        if (err.plugin) body.error.identity = {}
        return json(401, body, {
          'WWW-Authenticate': `Keystone uri="${state.authUrl.replace(/\/v3$/, '')}"`
        })
      }
      return json(err.status, {
        error: { code: err.status, title: 'Bad Request', message: err.message }
      })
    }
  }
  return json(404, {
    error: { code: 404, title: 'Not Found', message: 'The resource could not be found.' }
  })
}

function versions(state: State, p: string): Res {
  const v3 = {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${state.authUrl}/` }],
    'media-types': [
      { base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }
    ]
  }
  if (p === '/v3') return json(200, { version: v3 })
  return json(300, { versions: { values: [v3] } })
}

type Obj = Record<string, unknown>

function obj(v: unknown): Obj | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined
}

function issueToken(state: State, req: Req): Res {
  let body: unknown
  try {
    body = JSON.parse(req.body.toString('utf8') || 'null')
  } catch {
    throw new AuthError(400, 'Expecting to find valid JSON in request body.')
  }
  const auth = obj(obj(body)?.auth)
  const identity = obj(auth?.identity)
  const methods = identity?.methods
  if (!auth || !identity || !Array.isArray(methods) || methods.length === 0) {
    throw new AuthError(400, "Invalid input for field 'identity': 'methods' is a required property")
  }
  let appCred = false
  if (methods.includes('application_credential')) {
    checkAppCred(state, obj(identity.application_credential), auth.scope)
    appCred = true
  } else if (methods.includes('password')) {
    checkPassword(state, obj(obj(identity.password)?.user))
    // Password auth without a scope gives an unscoped token: no project, no catalog.
    if (auth.scope === undefined) return tokenResponse(state, false, false)
    checkProjectScope(state, obj(auth.scope))
  } else {
    throw new AuthError(401, 'The request you have made requires authentication.')
  }
  return tokenResponse(state, appCred, true)
}

function checkAppCred(state: State, cred: Obj | undefined, scope: unknown): void {
  const id = state.identity
  if (!cred) throw new AuthError(400, "'application_credential' is a required property")
  if (scope !== undefined) {
    // keystone/auth/core.py: app credentials carry their own scope.
    throw new AuthError(
      401,
      'Error authenticating with application credential: Application credentials cannot request a scope.',
      true
    )
  }
  if (typeof cred.id === 'string') {
    if (cred.id !== id.appCredId || cred.secret !== id.appCredSecret) throw unauthorized()
    return
  }
  if (typeof cred.name !== 'string')
    throw new AuthError(400, 'Could not find application credential.')
  const user = obj(cred.user)
  if (!user) {
    throw new AuthError(400, 'Could not find user for application credential: user is required.')
  }
  if (typeof user.name === 'string' && !obj(user.domain)) {
    throw new AuthError(400, 'Expecting to find domain in user.')
  }
  const userOk = user.id === id.userId || (user.name === id.username && domainOk(obj(user.domain)))
  if (!userOk || cred.name !== id.appCredName || cred.secret !== id.appCredSecret) {
    throw unauthorized()
  }
}

function checkPassword(state: State, user: Obj | undefined): void {
  const id = state.identity
  if (!user) throw new AuthError(400, "'user' is a required property")
  if (typeof user.id !== 'string' && typeof user.name === 'string' && !obj(user.domain)) {
    throw new AuthError(400, 'Expecting to find domain in user.')
  }
  const userOk = user.id === id.userId || (user.name === id.username && domainOk(obj(user.domain)))
  if (!userOk || user.password !== id.password) throw unauthorized()
}

function checkProjectScope(state: State, scope: Obj | undefined): void {
  const project = obj(scope?.project)
  if (!project) throw unauthorized()
  if (typeof project.id === 'string') {
    if (project.id !== state.identity.projectId) throw unauthorized()
    return
  }
  if (!obj(project.domain)) throw new AuthError(400, 'Expecting to find domain in project.')
  if (project.name !== state.identity.projectName || !domainOk(obj(project.domain))) {
    throw unauthorized()
  }
}

function domainOk(d: Obj | undefined): boolean {
  return !!d && (d.id === DOMAIN.id || d.name === DOMAIN.name)
}

function unauthorized(): AuthError {
  return new AuthError(401, 'The request you have made requires authentication.')
}

function tokenResponse(state: State, appCred: boolean, scoped: boolean): Res {
  const id = state.identity
  const now = Date.now()
  const expiresAt = now + state.config.tokenTtlSeconds * 1000
  const token = 'gAAAAA' + randomBytes(48).toString('base64url')
  state.tokens.set(token, { expiresAt, projectId: scoped ? id.projectId : '', appCred })
  const body: Obj = {
    methods: [appCred ? 'application_credential' : 'password'],
    user: { id: id.userId, name: id.username, domain: DOMAIN, password_expires_at: null },
    audit_ids: [randomBytes(16).toString('base64url')],
    expires_at: keystoneTime(expiresAt),
    issued_at: keystoneTime(now)
  }
  if (scoped) {
    body.project = { id: id.projectId, name: id.projectName, domain: DOMAIN }
    body.is_domain = false
    body.roles = ROLES
    body.catalog = catalog(state)
  }
  if (appCred)
    body.application_credential = { id: id.appCredId, name: id.appCredName, restricted: true }
  return json(201, { token: body }, { 'X-Subject-Token': token })
}

function catalog(state: State): unknown[] {
  // A cloud registers each service three times (public, internal, admin), as the upstream
  // cloud's Keystone does; here the three lead to the same listener.
  const ep = (url: string, n: number) =>
    ['public', 'internal', 'admin'].map((iface, k) => ({
      id: `000000000000000000000000000000${k}${n}`,
      interface: iface,
      region: state.region,
      region_id: state.region,
      url
    }))
  return [
    { type: 'identity', name: 'keystone', id: 'a1', endpoints: ep(state.authUrl, 1) },
    { type: 'database', name: 'trove', id: 'a2', endpoints: ep(state.troveUrl, 2) },
    { type: 'object-store', name: 'swift', id: 'a3', endpoints: ep(state.swiftUrl, 3) }
  ]
}
