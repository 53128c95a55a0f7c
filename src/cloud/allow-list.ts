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

/** The allow-list for a restored instance: the explicit CIDRs, or the runner's own /32. */
export async function resolveAllowedCidrs(
  allowed: string[] | 'runner',
  runnerIpUrl: string,
  env: NodeJS.ProcessEnv
): Promise<string[]> {
  return allowed === 'runner' ? [await detectRunnerCidr(runnerIpUrl, createFetch(env))] : allowed
}
