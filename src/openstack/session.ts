import { InsecureEndpointError, OpenStackHttpError } from './errors.js'
import type { HttpClient, HttpRequest, HttpResponse } from './http.js'
import { type Credentials, findEndpoint, issueToken, type Token, troveBaseUrl } from './keystone.js'
import { registerSecret } from './secrets.js'

export interface SessionConfig {
  authUrl: string
  credentials: Credentials
  region?: string
  interface: string
  /** Skips the catalog lookup for the database service. */
  databaseEndpoint?: string
  /** Accept a plain-http endpoint from the catalog (test clouds; `allow-insecure-http`). */
  allowInsecureHttp?: boolean
  /** Renew this long before the token expires (long restores outlive a default 1 h token). */
  renewBeforeMs?: number
}

export type ServiceRequest = Omit<HttpRequest, 'url' | 'headers'> & { path: string }

/**
 * One token per run: issued on first use, reused, renewed shortly before it expires, and renewed
 * once more when a service answers 401 (expired early, or revoked).
 */
export class OpenStackSession {
  readonly http: HttpClient
  private readonly config: SessionConfig
  private token: Token | undefined
  /** When the current token was issued, by our clock: its lifetime bounds the renewal margin. */
  private issuedAt = 0
  private pending: Promise<Token> | undefined

  constructor(http: HttpClient, config: SessionConfig) {
    this.http = http
    this.config = config
    // Whatever Keystone or Trove answers is scrubbed of the credential before it is shown.
    const c = config.credentials
    registerSecret(c.method === 'password' ? c.password : c.secret)
  }

  async currentToken(): Promise<Token> {
    if (this.token) {
      const expiresAt = this.token.expiresAt.getTime()
      // Renew a few minutes early, but never more than half the token's life early, or a
      // short-lived token would be renewed on every call.
      const margin = Math.min(
        this.config.renewBeforeMs ?? 5 * 60_000,
        (expiresAt - this.issuedAt) / 2
      )
      if (expiresAt - this.http.options.now() > margin) return this.token
    }
    return this.renew()
  }

  /** Base URL of the Trove API, ending in /v1.0/<project_id>. */
  async databaseUrl(): Promise<string> {
    const token = await this.currentToken()
    if (this.config.databaseEndpoint)
      return troveBaseUrl(this.config.databaseEndpoint, token.projectId)
    const endpoint = findEndpoint(
      token.catalog,
      'database',
      this.config.interface,
      this.config.region
    )
    // The same rule as for a database-endpoint given by hand: no token over plain http.
    if (!this.config.allowInsecureHttp && new URL(endpoint).protocol !== 'https:') {
      throw new InsecureEndpointError(
        `Keystone's catalog names ${endpoint} for the database service, which is not https: the token would travel unencrypted. ` +
          'Ask the provider to fix the catalog, set database-endpoint to the https URL, or set allow-insecure-http: true for a test cloud'
      )
    }
    return troveBaseUrl(endpoint, token.projectId)
  }

  /** Sends a request to the database service, re-authenticating once on a 401. */
  async database(request: ServiceRequest): Promise<HttpResponse> {
    const first = await this.currentToken()
    try {
      return await this.sendWith(first, request)
    } catch (error) {
      if (!(error instanceof OpenStackHttpError) || error.status !== 401) throw error
      if (this.token === first) this.token = undefined
      const second = await this.currentToken()
      try {
        return await this.sendWith(second, request)
      } catch (again) {
        if (again instanceof OpenStackHttpError && again.status === 401) {
          throw new Error(
            `${again.message} — the token was rejected twice: the application credential may have ` +
              `expired or been deleted, or its access rules do not allow ${request.method} ${request.path}`,
            { cause: again }
          )
        }
        throw again
      }
    }
  }

  private async sendWith(token: Token, request: ServiceRequest): Promise<HttpResponse> {
    const { path, ...rest } = request
    const base = await this.databaseUrl()
    return this.http.send({
      ...rest,
      url: `${base}${path}`,
      headers: { 'X-Auth-Token': token.value }
    })
  }

  private renew(): Promise<Token> {
    // Concurrent callers share one authentication instead of each issuing a token.
    const requestedAt = this.http.options.now()
    this.pending ??= issueToken(this.http, this.config.authUrl, this.config.credentials)
      .then((token) => {
        this.token = token
        this.issuedAt = requestedAt
        return token
      })
      .finally(() => {
        this.pending = undefined
      })
    return this.pending
  }
}
