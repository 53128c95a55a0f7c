import { describeError } from '../errors.js'
import { isIPv4 } from 'node:net'
import { createFetch, type FetchFn } from '../openstack/proxy.js'

/**
 * The runner's public IPv4 address as an echo service sees it, as a /32 for the temporary
 * instance's firewall (a restored instance gets a new IP and its own allow-list).
 */
export async function detectRunnerCidr(
  echoUrl: string,
  fetchFn: FetchFn,
  timeoutMs = 10_000
): Promise<string> {
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
  return `${text}/32`
}

/** The widest allow-list prefix Pukki accepts for an instance. */
const MIN_PREFIX = 22

/** `a.b.c.d/n` with a sane prefix. The world (`0.0.0.0/0`) is never a safe firewall for a copy of production data. */
export function checkCidr(value: string): string | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value)
  if (!match || !isIPv4(match[1] as string))
    return `"${value}" is not an IPv4 CIDR like 203.0.113.7/32`
  const prefix = Number(match[2])
  if (prefix > 32) return `"${value}" has a prefix over 32`
  if (prefix === 0)
    return `"${value}" opens the restored data to the whole internet; name the runner's address instead`
  // Pukki refuses prefixes wider than /22 only when the create is sent; refusing here keeps a
  // bad input from reaching the cloud, and a copy of production data needs a narrow allow-list.
  if (prefix < MIN_PREFIX)
    return `"${value}" is wider than /${MIN_PREFIX} (the widest the cloud accepts)`
  return undefined
}

/** The allow-list for a restored instance: the explicit CIDRs, or the runner's own /32. */
export async function resolveAllowedCidrs(
  allowed: string[] | 'runner',
  runnerIpUrl: string,
  env: NodeJS.ProcessEnv
): Promise<string[]> {
  return allowed === 'runner' ? [await detectRunnerCidr(runnerIpUrl, createFetch(env))] : allowed
}
