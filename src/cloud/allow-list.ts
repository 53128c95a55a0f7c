import { describeError } from '../errors.js'
import { isIPv4 } from 'node:net'
import type { RestoreInputs } from '../inputs/restore.js'
import { createFetch, type FetchFn } from '../openstack/proxy.js'

/**
 * The runner's public IPv4 address as an echo service sees it, as a /32 for the temporary
 * instance's firewall (a restored instance gets a new IP and its own allow-list).
 */
export async function detectRunnerCidr(
  echoUrl: string,
  fetchFn: FetchFn,
  options: { allowPrivate: boolean; timeoutMs?: number }
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 10_000
  let text: string
  try {
    const response = await fetchFn(echoUrl, { signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) throw new Error(`answered ${response.status}`)
    text = (await response.text()).trim()
  } catch (error) {
    throw new Error(
      `Could not detect the runner's public address from ${echoUrl} (${describeError(error)}); ` +
        `set allowed-cidrs to the runner's address, e.g. 203.0.113.7/32, or runner-ip-url to another echo service`,
      { cause: error }
    )
  }
  if (!isIPv4(text)) {
    throw new Error(
      `${echoUrl} answered "${text.slice(0, 60)}", which is not an IPv4 address; set allowed-cidrs instead`
    )
  }
  if (!options.allowPrivate && !isPublicUnicast(text)) {
    throw new Error(
      `${echoUrl} answered ${text}, which is not a public address (private, loopback, link-local, ` +
        'documentation, multicast or reserved); a runner reaches the cloud from a public one. ' +
        "Set allowed-cidrs to the runner's address instead (allow-insecure-http: true accepts it for a test cloud)"
    )
  }
  return `${text}/32`
}

/** Ranges that are never a runner's public address (RFC 6890 special-purpose IPv4 blocks). */
const NOT_PUBLIC: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4]
]

function toNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}

/** A public unicast IPv4 address: in none of the special-purpose blocks. */
export function isPublicUnicast(ip: string): boolean {
  const n = toNumber(ip)
  return NOT_PUBLIC.every(([base, prefix]) => {
    const size = 2 ** (32 - prefix)
    return Math.floor(n / size) !== Math.floor(toNumber(base) / size)
  })
}

/** The allow-list for a restored instance: the explicit CIDRs, or the runner's own /32. */
export async function resolveAllowedCidrs(
  inputs: Pick<RestoreInputs, 'allowedCidrs' | 'runnerIpUrl' | 'allowInsecureHttp'>,
  env: NodeJS.ProcessEnv
): Promise<string[]> {
  if (inputs.allowedCidrs !== 'runner') return inputs.allowedCidrs
  const fetchFn = createFetch(env)
  return [
    await detectRunnerCidr(inputs.runnerIpUrl, fetchFn, { allowPrivate: inputs.allowInsecureHttp })
  ]
}
