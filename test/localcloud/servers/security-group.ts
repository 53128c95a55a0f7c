// The instance's security group, as far as this machine can show it. A cloud lets TCP in
// to an instance's database port only from its allowed CIDRs. Here every client (the
// product, the tests, psql) connects from 127.0.0.1, so there are two cases: CIDRs that take
// 127.0.0.1 in, and the server listens on its address; CIDRs that leave it out, and the
// server listens on its unix socket only, so a TCP connection to its address is refused, as
// a security group's reject rule would answer it.

/** The address every client on this machine connects from. */
export const LOCAL_CLIENT = '127.0.0.1'

function ipv4(text: string): number | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined
    n = n * 256 + Number(p)
  }
  return n
}

/** Whether `address` is inside the IPv4 CIDR `cidr` (a malformed CIDR takes nobody in). */
export function cidrContains(cidr: string, address: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/')
  const prefix = Number(bits)
  const net = ipv4(base)
  const ip = ipv4(address)
  if (net === undefined || ip === undefined || !/^\d{1,2}$/.test(bits) || prefix > 32) return false
  const size = 2 ** (32 - prefix)
  return Math.floor(net / size) === Math.floor(ip / size)
}

/** undefined: no rule at all (anyone may connect); else whether a local client may. */
export function admitsLocalClients(allowedCidrs: string[] | undefined): boolean {
  return allowedCidrs === undefined || allowedCidrs.some((c) => cidrContains(c, LOCAL_CLIENT))
}
