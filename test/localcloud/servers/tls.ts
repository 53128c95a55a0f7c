// TLS for the local cloud's database servers: one test CA per cloud, and a server
// certificate per instance with the instance's own address as its IP SAN, so a client can
// verify the chain (verify-ca) and the host name (verify-full) as against a real cloud.
// EC keys: a certificate takes milliseconds, so start-up stays fast.

import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { run } from './proc.ts'

export interface TestCa {
  /** the CA certificate (PEM): what a client gets as its trust anchor (db-ca) */
  certFile: string
  keyFile: string
}

export interface ServerCert {
  certFile: string
  keyFile: string
  /** the CA certificate, for servers that want it beside their own (mariadbd --ssl-ca) */
  caFile: string
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']

/** A self-signed CA in `dir` (created), valid for two days: longer than any test run. */
export async function createTestCa(dir: string, name = 'localcloud test CA'): Promise<TestCa> {
  await mkdir(dir, { recursive: true })
  const ca = { certFile: path.join(dir, 'ca.crt'), keyFile: path.join(dir, 'ca.key') }
  await run('openssl', [
    ...['req', '-x509', ...EC_KEY, '-days', '2', '-subj', `/CN=${name}`],
    ...['-addext', 'basicConstraints=critical,CA:TRUE'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ...['-keyout', ca.keyFile, '-out', ca.certFile]
  ])
  return ca
}

/**
 * A server certificate for `host` (an IPv4 address) signed by `ca`, into `dir` (created). The
 * address is the IP SAN (what a verify-full client compares with the address it dialled) and
 * the CN, as a real cloud's instance certificates name the instance.
 */
export async function issueServerCert(ca: TestCa, host: string, dir: string): Promise<ServerCert> {
  await mkdir(dir, { recursive: true })
  const cert = {
    certFile: path.join(dir, 'server.crt'),
    keyFile: path.join(dir, 'server.key'),
    caFile: ca.certFile
  }
  // `req -CA` (OpenSSL 3) makes and signs the certificate in one step.
  await run('openssl', [
    ...['req', '-x509', ...EC_KEY, '-days', '2', '-subj', `/CN=${host}`],
    ...['-CA', ca.certFile, '-CAkey', ca.keyFile],
    ...['-addext', `subjectAltName=IP:${host}`],
    ...['-addext', 'basicConstraints=critical,CA:FALSE'],
    ...['-addext', 'extendedKeyUsage=serverAuth'],
    ...['-keyout', cert.keyFile, '-out', cert.certFile]
  ])
  return cert
}
