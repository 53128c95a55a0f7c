// The Trove listener's pipeline, in api-paste.ini order: authtoken (401) →
// tenant check (403) → rate limit (413) → routes. Errors thrown by routes become
// their fault bodies. Like trove-api, no answer carries an x-openstack-request-id
// (docs/trove-api.md §2.1).

import {
  faultFor,
  HttpError,
  json,
  Router,
  webobError,
  type Handler,
  type Req,
  type Res
} from './http.ts'
import { rateLimited, unauthorizedBody } from './faults.ts'
import type { State } from './state.ts'
import { backupRoutes } from './trove-backups.ts'
import { catalogRoutes } from './trove-catalog.ts'
import { instanceRoutes } from './trove-instances.ts'

export function troveHandler(state: State): Handler {
  const router = new Router()
  instanceRoutes(router, state)
  backupRoutes(router, state)
  catalogRoutes(router, state)
  return (req) => dispatch(state, router, req)
}

async function dispatch(state: State, router: Router, req: Req): Promise<Res> {
  if (req.path === '/' && req.method === 'GET') return versions(state)
  const m = /^\/v1\.0\/([^/]+)(\/.*)?$/.exec(req.path)
  if (!m) return faultFor(404, 'The resource could not be found.')
  const token = state.tokens.get(String(req.headers['x-auth-token'] ?? ''))
  if (!token || token.expiresAt <= Date.now()) {
    return json(401, unauthorizedBody(), {
      // keystonemiddleware names www_authenticate_uri as configured (the /v3 URL).
      'WWW-Authenticate': `Keystone uri="${state.authUrl}"`
    })
  }
  const tenant = decodeURIComponent(m[1] as string)
  if (tenant !== token.projectId) {
    // TenantBasedAuth raises webob's HTTPForbidden, which no Trove fault wraps.
    return webobError(
      403,
      'Forbidden',
      `Access was denied to this resource.<br /><br />\nUser with tenant id ${token.projectId} cannot access this resource.\n\n`
    )
  }
  const limited = rateLimited(state, req.method, token.projectId)
  if (limited) return limited
  const found = router.match(req.method, m[2] ?? '/')
  if (!found) return faultFor(404, 'The resource could not be found.')
  if (found === 'method') return faultFor(405, 'The server could not comply with the request.')
  try {
    return await found.handler(req, found.params)
  } catch (err) {
    if (err instanceof HttpError) return err.res
    throw err
  }
}

function versions(state: State): Res {
  const href = state.troveUrl.replace(/\/v1\.0\/.*$/, '/v1.0/')
  return json(200, {
    versions: [
      {
        id: 'v1.0',
        status: 'CURRENT',
        updated: '2012-08-01T00:00:00Z',
        links: [{ rel: 'self', href }]
      }
    ]
  })
}
