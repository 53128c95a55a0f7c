export type FetchFn = typeof globalThis.fetch

/** The proxy settings self-hosted runners set, upper or lower case (lower wins, as in curl). */
export function proxyFromEnv(env: NodeJS.ProcessEnv): {
  httpProxy?: string
  httpsProxy?: string
  noProxy?: string
} {
  const pick = (name: string): string | undefined =>
    env[name.toLowerCase()] || env[name.toUpperCase()] || undefined
  const settings: { httpProxy?: string; httpsProxy?: string; noProxy?: string } = {}
  const httpProxy = pick('http_proxy')
  const httpsProxy = pick('https_proxy')
  const noProxy = pick('no_proxy')
  if (httpProxy) settings.httpProxy = httpProxy
  if (httpsProxy) settings.httpsProxy = httpsProxy
  if (noProxy) settings.noProxy = noProxy
  return settings
}

/**
 * Node's fetch ignores HTTPS_PROXY. When a proxy is configured we send through undici's
 * EnvHttpProxyAgent, which also honours NO_PROXY; without one, the plain global fetch.
 * undici is loaded on the first proxied request only: it is a large module, and parsing it at
 * start-up would slow every run that has no proxy (most of them).
 */
export function createFetch(env: NodeJS.ProcessEnv): FetchFn {
  const settings = proxyFromEnv(env)
  if (!settings.httpProxy && !settings.httpsProxy) return globalThis.fetch
  let proxied: Promise<FetchFn> | undefined
  const load = async (): Promise<FetchFn> => {
    const { EnvHttpProxyAgent, fetch: undiciFetch } = await import('undici')
    const dispatcher = new EnvHttpProxyAgent(settings)
    return ((input: Parameters<FetchFn>[0], init?: Parameters<FetchFn>[1]) =>
      undiciFetch(
        input as never,
        { ...(init as object), dispatcher } as never
      )) as unknown as FetchFn
  }
  return (async (input: Parameters<FetchFn>[0], init?: Parameters<FetchFn>[1]) =>
    (await (proxied ??= load()))(input, init)) as FetchFn
}
